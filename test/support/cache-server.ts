import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An in-memory model of the GitHub Actions cache service v2 (Twirp JSON) plus a fake Azure blob
 * store, for driving the real `@actions/cache` client offline. See
 * /work/shared/reference/actions-cache-service.md for the protocol.
 *
 * Matching is a MODEL of the documented service behaviour, not the service itself: among finalized
 * entries with the requested `version`, try the key then each restore key in order; for each, an
 * exact match first, then the newest entry whose key starts with it. Entries are immutable
 * (creating an existing key+version, even one still uploading, answers `ok: false`) and become
 * visible only after FinalizeCacheEntryUpload. There is no scope, eviction or rate limit.
 */

/** Where a fault applies: one of the three Twirp methods, or the blob upload/download. */
export type FaultRoute = TwirpMethod | "blob-put" | "blob-get";
type TwirpMethod = "CreateCacheEntry" | "FinalizeCacheEntryUpload" | "GetCacheEntryDownloadURL";

/**
 * A misbehaviour for one route, checked in this order: `hang` accepts and never answers;
 * `status` answers that status with `body` (default: a Twirp error body, `resource_exhausted`
 * for 429); `message` (Twirp routes) answers `{ ok: false, message }`; `truncate` (blob-get)
 * sends half the blob with no Content-Length and ends cleanly, so the client cannot tell from the
 * length; `corrupt` (blob-get) sends the whole blob, Content-Length and all, with bytes in its
 * middle flipped. `times` limits how many requests it hits (default: until cleared).
 */
export interface Fault {
  readonly route: FaultRoute;
  readonly hang?: boolean;
  readonly status?: number;
  readonly body?: unknown;
  readonly message?: string;
  readonly truncate?: boolean;
  readonly corrupt?: boolean;
  readonly times?: number;
}

/** A running fake cache service on `url` (`http://127.0.0.1:<port>`). */
export interface CacheServer {
  readonly url: string;
  readonly port: number;
  /** The environment the client needs to talk to this server (v2). */
  env(workspace: string, runnerTemp: string): Record<string, string>;
  /** Finalized (visible) entries, oldest first. */
  entries(): { key: string; version: string; size: number }[];
  /** The stored archive of the finalized entry `key` (a test's view behind the service). */
  entryData(key: string): Buffer | undefined;
  /** Replaces the stored archive of the finalized entry `key` (to plant a tampered entry). */
  replaceEntryData(key: string, data: Buffer): void;
  /** `METHOD /path?query` of every request, in arrival order. */
  requests(): string[];
  /** Sets (replaces) the fault for `fault.route`. */
  setFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

interface Entry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  data?: Buffer;
  readonly blocks: Map<string, Buffer>;
  seq?: number; // finalize order: unset until finalized, and so not visible
}

const TWIRP = "/twirp/github.actions.results.api.v1.CacheService/";
const BLOB = "/devstoreaccount1/cache/";
const BLOCK_ID = /<(?:Latest|Committed|Uncommitted)>([^<]*)</g;

/** Starts the server on a free loopback port. */
/**
 * Behaviours of other implementations of the service (falcondev-oss/github-actions-cache-server):
 * `overwrite` lets a save of an existing key replace it; `prefixIgnoresCase` matches exact keys
 * and prefixes ignoring case.
 */
export interface ServerQuirks {
  readonly overwrite?: boolean;
  readonly prefixIgnoresCase?: boolean;
}

