import { readdir, readFile } from "node:fs/promises";
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

/**
 * Every `info/*.list` (a batch at a time) and the versions: what recording a traced build needs.
 * Reading is I/O only, so it can run beside the build; `lookUp` then scans the lists once for the
 * few hundred files a build read outside the tree, where indexing every line of them (over a
 * hundred thousand) would cost more than the scan. Machines without dpkg get an empty database.
 */
export async function readDpkg(admin = ADMIN): Promise<DpkgDatabase> {
  const versions = await readDpkgVersions(admin);
  const info = path.join(admin, "info");
  const lists = (await readdir(info).catch(() => [] as string[])).filter((n) =>
    n.endsWith(".list"),
  );
  const texts: string[] = [];
  for (let start = 0; start < lists.length; start += LISTS_AT_ONCE) {
    const batch = lists.slice(start, start + LISTS_AT_ONCE);
    texts.push(
      ...(await Promise.all(
        batch.map((list) => readFile(path.join(info, list), "utf8").catch(() => "")),
      )),
    );
  }
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
        const pkg = lists[i]!.slice(0, -".list".length);
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
