#!/usr/bin/env bash
# The README's test command (`npm test`), and `.ci/run`'s: installs what the tests need, then runs
# them. `npm test` runs the whole suite and first makes the build environment
# (scripts/setup-build-env.sh: Debian packages, the pinned tool venv, the examples' crates);
# `npm run test:unit` runs the unit tier alone (no real builds, no cache server), which needs
# only the node modules. Extra arguments go to vitest (a file name, `-t pattern`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tier=all
if [[ "${1:-}" == "--unit" ]]; then
  tier=unit
  shift
fi

if [[ "$tier" == all ]]; then
  bash scripts/setup-build-env.sh
fi
# node_modules as package-lock.json says, unless npm ci already made it from this lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

# The seccomp tracer the tests build is kept in the tool venv, not the user's cache directory.
export WHEEL_CACHE_TRACER_DIR="$PWD/.tool-venv/tracer"

if [[ "$tier" == unit ]]; then
  exec npx vitest run --project unit "$@"
fi
# Every tier (the end-to-end tests fail, rather than skip, without the build environment).
exec npx vitest run "$@"
