import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { digestOf, short } from "../shared/digest.js";

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
/** Changed whenever what is kept, or how an owner is found, changes. */
const FORMAT = "wheel-cache dpkg 2";
/** Answers kept per database state, at most: more are not written (builds of many projects). */
const MAX_KEPT_ANSWERS = 50_000;

/** The package database as read, before any file is looked up in it. */
export interface DpkgDatabase {
  /** The database for looking up these files (and only these): owners of others are unknown. */
  lookUp(files: Iterable<string>): Promise<Dpkg>;
}

/** Each package's list of files (the text of its `info/<package>.list`). */
interface Lists {
  readonly packages: readonly string[];
  readonly texts: readonly string[];
}

/**
 * The package database for recording a traced build: the versions, and every `info/*.list` (a
 * batch at a time). Reading is I/O only, so it runs beside the build; `lookUp` then scans the
 * lists once for the few hundred files a build read outside the tree, where indexing every line
 * of them (over a hundred thousand) would cost more than the scan. Machines without dpkg get an
 * empty database.
 *
 * With `cacheDir`, what was read and found is kept there under the database's state (dpkg
 * replaces the status file, and a list by renaming it into `info/`, on every change): the lists as
 * one file, and the owners found ("" for a file no package owns). A later build on the machine
 * that reads the same system files then reads neither (a file not looked up before has the lists
 * read and scanned for it). The versions are always read from `status`, as validation reads them.
 */
export async function readDpkg(admin = ADMIN, cacheDir?: string): Promise<DpkgDatabase> {
  const versions = readDpkgVersions(admin);
  const state = cacheDir ? await databaseState(admin) : undefined;
  const kept = state && cacheDir ? path.join(cacheDir, state) : undefined;
  const answers = kept ? await readAnswers(`${kept}.owners`) : undefined;
  const load = async () => {
    const cached = kept ? await readCached(`${kept}.lists`) : undefined;
    if (cached) return cached;
    const lists = await readLists(admin);
    if (kept) await writeKept(`${kept}.lists`, serializeLists(lists));
    return lists;
  };
  // With no answers kept, the lists will be needed: reading them starts now, beside the build.
  let lists = answers ? undefined : load();
  lists?.catch(() => undefined);
  return {
    async lookUp(files) {
      const wanted = new Set(files);
      const owners = new Map(answers);
      const unknown = [...wanted].filter((file) => !owners.has(file));
      if (unknown.length > 0) {
        lists ??= load();
        const found = scan(await lists, unknown);
        for (const file of unknown) owners.set(file, found.get(file) ?? "");
        if (kept && owners.size <= MAX_KEPT_ANSWERS)
          await writeKept(`${kept}.owners`, JSON.stringify(Object.fromEntries(owners)));
      }
      const known = await versions;
      return {
        owner: (file) => (wanted.has(file) && owners.get(file)) || undefined,
        version: (pkg) => known.get(pkg),
      };
    },
  };
}

/** The owners of these files, from the lists; a file no list names has none. */
function scan({ packages, texts }: Lists, files: readonly string[]): Map<string, string> {
  const owners = new Map<string, string>();
  // A list names `/lib/x`; on merged-/usr systems the build may have read it as `/usr/lib/x`.
  const wanted = new Map<string, string[]>();
  const want = (line: string, file: string) =>
    wanted.set(line, [...(wanted.get(line) ?? []), file]);
  for (const file of files) {
    want(file, file);
    const alias = file.slice("/usr".length);
    if (file.startsWith("/usr/") && MERGED.some((dir) => alias.startsWith(dir))) want(alias, file);
  }
  // Only a line as long as a wanted one can be one: most are never cut out of their list.
  const lengths = new Set([...wanted.keys()].map((line) => line.length));
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
  return owners;
}

async function readLists(admin: string): Promise<Lists> {
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
  return { packages, texts };
}

/** A digest of the status file's and the `info/` directory's identity and times; none without dpkg. */
async function databaseState(admin: string): Promise<string | undefined> {
  const [status, info] = await Promise.all(
    ["status", "info"].map((name) =>
      stat(path.join(admin, name), { bigint: true }).catch(() => undefined),
    ),
  );
  if (!status || !info) return undefined;
  // The format of what is kept, and how owners are found, are part of the state too.
  const times = [status.ino, status.size, status.mtimeNs, info.ino, info.mtimeNs].map(String);
  return short(digestOf(FORMAT, admin, ...times), 16);
}

/** The lists file: each package and its list between a header and an end, NUL-separated. */
function serializeLists({ packages, texts }: Lists): string {
  return [FORMAT, ...packages.flatMap((pkg, i) => [pkg, texts[i]!]), "end"].join("\0");
}

/** The lists file read back; undefined when it is missing or not whole. */
async function readCached(file: string): Promise<Lists | undefined> {
  const fields = (await readFile(file, "utf8").catch(() => undefined))?.split("\0");
  const whole =
    fields && fields.length % 2 === 0 && fields[0] === FORMAT && fields.at(-1) === "end";
  if (!whole) return undefined;
  const packages: string[] = [];
  const texts: string[] = [];
  for (let i = 1; i + 1 < fields.length; i += 2) {
    packages.push(fields[i]!);
    texts.push(fields[i + 1]!);
  }
  return { packages, texts };
}

/** The owners file read back (file → package, "" for none); undefined when missing or not whole. */
async function readAnswers(file: string): Promise<Map<string, string> | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
    return new Map(Object.entries(data).filter(([, pkg]) => typeof pkg === "string"));
  } catch {
    return undefined;
  }
}

/**
 * Writes a kept file whole (a rename: builds may write at once), and removes those kept for
 * earlier states. Best effort: a cache that cannot be written only costs the next build time.
 */
async function writeKept(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const state = path.basename(file).split(".")[0]!;
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, file);
    const stale = (await readdir(dir)).filter((n) => !n.startsWith(`${state}.`));
    await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
  } catch {
    // A read-only home, a full disk: the next build reads the database again.
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
