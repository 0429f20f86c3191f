/**
 * A problem the user can fix: a bad input, a malformed file, a missing project.
 * Its message is one line naming the cause (input, file, line, entry) and is shown without a stack.
 */
export class UserError extends Error {
  override name = "UserError";
}

/**
 * A build command that failed, was killed or wrote no wheel: a user error (one line, no stack)
 * that the CLI tells apart by its exit status.
 */
export class BuildFailure extends UserError {
  override name = "BuildFailure";
}

/** One line for a user error, the stack for anything else (a bug). */
export function formatError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** The message of any thrown value, without a stack: for warnings about recoverable failures. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
