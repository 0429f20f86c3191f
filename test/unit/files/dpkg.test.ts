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
    const dpkg = await readDpkg(database(150));
    expect(dpkg.owner("/usr/include/pkg0.h")).toBe("pkg0");
    expect(dpkg.owner("/usr/include/pkg149.h")).toBe("pkg149");
    expect(dpkg.owner("/usr/include/pkg150.h")).toBeUndefined();
    expect(dpkg.owner("/lib/libzero.so")).toBe("pkg0");
    expect(dpkg.owner("/usr/lib/libzero.so")).toBe("pkg0");
    expect(dpkg.version("pkg149")).toBe("1.149");
    expect(dpkg.version("pkg3:amd64")).toBe("1.3");
    expect(dpkg.version("gone")).toBeUndefined();
    expect((await readDpkgVersions(database(2))).get("pkg1")).toBe("1.1");
  });

  test("a machine without dpkg has an empty database", async () => {
    const dpkg = await readDpkg(makeTempDir());
    expect(dpkg.owner("/usr/include/stdio.h")).toBeUndefined();
    expect(dpkg.version("libc6-dev")).toBeUndefined();
  });
});
