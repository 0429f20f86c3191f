import { execFileSync } from "node:child_process";
import { devNull } from "node:os";

/** An environment where git works with no user identity or global/system configuration. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: devNull,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z",
};

/** Runs git in `dir` and returns its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8" });
}

/** Makes `dir` a git repository with branch `main`. */
export function gitInit(dir: string): void {
  git(dir, "init", "--quiet", "--initial-branch=main");
}

/** Stages everything (honouring .gitignore) and commits it; returns the commit id. */
export function gitCommitAll(dir: string, message = "commit"): string {
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "--allow-empty", "--no-verify", "-m", message);
  return git(dir, "rev-parse", "HEAD").trim();
}
