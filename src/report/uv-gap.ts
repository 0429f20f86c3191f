import type { InputReason, UvGap } from "../fingerprint/uv-inputs.js";
import type { BackendName } from "../project/backend.js";
import { capLine } from "../shared/list.js";

/** The command that writes a `cache-keys` list covering every input. */
export const UV_KEYS_WRITE = "wheel-cache uv-keys --write";

/** What a gap leaves out, by name: files, then the git commit. */
export function gapNames(gap: UvGap): string[] {
  const names = gap.files.map((f) => f.file);
  return gap.gitCommit ? [...names, "the git commit"] : names;
}

/**
 * The warning when a project's own `cache-keys` leave inputs out, plain text: the same in the
 * log, the summary, the terminal and `wheel-cache check`, with the command that fixes it.
 */
export function uvGapWarning(gap: UvGap): string {
  const names = gapNames(gap);
  const one = names.length === 1;
  return `${gap.pyproject}: [tool.uv] cache-keys leave out ${capLine(names)}, ${one ? "an input" : "inputs"} of the build: uv will not rebuild when ${one ? "it changes" : "they change"}; ${UV_KEYS_WRITE} writes a list that covers ${one ? "it" : "them"}`;
}

/** Why a file is an input, in a few words. */
export function reasonText(
  reason: InputReason,
  backend: BackendName,
  tracedOn: string | undefined,
): string {
  switch (reason) {
    case "pyproject":
      return "the project's own settings: a list replaces uv's defaults, so it must name pyproject.toml";
    case "rebuild":
      return `a rebuild input of ${backend} builds`;
    case "declared":
      return "named by the project's own cache-keys";
    case "metadata":
      return "read into the wheel's metadata";
    case "read":
      return `read by the build traced on ${tracedOn ?? "this machine"}`;
  }
}
