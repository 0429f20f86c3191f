/** The outcome of racing a promise against a deadline. */
export type Deadlined<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/**
 * Waits for `promise` at most `ms` milliseconds. If it settles in time its value is returned (or
 * its rejection rethrown); otherwise `{ done: false }`. The promise is not cancelled: it keeps
 * running, and a rejection after the deadline is observed here so it cannot crash the process as
 * an unhandled rejection.
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<Deadlined<T>> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  const settled = promise.then((value) => ({ done: true as const, value }));
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
    // The caller has its answer (a value, a rejection, or "too late"); a later failure of the
    // abandoned operation has no one left to tell, and the library behind it already logs its own.
    settled.catch(() => undefined);
  }
}