export async function startCacheServer(quirks: ServerQuirks = {}): Promise<CacheServer> {
  const store: Entry[] = [];
  const log: string[] = [];
  const faults = new Map<FaultRoute, { fault: Fault; left: number }>();
  let seq = 0;
  let ids = 0;
  let url = "";

  const takeFault = (route: FaultRoute): Fault | undefined => {
    const active = faults.get(route);
    if (active && --active.left <= 0) faults.delete(route);
    return active?.fault;
  };
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const blobUrl = (id: number) => `${url}${BLOB}${id}?sig=x`;
  /** A Twirp reply body (sent as 200: failures are `ok: false`), or undefined: no such method. */
  const twirp = (method: string, req: Record<string, unknown>): object | undefined => {
    const key = String(req.key ?? "");
    const version = String(req.version ?? "");
    const found = store.find((e) => e.key === key && e.version === version);
    if (method === "CreateCacheEntry") {
      if (found && !quirks.overwrite) return { ok: false, message: `entry ${key} already exists` };
      // Replaced: the old entry is gone once the new one is created.
      if (found) store.splice(store.indexOf(found), 1);
      const entry: Entry = { id: ++ids, key, version, blocks: new Map() };
      store.push(entry);
      return { ok: true, signed_upload_url: blobUrl(entry.id) };
    }
    if (method === "FinalizeCacheEntryUpload") {
      if (!found?.data || found.seq !== undefined)
        return { ok: false, message: "nothing to finalize" };
      if (String(found.data.length) !== String(req.size_bytes))
        return { ok: false, message: `size mismatch for ${key}` };
      found.seq = ++seq;
      return { ok: true, entry_id: String(found.id) };
    }
    if (method !== "GetCacheEntryDownloadURL") return undefined;
    const candidates = store
      .filter((e) => e.seq !== undefined && e.version === version)
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
    const restoreKeys = Array.isArray(req.restore_keys) ? req.restore_keys.map(String) : [];
    const fold = (k: string) => (quirks.prefixIgnoresCase ? k.toLowerCase() : k);
    for (const wanted of [key, ...restoreKeys].map(fold)) {
      const hit =
        candidates.find((e) => fold(e.key) === wanted) ??
        candidates.find((e) => fold(e.key).startsWith(wanted));
      if (hit) return { ok: true, signed_download_url: blobUrl(hit.id), matched_key: hit.key };
    }
    return { ok: false };
  };

  const blob = (req: IncomingMessage, body: Buffer, res: ServerResponse, fault?: Fault): void => {
    const target = new URL(req.url ?? "/", url);
    const entry = store.find((e) => String(e.id) === target.pathname.slice(BLOB.length));
    if (!entry) return void res.writeHead(404).end();
    if (req.method === "GET") {
      if (!entry.data || entry.seq === undefined) return void res.writeHead(404).end();
      if (fault?.truncate) return void res.end(entry.data.subarray(0, entry.data.length >> 1));
      const data = fault?.corrupt ? flipMiddle(entry.data) : entry.data;
      res.writeHead(200, { "content-length": data.length });
      return void res.end(data);
    }
    const comp = target.searchParams.get("comp");
    if (comp === "block") entry.blocks.set(target.searchParams.get("blockid") ?? "", body);
    else if (comp === "blocklist") {
      const ids = [...body.toString("utf8").matchAll(BLOCK_ID)];
      entry.data = Buffer.concat(ids.map((m) => entry.blocks.get(m[1] ?? "") ?? Buffer.alloc(0)));
    } else entry.data = body;
    res.writeHead(201).end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? "/";
    log.push(`${req.method} ${path}`);
    const isBlob = path.startsWith(BLOB);
    const method = path.startsWith(TWIRP) ? path.slice(TWIRP.length).split("?")[0] : "";
    const route = isBlob ? (req.method === "GET" ? "blob-get" : "blob-put") : method;
    const fault = takeFault(route as FaultRoute);
    if (fault?.hang) return; // accept, never answer: close() destroys the socket
    if (fault?.status !== undefined) {
      return json(res, fault.status, fault.body ?? errorBody(fault.status));
    }
    if (fault?.message !== undefined && !isBlob) {
      return json(res, 200, { ok: false, message: fault.message });
    }
    if (isBlob) return blob(req, body, res, fault);
    const reply =
      method && req.method === "POST"
        ? twirp(method, JSON.parse(body.toString() || "{}"))
        : undefined;
    if (reply) json(res, 200, reply);
    else json(res, 404, { code: "bad_route", msg: `${req.method} ${path}` });
  };
  const server = createServer((req, res) => {
    // A malformed request or a client that went away: answer 400 if the socket still can.
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 400, { code: "malformed", msg: String(error) });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    env: (workspace, runnerTemp) => ({
      ACTIONS_CACHE_SERVICE_V2: "1",
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: "test-token",
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
    }),
    entries: () =>
      store
        .filter((e) => e.seq !== undefined)
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
        .map((e) => ({ key: e.key, version: e.version, size: e.data?.length ?? 0 })),
    entryData: (key) => store.find((e) => e.key === key && e.seq !== undefined)?.data,
    replaceEntryData: (key, data) => {
      const entry = store.find((e) => e.key === key && e.seq !== undefined);
      if (!entry) throw new Error(`no finalized entry ${key}`);
      entry.data = data;
    },
    requests: () => [...log],
    setFault: (fault) => faults.set(fault.route, { fault, left: fault.times ?? Infinity }),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A Twirp error body for an injected status. */
function errorBody(status: number): { code: string; msg: string } {
  if (status === 429) return { code: "resource_exhausted", msg: "injected fault: rate limited" };
  return { code: status >= 500 ? "internal" : "failed_precondition", msg: "injected fault" };
}

/** A copy of `data` with 16 bytes in its middle inverted. */
function flipMiddle(data: Buffer): Buffer {
  const copy = Buffer.from(data);
  const start = Math.max(0, (copy.length >> 1) - 8);
  for (let i = start; i < Math.min(copy.length, start + 16); i++) copy[i] = copy[i]! ^ 0xff;
  return copy;
}
