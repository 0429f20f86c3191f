/**
 * A cache backend stores directories under string keys. Both implementations (the GitHub Actions
 * cache and a local directory) follow the service's rules: entries are immutable, a lookup tries
 * the exact key first, then each restore key as a prefix, newest entry first.
 */
export interface CacheBackend {
  /** `github` or `local`, for the report. */
  readonly kind: "github" | "local";
  restore(request: RestoreRequest): Promise<RestoreResult>;
  save(request: SaveRequest): Promise<SaveResult>;
  /**
   * Removes a damaged entry so the rebuild can take its place; where entries are immutable (the
   * GitHub cache) there is no such call and the entry stays until it is evicted.
   */
  discard?(key: string): Promise<void>;
}

export interface RestoreRequest {
  /**
   * Absolute directory the entry is restored into (and was saved from). For the GitHub backend it
   * must be the same path on every run, because the service keys entries on the path list too.
   */
  readonly dir: string;
  readonly key: string;
  /** Prefixes tried in order when the exact key is absent. */
  readonly restoreKeys?: readonly string[];
  /** Look the entry up without downloading it. */
  readonly lookupOnly?: boolean;
}

export type RestoreResult =
  /** `matchedKey` equals the requested key on an exact hit, else the newest prefix match. */
  | { readonly status: "hit"; readonly matchedKey: string }
  | { readonly status: "miss" }
  /**
   * The cache could not be read: treated as a miss, with a warning naming what happened.
   * `repeated`: not tried, for a cause an earlier call of the run has already warned about.
   */
  | { readonly status: "unavailable"; readonly warning: string; readonly repeated?: boolean };

export interface SaveRequest {
  readonly dir: string;
  readonly key: string;
}

export type SaveResult =
  | { readonly status: "saved" }
  /** Another job saved the same key first: a success. */
  | { readonly status: "exists" }
  /** The save did not happen; `warning` says why (`repeated`: as unavailable). Never fails the job. */
  | { readonly status: "failed"; readonly warning: string; readonly repeated?: boolean };
