import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { hashFile, hashFiles } from "../../../src/files/hash.js";
import { BUFFER_SIZE, hashInWorkers } from "../../../src/files/hash-pool.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

function blobId(content: Uint8Array): string {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

/**
 * Deterministic contents of `count` files: the first dozen with sizes around the read buffer's,
 * the rest small (enough files to go to the workers without writing hundreds of megabytes).
 */
function contents(count: number): Uint8Array[] {
  const sizes = [0, 1, BUFFER_SIZE - 1, BUFFER_SIZE, BUFFER_SIZE + 1, 3 * BUFFER_SIZE + 17];
  return Array.from({ length: count }, (_, i) => {
    const size = i < 2 * sizes.length ? sizes[i % sizes.length]! : (i * 997) % 9000;
    const data = new Uint8Array(size + (i % 7));
    for (let j = 0; j < data.length; j += 4093) data[j] = (i * 31 + j) & 0xff;
    return data;
  });
}

describe("hashFiles in worker threads", () => {
  test.each([1, 3])(
    "%s worker(s): every digest, nulls for what is not a file",
    async (workers) => {
      const dir = makeTempDir();
      const datas = contents(300);
      writeTree(dir, Object.fromEntries(datas.map((data, i) => [`d/f${i}`, data])));
      mkdirSync(join(dir, "a-dir"));
      symlinkSync("d/f3", join(dir, "link"));
      symlinkSync("nowhere", join(dir, "dangling"));
      execFileSync("mkfifo", [join(dir, "fifo")]);
      const odd = ["a-dir", "dangling", "fifo", "missing", "d/f0/under-a-file"];
      const paths = [...datas.map((_, i) => join(dir, `d/f${i}`)), join(dir, "link")];
      const digests = await hashFiles([...paths, ...odd.map((p) => join(dir, p))], workers);
      expect(paths.map((p) => digests.get(p))).toEqual([...datas, datas[3]!].map(blobId));
      expect(odd.map((p) => digests.get(join(dir, p)))).toEqual(odd.map(() => null));
    },
    20_000,
  );

  test("the same ids in the main thread and in workers", async () => {
    const dir = makeTempDir();
    const datas = contents(12);
    writeTree(dir, Object.fromEntries(datas.map((data, i) => [`f${i}`, data])));
    const paths = datas.map((_, i) => join(dir, `f${i}`));
    const inThread = await Promise.all(paths.map((p) => hashFile(p)));
    expect(await hashInWorkers(paths, 2)).toEqual(inThread);
    expect(inThread).toEqual(datas.map(blobId));
  });

  test.runIf(process.platform === "linux")(
    "a read error rejects; later jobs still run",
    async () => {
      const dir = makeTempDir();
      const datas = contents(200);
      writeTree(dir, Object.fromEntries(datas.map((data, i) => [`f${i}`, data])));
      const paths = datas.map((_, i) => join(dir, `f${i}`));
      // /proc/self/mem is a regular file whose first page cannot be read.
      const failing = [...paths.slice(0, 100), "/proc/self/mem", ...paths.slice(100)];
      await expect(hashInWorkers(failing, 2)).rejects.toMatchObject({ code: "EIO" });
      await expect(hashFile("/proc/self/mem")).rejects.toMatchObject({ code: "EIO" });
      const [a, b] = await Promise.all([
        hashInWorkers(paths, 2),
        hashInWorkers(paths.slice(50), 3),
      ]);
      expect(a).toEqual(datas.map(blobId));
      expect(b).toEqual(datas.slice(50).map(blobId));
    },
  );

  test("no paths, no workers", async () => {
    expect(await hashInWorkers([], 4)).toEqual([]);
  });
});
