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

/**
 * The owners of files too, from every `info/*.list` (about a hundred milliseconds, read a batch at
 * a time): what recording a traced build needs. Machines without dpkg get an empty database.
 */
export async function readDpkg(admin = ADMIN): Promise<Dpkg> {
  const versions = await readDpkgVersions(admin);
  const owners = new Map<string, string>();
  const info = path.join(admin, "info");
  const lists = (await readdir(info).catch(() => [] as string[])).filter((n) =>
    n.endsWith(".list"),
  );
  const add = (pkg: string, text: string) => {
    for (const file of text.split("\n")) {
      if (!file) continue;
      owners.set(file, pkg);
      if (MERGED.some((dir) => file.startsWith(dir))) owners.set(`/usr${file}`, pkg);
    }
  };
  for (let start = 0; start < lists.length; start += LISTS_AT_ONCE) {
    const batch = lists.slice(start, start + LISTS_AT_ONCE);
    const texts = await Promise.all(
      batch.map((list) => readFile(path.join(info, list), "utf8").catch(() => "")),
    );
    for (const [i, list] of batch.entries()) add(list.slice(0, -".list".length), texts[i]!);
  }
  return {
    owner: (file) => owners.get(file),
    version: (pkg) => versions.get(pkg),
  };
}
