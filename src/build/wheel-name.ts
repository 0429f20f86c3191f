/**
 * Whether a wheel a build wrote is the project's, for the Python and platform the fingerprint
 * keys, judged by its file name (`{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`,
 * each tag part possibly a `.`-separated set). A build that copies in an old wheel, another
 * project's or one for another interpreter must not have it cached under this key.
 */

/** What the wheels of this build must be. */
export interface WheelTarget {
  /** The project's distribution name; undefined when it cannot be known (no check). */
  readonly distribution?: string;
  /** The building interpreter; undefined when it was not found (no tag checks). */
  readonly python?: {
    /** `cp311`, `cp313t`, `pp310`. */
    readonly tag: string;
    /** `3.11.2`. */
    readonly version: string;
    /** `cpython`, `pypy`. */
    readonly implementation: string;
    /** `sysconfig.get_platform()`: `linux-x86_64`, `macosx-11.0-arm64`, `win-amd64`. */
    readonly platform: string;
  };
  /** The C library on Linux (manylinux wheels need glibc, musllinux wheels musl). */
  readonly libc?: "glibc" | "musl";
}

/** Which part of a wheel's name does not fit, what it says and what was wanted. */
export interface WheelMismatch {
  readonly part: "file name" | "name" | "Python tag" | "ABI tag" | "platform tag";
  readonly found: string;
  readonly wanted: string;
}

/** The mismatch of a wheel's file name with `target`, or undefined when it fits. */
export function wheelMismatch(fileName: string, target: WheelTarget): WheelMismatch | undefined {
  const parts = fileName.replace(/\.whl$/, "").split("-");
  if (parts.length !== 5 && parts.length !== 6) {
    return { part: "file name", found: fileName, wanted: "name-version-python-abi-platform.whl" };
  }
  const [name, , ...rest] = parts as [string, string, ...string[]];
  const [pythonTags, abiTags, platformTags] = rest.slice(-3) as [string, string, string];
  if (target.distribution && normalizeName(name) !== normalizeName(target.distribution)) {
    return { part: "name", found: name, wanted: normalizeName(target.distribution) };
  }
  const python = target.python;
  if (!python) return undefined;
  const abi3 = abiTags.split(".").includes("abi3");
  if (!pythonTags.split(".").some((tag) => fitsPython(tag, python, abi3))) {
    return { part: "Python tag", found: pythonTags, wanted: python.tag };
  }
  if (!abiTags.split(".").some((tag) => fitsAbi(tag, python))) {
    return { part: "ABI tag", found: abiTags, wanted: python.tag };
  }
  const platform = platformTag(python.platform);
  if (!platformTags.split(".").some((tag) => fitsPlatform(tag, platform, target.libc))) {
    return { part: "platform tag", found: platformTags, wanted: platform };
  }
  return undefined;
}

/** `name other, not pkg`, `Python tag cp310, not cp311`: a mismatch in a few words. */
export function mismatchText(mismatch: WheelMismatch): string {
  return `${mismatch.part} ${mismatch.found}, not ${mismatch.wanted}`;
}

/** PEP 503's normal form, also what wheel file names escape names to: `foo_bar`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "_");
}

/** `linux-x86_64` → `linux_x86_64`, `macosx-11.0-arm64` → `macosx_11_0_arm64`. */
function platformTag(platform: string): string {
  return platform.replace(/[-.]/g, "_").toLowerCase();
}

function fitsPython(tag: string, python: NonNullable<WheelTarget["python"]>, abi3: boolean) {
  // The interpreter's tag without its ABI flag: a free-threaded 3.13 is `cp313` (ABI `cp313t`).
  if (tag === python.tag.replace(/^([a-z]+\d+)[a-z]*$/, "$1")) return true;
  const [major = "", minor = ""] = python.version.split(".");
  const generic = /^py(\d)(\d*)$/.exec(tag);
  if (generic)
    return generic[1] === major && (generic[2] === "" || Number(generic[2]) <= Number(minor));
  // A stable-ABI wheel built for an older CPython 3 runs on this one.
  const stable = /^cp(\d)(\d+)$/.exec(tag);
  return (
    abi3 &&
    python.implementation === "cpython" &&
    stable !== null &&
    stable[1] === major &&
    Number(stable[2]) <= Number(minor)
  );
}

function fitsAbi(tag: string, python: NonNullable<WheelTarget["python"]>): boolean {
  if (tag === "none" || tag === python.tag) return true;
  if (tag === "abi3") return python.implementation === "cpython";
  // `cp311d` (debug), `cp37m` (pymalloc): the interpreter's own ABI with a flag.
  return tag.startsWith(python.tag) && /^[dmu]+$/.test(tag.slice(python.tag.length));
}

/** Whether a platform tag runs on the platform `ours` (a tag of `sysconfig.get_platform()`). */
function fitsPlatform(tag: string, ours: string, libc: WheelTarget["libc"]): boolean {
  if (tag === "any" || tag === ours) return true;
  if (ours.startsWith("linux_")) {
    const arch = ours.slice("linux_".length);
    const family = /^(manylinux_\d+_\d+|musllinux_\d+_\d+|manylinux\d*)_(.+)$/.exec(tag);
    if (!family || family[2] !== arch) return false;
    return family[1]!.startsWith("musllinux") ? libc === "musl" : libc !== "musl";
  }
  if (ours.startsWith("macosx_")) {
    const arch = ours.split("_").at(-1);
    const macos = /^macosx_\d+_\d+_(.+)$/.exec(tag);
    const fits =
      arch === "arm64" ? ["arm64", "universal2"] : [arch, "universal2", "intel", "universal"];
    return macos !== null && fits.includes(macos[1]);
  }
  return false;
}
