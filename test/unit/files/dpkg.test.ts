import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readDpkg, readDpkgVersions } from "../../../src/files/dpkg.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

/** A package database of `count` installed packages, `pkgN` owning `/usr/include/pkgN.h`. */
function database(count: number): string {
  const admin = makeTempDir();
  const stanzas = Array.from(
    { length: count },
    (_, i) =>
      `Package: pkg${i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.${i}\n`,
  );
  stanzas.push("Package: gone\nStatus: deinstall ok config-files\nVersion: 9\n");
  writeTree(admin, {
    status: stanzas.join("\n"),
    ...Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `info/pkg${i}.list`,
        `/.\n/usr\n/usr/include/pkg${i}.h\n${i === 0 ? "/lib/libzero.so\n" : ""}`,
      ]),
    ),
    "info/pkg0.md5sums": "not a list\n",
  });
  return admin;
}

describe("the Debian package database", () => {
  test("every list is read, in batches; merged-/usr aliases; only installed versions", async () => {
    const looked = [
      "/usr/include/pkg0.h",
      "/usr/include/pkg149.h",
      "/usr/include/pkg150.h",
      "/lib/libzero.so",
      "/usr/lib/libzero.so",
    ];
    const dpkg = await (await readDpkg(database(150))).lookUp(looked);
    expect(dpkg.owner("/usr/include/pkg0.h")).toBe("pkg0");
    expect(dpkg.owner("/usr/include/pkg149.h")).toBe("pkg149");
    expect(dpkg.owner("/usr/include/pkg150.h")).toBeUndefined();
    expect(dpkg.owner("/lib/libzero.so")).toBe("pkg0");
    expect(dpkg.owner("/usr/lib/libzero.so")).toBe("pkg0");
    expect(dpkg.version("pkg149")).toBe("1.149");
    expect(dpkg.version("pkg3:amd64")).toBe("1.3");
    expect(dpkg.version("gone")).toBeUndefined();
    // Only the files looked up are known: the lists are scanned for them, not indexed whole.
    expect(dpkg.owner("/usr/include/pkg7.h")).toBeUndefined();
    expect(
      (await (await readDpkg(database(150))).lookUp(["/usr/include/pkg7.h"])).owner(
        "/usr/include/pkg7.h",
      ),
    ).toBe("pkg7");
    expect((await readDpkgVersions(database(2))).get("pkg1")).toBe("1.1");
  });

  test("kept per database state: the lists and the owners found; a package installed since is seen", async () => {
    const admin = database(3);
    const cache = makeTempDir();
    const lookUp = async (...files: string[]) => (await readDpkg(admin, cache)).lookUp(files);
    expect((await lookUp("/usr/include/pkg1.h")).owner("/usr/include/pkg1.h")).toBe("pkg1");
    const kept = readdirSync(cache).sort();
    expect(kept.map((n) => n.replace(/^[0-9a-f]{16}/, "state"))).toEqual([
      "state.lists",
      "state.owners",
    ]);
    // A list changed in place (not dpkg's way) leaves the state as it was: what was kept answers,
    // the owner found before and, for a file not looked up before, the lists as they were read.
    writeFileSync(path.join(admin, "info", "pkg1.list"), "/usr/include/moved.h\n");
    const same = await lookUp("/usr/include/pkg1.h", "/usr/include/moved.h", "/usr/include/pkg2.h");
    expect(same.owner("/usr/include/pkg1.h")).toBe("pkg1");
    expect(same.owner("/usr/include/moved.h")).toBeUndefined();
    expect(same.owner("/usr/include/pkg2.h")).toBe("pkg2");
    expect(same.version("pkg2")).toBe("1.2");
    // Owners found before answer without the lists; a file not looked up now is not answered.
    rmSync(path.join(cache, kept[0]!));
    const answered = await lookUp("/usr/include/pkg2.h");
    expect(answered.owner("/usr/include/pkg2.h")).toBe("pkg2");
    expect(answered.owner("/usr/include/pkg1.h")).toBeUndefined();
    expect(readdirSync(cache)).toEqual([kept[1]]);
    // dpkg installs a package: a new list in info/ and a new status; what was kept is replaced.
    writeTree(admin, { "info/extra.list": "/usr/include/extra.h\n" });
    appendFileSync(
      path.join(admin, "status"),
      "\nPackage: extra\nStatus: install ok installed\nVersion: 2.0\n",
    );
    const now = await lookUp("/usr/include/extra.h", "/usr/include/moved.h", "/usr/include/pkg1.h");
    expect(now.owner("/usr/include/extra.h")).toBe("extra");
    expect(now.version("extra")).toBe("2.0");
    expect(now.owner("/usr/include/moved.h")).toBe("pkg1");
    expect(now.owner("/usr/include/pkg1.h")).toBeUndefined();
    expect(readdirSync(cache)).toHaveLength(2);
    expect(readdirSync(cache).some((n) => kept.includes(n))).toBe(false);
  });

  test("kept files that are not whole are read again from the database", async () => {
    const admin = database(3);
    const cache = makeTempDir();
    await (await readDpkg(admin, cache)).lookUp(["/usr/include/pkg0.h"]);
    const kept = readdirSync(cache).sort();
    for (const name of kept) writeFileSync(path.join(cache, name), "[not json\0pkg1");
    const dpkg = await (await readDpkg(admin, cache)).lookUp(["/usr/include/pkg2.h"]);
    expect(dpkg.owner("/usr/include/pkg2.h")).toBe("pkg2");
    expect(dpkg.version("pkg2")).toBe("1.2");
    expect(readFileSync(path.join(cache, kept[0]!), "utf8")).toContain("/usr/include/pkg2.h");
    expect(JSON.parse(readFileSync(path.join(cache, kept[1]!), "utf8"))).toEqual({
      "/usr/include/pkg2.h": "pkg2",
    });
  });

  test("a machine without dpkg has an empty database", async () => {
    const cache = makeTempDir();
    const dpkg = await (await readDpkg(makeTempDir(), cache)).lookUp(["/usr/include/stdio.h"]);
    expect(dpkg.owner("/usr/include/stdio.h")).toBeUndefined();
    expect(dpkg.version("libc6-dev")).toBeUndefined();
    expect(readdirSync(cache)).toEqual([]);
  });
});
