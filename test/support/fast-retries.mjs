// Preloaded into the action's process (NODE_OPTIONS=--import) by tests of cache service faults
// that the client retries: the client's back-off pauses (seconds each, tens of seconds in all)
// are not what those tests check, so every pause between 1 s and 1 min runs a hundred times
// faster. Longer timers (wheel-cache's own deadlines on a cache call) and shorter ones are kept.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function fastSetTimeout(callback, ms, ...args) {
  const delay = typeof ms === "number" && ms >= 1000 && ms <= 60_000 ? ms / 100 : ms;
  return realSetTimeout(callback, delay, ...args);
};
