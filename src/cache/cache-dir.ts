import path from "node:path";
import { UserError } from "../errors.js";

/**
 * Where the local cache lives by default: `$WHEEL_CACHE_DIR`, else the platform's user cache
 * directory (`$XDG_CACHE_HOME/wheel-cache` or `~/.cache/wheel-cache`; on macOS
 * `~/Library/Caches/wheel-cache`; on Windows `%LOCALAPPDATA%\wheel-cache\Cache`).
 * A pure function of its arguments; throws a UserError when no home directory is known.
 */
export function defaultCacheDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): string {
  if (env.WHEEL_CACHE_DIR) return env.WHEEL_CACHE_DIR;
  const { HOME: home, XDG_CACHE_HOME: xdg } = env;
  if (platform === "win32") {
    const local =
      env.LOCALAPPDATA || (env.USERPROFILE && path.win32.join(env.USERPROFILE, "AppData", "Local"));
    if (local) return path.win32.join(local, "wheel-cache", "Cache");
  } else if (platform === "darwin") {
    if (home) return path.posix.join(home, "Library", "Caches", "wheel-cache");
  } else if (xdg && path.posix.isAbsolute(xdg)) {
    // The XDG spec says a relative value is invalid and must be ignored.
    return path.posix.join(xdg, "wheel-cache");
  } else if (home) {
    return path.posix.join(home, ".cache", "wheel-cache");
  }
  throw new UserError("cannot tell where to keep the local cache: set WHEEL_CACHE_DIR");
}
