import { availableParallelism } from "node:os";

/** Default number of concurrent file operations: CPUs × 2, at most 16. */
export function defaultConcurrency(): number {
  return Math.min(16, availableParallelism() * 2);
}

/**
 * Default number of hashing worker threads: CPUs × 2 (reads in flight help a cold page cache even
 * when the CPUs are busy hashing), at most 4: each worker costs about 10 MB, and four already
 * hash faster than the disk or the page cache deliver on the machines measured (docs/benchmark.md).
 */
export function hashWorkers(): number {
  return Math.min(4, defaultConcurrency());
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
