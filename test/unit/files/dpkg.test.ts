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
    const dpkg = (await readDpkg(database(150))).lookUp(looked);
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
      (await readDpkg(database(150))).lookUp(["/usr/include/pkg7.h"]).owner("/usr/include/pkg7.h"),
    ).toBe("pkg7");
    expect((await readDpkgVersions(database(2))).get("pkg1")).toBe("1.1");
  });

  test("a machine without dpkg has an empty database", async () => {
    const dpkg = (await readDpkg(makeTempDir())).lookUp(["/usr/include/stdio.h"]);
    expect(dpkg.owner("/usr/include/stdio.h")).toBeUndefined();
    expect(dpkg.version("libc6-dev")).toBeUndefined();
  });
});
