import path from "node:path";
import { isInside, toPosix } from "../shared/paths.js";
import { readProjectFile } from "../shared/read.js";
import { isTable, lookup, parseTomlContent, type TomlTable } from "../shared/toml.js";

/** The Rust crates a build compiles from the repository, and where their workspace lives. */
export interface CargoLayout {
  /** Absolute directories of the crate and of every path dependency inside `root`. */
  readonly crates: readonly string[];
  /** Absolute extra source files of crates (`[lib] path` and the like outside `src/`). */
  readonly extraSources: readonly string[];
  /** Absolute workspace root (the directory whose Cargo.toml has `[workspace]`), or the crate dir. */
  readonly workspaceRoot: string;
  /** Path dependencies that leave the repository: not fingerprinted, reported as warnings. */
  readonly outside: readonly string[];
}

const DEP_TABLES = ["dependencies", "build-dependencies"];

/**
 * Follows a crate's path dependencies (including `workspace = true` ones) inside `root`.
 * `manifest` is the absolute path of the top crate's Cargo.toml; a missing manifest gives a layout
 * with that crate alone, so the key records Cargo.toml as absent.
 */
export async function readCargoLayout(manifest: string, root: string): Promise<CargoLayout> {
  const workspaceRoot = await findWorkspaceRoot(path.dirname(manifest), root);
  const workspace = workspaceRoot
    ? await readToml(path.join(workspaceRoot, "Cargo.toml"), root)
    : undefined;
  // The workspace's own `[patch]` paths are followed like path dependencies.
  const pending = [path.dirname(manifest)];
  if (workspace && workspaceRoot) {
    for (const dep of dependencyTables({ patch: workspace.patch })) {
      const target = depPath(dep, workspaceRoot, workspace, workspaceRoot);
      if (target) pending.push(target);
    }
  }
  const crates: string[] = [];
  const extraSources: string[] = [];
  const outside: string[] = [];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    if (crates.includes(dir)) continue;
    if (!isInside(dir, root)) {
      outside.push(dir);
      continue;
    }
    crates.push(dir);
    const cargo = await readToml(path.join(dir, "Cargo.toml"), root);
    if (!cargo) continue;
    // `[package] build = "tools/build.rs"`: a build script outside the usual place.
    const build = lookup(cargo, "package", "build");
    if (typeof build === "string") extraSources.push(path.join(dir, build));
    for (const target of ["lib", "bin"]) {
      for (const table of [lookup(cargo, target)].flat()) {
        const file = isTable(table) ? table.path : undefined;
        if (typeof file === "string" && !isInside(path.join(dir, file), path.join(dir, "src"))) {
          extraSources.push(path.join(dir, file));
        }
      }
    }
    for (const dep of dependencyTables(cargo)) {
      const target = depPath(dep, dir, workspace, workspaceRoot);
      if (target) pending.push(target);
    }
  }
  return {
    crates: crates.sort(),
    extraSources: extraSources.sort(),
    workspaceRoot: workspaceRoot ?? path.dirname(manifest),
    outside: outside.sort(),
  };
}

function dependencyTables(cargo: TomlTable): [string, unknown][] {
  const tables: unknown[] = DEP_TABLES.map((name) => cargo[name]);
  // `[patch.crates-io] foo = { path = "../foo" }` replaces a dependency with a local crate.
  if (isTable(cargo.patch)) tables.push(...Object.values(cargo.patch));
  const targets = cargo.target;
  if (isTable(targets)) {
    for (const target of Object.values(targets)) {
      if (isTable(target)) tables.push(...DEP_TABLES.map((name) => target[name]));
    }
  }
  return tables.filter(isTable).flatMap((table) => Object.entries(table));
}

function depPath(
  [name, spec]: [string, unknown],
  dir: string,
  workspace: TomlTable | undefined,
  workspaceRoot: string | undefined,
): string | undefined {
  if (!isTable(spec)) return undefined;
  if (typeof spec.path === "string") return path.resolve(dir, spec.path);
  if (spec.workspace === true && workspace && workspaceRoot) {
    const inherited = lookup(workspace, "workspace", "dependencies", name);
    if (isTable(inherited) && typeof inherited.path === "string") {
      return path.resolve(workspaceRoot, inherited.path);
    }
  }
  return undefined;
}

async function findWorkspaceRoot(start: string, root: string): Promise<string | undefined> {
  for (let dir = start; isInside(dir, root); dir = path.dirname(dir)) {
    const cargo = await readToml(path.join(dir, "Cargo.toml"), root);
    if (cargo && isTable(cargo.workspace)) return dir;
    if (dir === root || path.dirname(dir) === dir) break;
  }
  return undefined;
}

/** A Cargo manifest, or undefined when it does not exist: its key records it as absent. */
export async function readToml(file: string, root: string): Promise<TomlTable | undefined> {
  const display = toPosix(path.relative(root, file)) || file;
  const text = await readProjectFile(file, display);
  return text === undefined ? undefined : parseTomlContent(text, display);
}
