import { Worker } from "node:worker_threads";
import { makeBlobHasher } from "./blob-id.js";

/** Paths sent to a worker at a time: large enough to amortize a message, small enough to balance. */
const BATCH = 64;

/** One read buffer per worker. */
export const BUFFER_SIZE = 1024 * 1024;

/** A failure inside a worker, carried back with its errno code. */
interface WorkerFailure {
  readonly message: string;
  readonly code?: string;
}

type Reply = { readonly digests: (string | null)[] } | { readonly failure: WorkerFailure };

// The worker: the same hasher as the main thread's (its source text), answering batches of paths.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const hash = (${makeBlobHasher.toString()})(require("node:fs"), require("node:crypto"), ${BUFFER_SIZE});
parentPort.on("message", (paths) => {
  try {
    parentPort.postMessage({ digests: paths.map(hash) });
  } catch (error) {
    parentPort.postMessage({ failure: { message: String(error?.message ?? error), code: error?.code } });
  }
});
`;

/**
 * Blob ids of `paths` (see `makeBlobHasher`), in order, computed by `workers` worker threads that
 * read with synchronous calls: no per-call hop through libuv's thread pool, the hashing spread over
 * the CPUs, and `workers` reads in flight for a cold cache. Memory is bounded: one buffer per worker
 * and one batch of paths per message. Rejects with the first error a worker meets.
 */
export async function hashInWorkers(
  paths: readonly string[],
  workers: number,
): Promise<(string | null)[]> {
  const digests = new Array<string | null>(paths.length);
  if (paths.length === 0) return digests;
  const count = Math.max(1, Math.min(Math.floor(workers), Math.ceil(paths.length / BATCH)));
  const pool = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, { eval: true }));
  let next = 0;
  const drive = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let start = 0;
      const send = () => {
        if (next >= paths.length) return resolve();
        start = next;
        next = Math.min(paths.length, next + BATCH);
        worker.postMessage(paths.slice(start, next));
      };
      worker.on("message", (reply: Reply) => {
        if ("failure" in reply) return reject(failureError(reply.failure));
        for (const [i, digest] of reply.digests.entries()) digests[start + i] = digest;
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`a hashing worker exited with status ${code}`)));
      send();
    });
  try {
    await Promise.all(pool.map(drive));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return digests;
}

function failureError(failure: WorkerFailure): Error {
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}
