import { Worker } from "node:worker_threads";
import { makeBlobHasher } from "./blob-id.js";

/** Paths sent to a worker at a time: large enough to amortize a message, small enough to balance. */
const BATCH = 64;

/** One read buffer per worker. */
export const BUFFER_SIZE = 1024 * 1024;

type Reply =
  | { readonly digests: (string | null)[] }
  | {
      readonly failure: {
        readonly message: string;
        readonly code?: string;
        readonly path?: string;
      };
    };

// The worker: the same hasher as the main thread's (its source text), answering batches of paths.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const hash = (${makeBlobHasher.toString()})(require("node:fs"), require("node:crypto"), ${BUFFER_SIZE});
parentPort.on("message", ({ paths, clean }) => {
  try {
    parentPort.postMessage({ digests: paths.map((path) => hash(path, clean)) });
  } catch (error) {
    parentPort.postMessage({ failure: { message: String(error?.message ?? error), code: error?.code, path: error?.path } });
  }
});
`;

/** A worker that hashes one batch at a time; it holds the process open only while it works. */
class HashWorker {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  #pending: { resolve: (digests: (string | null)[]) => void; reject: (e: Error) => void } | null =
    null;
  dead = false;

  constructor() {
    this.#worker.unref();
    this.#worker.on("message", (reply: Reply) => {
      const pending = this.#settle();
      if ("failure" in reply) {
        const { message, code, path } = reply.failure;
        pending?.reject(Object.assign(new Error(message), code ? { code, path } : {}));
      } else pending?.resolve(reply.digests);
    });
    this.#worker.on("error", (error) => this.#die(error));
    this.#worker.on("exit", (code) => this.#die(new Error(`a hashing worker exited (${code})`)));
  }

  hash(paths: readonly string[], clean: boolean): Promise<(string | null)[]> {
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.ref();
      this.#worker.postMessage({ paths, clean });
    });
  }

  #settle() {
    const pending = this.#pending;
    this.#pending = null;
    this.#worker.unref();
    return pending;
  }

  #die(error: Error): void {
    this.dead = true;
    this.#settle()?.reject(error);
  }
}

const pool: HashWorker[] = [];
let queue: Promise<unknown> = Promise.resolve();

/**
 * Blob ids of `paths` (see `makeBlobHasher`), in order, computed by up to `workers` worker
 * threads that read with synchronous calls: no per-call hop through libuv's thread pool, the
 * hashing spread over the CPUs, and `workers` reads in flight for a cold cache. Memory is
 * bounded: one buffer per worker and one batch of paths per message. The workers are started
 * once and kept for later calls (idle, they do not keep the process alive); calls run one after
 * another. Rejects with the first error a worker meets. `clean` as for `makeBlobHasher`.
 */
export function hashInWorkers(
  paths: readonly string[],
  workers: number,
  clean = false,
): Promise<(string | null)[]> {
  const job = queue.then(() => runJob(paths, workers, clean));
  // The next job waits for this one to end, however it ends; its failure reaches its own caller.
  queue = job.catch(() => undefined);
  return job;
}

async function runJob(
  paths: readonly string[],
  workers: number,
  clean: boolean,
): Promise<(string | null)[]> {
  const digests = new Array<string | null>(paths.length);
  if (paths.length === 0) return digests;
  const count = Math.max(1, Math.min(Math.floor(workers), Math.ceil(paths.length / BATCH)));
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.dead) pool.splice(i, 1);
  while (pool.length < count) pool.push(new HashWorker());
  let next = 0;
  let failed = false;
  const drive = async (worker: HashWorker): Promise<void> => {
    while (next < paths.length && !failed) {
      const start = next;
      next = Math.min(paths.length, next + BATCH);
      try {
        const batch = await worker.hash(paths.slice(start, next), clean);
        for (const [i, digest] of batch.entries()) digests[start + i] = digest;
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every worker stops before the job ends, so the next job finds them idle.
  const results = await Promise.allSettled(pool.slice(0, count).map(drive));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  return digests;
}
