#!/usr/bin/env bash
# Prepare this machine to build the example projects in examples/ and to run the test suite.
#
# Everything the tests need from a registry is fetched here, so that the tests themselves never
# touch the network:
#
#   * Debian packages, only for what PyPI does not ship: compilers, git, strace, patchelf, zstd
#     (apt-get, as root or through sudo; skipped when they are all present).
#   * $REPO/.tool-venv (override with WHEEL_CACHE_TOOL_VENV): a virtual environment holding the
#     pinned build tools of scripts/build-tools.txt from PyPI: setuptools, build, wheel, maturin,
#     setuptools-rust, scikit-build-core, meson-python, meson, ninja, cmake, Cython, pybind11,
#     setuptools-scm and uv.
#   * $VENV/wheelhouse: the wheels an isolated build (uv build, uv sync, python -m build) installs
#     into its build environment, so such builds run offline from it (UV_FIND_LINKS, PIP_FIND_LINKS).
#   * $VENV/cargo: a CARGO_HOME of the project's own, holding the crates the Rust examples lock
#     (cargo fetch --locked), so that tests build them offline (CARGO_NET_OFFLINE).
#   * $VENV/build-env.json, written last: the stamp the tests check (test/support/build-env.ts).
#
# Nothing outside the repository changes but the Debian packages: no global pip or cargo
# configuration, no ~/.cargo/config.toml. Idempotent: a second run installs only what is missing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${WHEEL_CACHE_TOOL_VENV:-$REPO/.tool-venv}"
PINS="$REPO/scripts/build-tools.txt"
WHEELHOUSE="$VENV/wheelhouse"
TOOL_CARGO_HOME="$VENV/cargo"
RUST_EXAMPLES=(maturin setuptools-rust)

APT_PACKAGES=(
  build-essential # gcc, g++, make
  git
  pkg-config
  patchelf # meson-python repairs RPATHs with it
  strace # tests and traced builds record which files a build reads
  zstd
)

log() { printf '==> %s\n' "$*"; }
die() {
  printf 'setup-build-env: error: %s\n' "$*" >&2
  exit 1
}

install_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    log "apt packages: all present"
    return
  fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || die "missing apt packages (${missing[*]}); run this script as root"
    sudo=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# A CPython 3.10 or newer with venv and pip: $PYTHON, pyenv's python3, python3.
find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11 python3.10 /usr/bin/python3; do
    [[ -n "$candidate" ]] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  die "no Python 3.10 or newer with venv and ensurepip found (tried \$PYTHON, python3, python3.1x)"
}

setup_venv() {
  if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    local python
    python="$(find_python)"
    log "creating $VENV with $python ($("$python" -V 2>&1))"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
  fi
  rm -f "$VENV/build-env.json"
  local pip=("$VENV/bin/python" -m pip --disable-pip-version-check -q)
  log "pip install -r scripts/build-tools.txt"
  # PIP_FIND_LINKS and friends from the machine must not add other versions than the pins.
  env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_NO_INDEX \
    "${pip[@]}" install --require-virtualenv -r "$PINS"
  "${pip[@]}" check
}

# The pinned wheels, for isolated builds (every backend's requirements) that must not reach PyPI.
fill_wheelhouse() {
  log "wheelhouse: pip download -r scripts/build-tools.txt"
  mkdir -p "$WHEELHOUSE"
  env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_NO_INDEX \
    "$VENV/bin/python" -m pip --disable-pip-version-check -q download --only-binary=:all: \
    --dest "$WHEELHOUSE" -r "$PINS"
}

find_cargo() {
  local candidate
  for candidate in cargo "$HOME/.cargo/bin/cargo"; do
    if command -v "$candidate" >/dev/null 2>&1; then
      command -v "$candidate"
      return
    fi
  done
  die "cargo not found on PATH or in ~/.cargo/bin (install Rust with rustup)"
}

fetch_crates() {
  local cargo example
  cargo="$(find_cargo)"
  for example in "${RUST_EXAMPLES[@]}"; do
    log "cargo fetch --locked: examples/$example"
    CARGO_HOME="$TOOL_CARGO_HOME" "$cargo" fetch --locked -q \
      --manifest-path "$REPO/examples/$example/Cargo.toml"
  done
}

write_stamp() {
  local cargo
  cargo="$(find_cargo)"
  PATH="$(dirname "$cargo"):$PATH" "$VENV/bin/python" - "$VENV/build-env.json" \
    "$(dirname "$cargo")" "$TOOL_CARGO_HOME" "$WHEELHOUSE" <<'EOF'
import json, subprocess, sys
from importlib import metadata

out, cargo_bin, cargo_home, wheelhouse = sys.argv[1:5]
names = ["build", "setuptools", "wheel", "setuptools-rust", "maturin", "scikit-build-core",
         "meson", "meson-python", "Cython", "pybind11", "setuptools-scm", "cmake", "ninja", "uv"]
stamp = {
    "python": sys.executable,
    "pythonVersion": sys.version.split()[0],
    "cargoBin": cargo_bin,
    "cargoHome": cargo_home,
    "wheelhouse": wheelhouse,
    "rustc": subprocess.run(["rustc", "-V"], capture_output=True, text=True, check=True).stdout.strip(),
    "packages": {name: metadata.version(name) for name in names},
}
with open(out, "w") as f:
    json.dump(stamp, f, indent=2)
    f.write("\n")
EOF
}

install_apt_packages
setup_venv
fill_wheelhouse
fetch_crates
write_stamp
log "build environment ready: $VENV (see $VENV/build-env.json)"
