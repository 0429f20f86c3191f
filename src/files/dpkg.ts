import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * What Debian's package database says about system files: which installed package owns a path,
 * and each package's version. A file a package owns is identified by that package's version
 * (`libc6-dev=2.36-9+deb12u10`), so an image update is seen without reading the file. Absent on
 * machines without dpkg: every lookup then answers nothing.
 */
export interface Dpkg {
  /** The package owning an absolute path (its real path or its merged-/usr alias), if any. */
  owner(file: string): string | undefined;
  /** The installed version of a package, if installed. */
  version(pkg: string): string | undefined;
}

const ADMIN = "/var/lib/dpkg";
/** Directories that merged-/usr systems (Debian 12, Ubuntu) make symlinks into /usr. */
const MERGED = ["/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/"];

/** The installed packages' versions, from `status` alone: what validating a hit needs. */
export async function readDpkgVersions(admin = ADMIN): Promise<Map<string, string>> {
  const text = await readFile(path.join(admin, "status"), "utf8").catch(() => "");
  const versions = new Map<string, string>();
  for (const stanza of text.split(/\n\n+/)) {
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(stanza)?.[1]?.trim();
    const pkg = field("Package");
    const version = field("Version");
    if (!pkg || !version || !/ installed$/.test(field("Status") ?? "")) continue;
    versions.set(pkg, version);
    const arch = field("Architecture");
    if (arch) versions.set(`${pkg}:${arch}`, version);
  }
  return versions;
}

/** How many `info/*.list` files are read at once. */
const LISTS_AT_ONCE = 64;

/** The package database as read, before any file is looked up in it. */
export interface DpkgDatabase {
  /** The database for looking up these files (and only these): owners of others are unknown. */
  lookUp(files: Iterable<string>): Dpkg;
}

/** The versions, and each package's list of files (the text of its `info/<package>.list`). */
interface Lists {
  readonly versions: Map<string, string>;
  readonly packages: readonly string[];
  readonly texts: readonly string[];
}

/**
 * Every `info/*.list` (a batch at a time) and the versions: what recording a traced build needs.
 * Reading is I/O only, so it can run beside the build; `lookUp` then scans the lists once for the
 * few hundred files a build read outside the tree, where indexing every line of them (over a
 * hundred thousand) would cost more than the scan. Machines without dpkg get an empty database.
 *
 * With `cacheDir`, what was read is kept there as one file named after the database's state (dpkg
 * replaces the status file, and a list by renaming into `info/`, on every change), so that later
 * builds on the machine read one file instead of hundreds.
 */
export async function readDpkg(admin = ADMIN, cacheDir?: string): Promise<DpkgDatabase> {
  const state = cacheDir ? await databaseState(admin) : undefined;
  const cached = state && cacheDir ? path.join(cacheDir, `${state}.lists`) : undefined;
  let lists = cached ? await readCached(cached) : undefined;
  if (!lists) {
    lists = await readLists(admin);
    if (cached) await writeCached(cached, lists);
  }
  return database(lists);
}

async function readLists(admin: string): Promise<Lists> {
  const versions = await readDpkgVersions(admin);
  const info = path.join(admin, "info");
  const packages = (await readdir(info).catch(() => [] as string[]))
    .filter((n) => n.endsWith(".list"))
    .map((n) => n.slice(0, -".list".length));
  const texts: string[] = [];
  for (let start = 0; start < packages.length; start += LISTS_AT_ONCE) {
    const batch = packages.slice(start, start + LISTS_AT_ONCE);
    texts.push(
      ...(await Promise.all(
        batch.map((pkg) => readFile(path.join(info, `${pkg}.list`), "utf8").catch(() => "")),
      )),
    );
  }
  return { versions, packages, texts };
}

/** A digest of the status file's and the `info/` directory's identity and times; none without dpkg. */
async function databaseState(admin: string): Promise<string | undefined> {
  const [status, info] = await Promise.all(
    ["status", "info"].map((name) =>
      stat(path.join(admin, name), { bigint: true }).catch(() => undefined),
    ),
  );
  if (!status || !info) return undefined;
  const parts = [admin, status.ino, status.size, status.mtimeNs, info.ino, info.mtimeNs];
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 16);
}

/**
 * The cache file: the versions as JSON, then each package and its list, NUL-separated (no path
 * holds a NUL). Undefined when it is missing or not whole.
 */
async function readCached(file: string): Promise<Lists | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  const fields = text?.split("\0");
  if (!fields || fields.length % 2 !== 1) return undefined;
  let versions: Map<string, string>;
  try {
    versions = new Map(JSON.parse(fields[0]!) as [string, string][]);
  } catch {
    return undefined;
  }
  const packages: string[] = [];
  const texts: string[] = [];
  for (let i = 1; i < fields.length; i += 2) {
    packages.push(fields[i]!);
    texts.push(fields[i + 1]!);
  }
  return { versions, packages, texts };
}

/** Writes the cache file whole (a rename), and removes those of earlier states. Best effort. */
async function writeCached(file: string, lists: Lists): Promise<void> {
  const dir = path.dirname(file);
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  const fields = [
    JSON.stringify([...lists.versions]),
    ...lists.packages.flatMap((pkg, i) => [pkg, lists.texts[i]!]),
  ];
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, fields.join("\0"));
    await rename(temporary, file);
    const stale = (await readdir(dir)).filter(
      (n) => n.endsWith(".lists") && n !== path.basename(file),
    );
    await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
  } catch {
    // A cache that cannot be written (a read-only home) only costs the next build the reading.
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

function database({ versions, packages, texts }: Lists): DpkgDatabase {
  return {
    lookUp(files) {
      // A list names `/lib/x`; on merged-/usr systems the build may have read it as `/usr/lib/x`.
      const wanted = new Map<string, string[]>();
      const want = (line: string, file: string) =>
        wanted.set(line, [...(wanted.get(line) ?? []), file]);
      for (const file of new Set(files)) {
        want(file, file);
        const alias = file.slice("/usr".length);
        if (file.startsWith("/usr/") && MERGED.some((dir) => alias.startsWith(dir)))
          want(alias, file);
      }
      // Only a line as long as a wanted one can be one: most are never cut out of their list.
      const lengths = new Set([...wanted.keys()].map((line) => line.length));
      const owners = new Map<string, string>();
      for (const [i, text] of texts.entries()) {
        const pkg = packages[i]!;
        for (let at = 0; at < text.length; ) {
          const found = text.indexOf("\n", at);
          const end = found < 0 ? text.length : found;
          if (lengths.has(end - at)) {
            for (const file of wanted.get(text.slice(at, end)) ?? []) owners.set(file, pkg);
          }
          at = end + 1;
        }
      }
      return { owner: (file) => owners.get(file), version: (pkg) => versions.get(pkg) };
    },
  };
}
