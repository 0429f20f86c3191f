#!/usr/bin/env bash
# Prepare this machine to build the real example projects in examples/ offline.
#
# Machines of this project's kind (Debian 12) reach Debian's packages and the npm registry, but
# neither PyPI nor crates.io. Everything comes from two local sources:
#
#   * the image's wheelhouse (/opt/pypi/files, /opt/pypi-more/files; override with
#     WHEEL_CACHE_WHEELHOUSE="dir1:dir2"): setuptools, wheel, build, setuptools-rust, maturin,
#     scikit-build-core, meson, Cython, pybind11, setuptools-scm, cmake, ninja;
#   * Debian packages: compilers and tools, PyO3 0.17.3 and its crates (librust-pyo3-dev, a cargo
#     directory registry under /usr/share/cargo/registry), and meson-python.
#
# meson-python: the wheelhouse has meson-python 0.22, which needs pyproject-metadata >= 0.9, and
# the wheelhouse has no pyproject-metadata at all. Debian's python3-pyproject-metadata is 0.6.1
# (too old for 0.22), so meson-python comes from Debian too: python3-mesonpy 0.12.0 and
# python3-pyproject-metadata 0.6.1 are pure Python, and this script repacks the files Debian
# installed (with `wheel pack`) into two wheels in $VENV/debian-wheels and pip-installs those into
# the venv. One interpreter (the venv's) then builds every backend; meson itself is the
# wheelhouse's (newer than Debian's), and patchelf comes from Debian.
#
# Results:
#   * $REPO/.tool-venv (override with WHEEL_CACHE_TOOL_VENV): a venv of Python 3.11 (the
#     wheelhouse's compiled wheels are cp311) holding every build backend. Builds run with
#     `--no-isolation` and this venv's bin/ first on PATH (maturin's backend finds `maturin` there).
#   * Offline cargo: "${CARGO_HOME:-$HOME/.cargo}/config.toml" gets a source replacement of
#     crates-io by Debian's vendored directory registry, so plain `cargo` and the cargo run by
#     maturin or setuptools-rust resolve crates offline (CARGO_SOURCE_* environment variables
#     cannot express [source] tables, and a per-project .cargo/config.toml would change the
#     examples). A file that already replaces crates-io is left alone.
#   * $VENV/build-env.json, written last: the stamp the tests check (test/support/build-env.ts).
#
# Idempotent: re-running installs only what is missing. Run as root (apt-get).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${WHEEL_CACHE_TOOL_VENV:-$REPO/.tool-venv}"
WHEELHOUSE="${WHEEL_CACHE_WHEELHOUSE:-/opt/pypi/files:/opt/pypi-more/files}"
CARGO_CONFIG="${CARGO_HOME:-$HOME/.cargo}/config.toml"
DEBIAN_REGISTRY=/usr/share/cargo/registry

APT_PACKAGES=(
  build-essential # gcc, g++, make
  python3-dev # Python headers for Debian's python3 (the venv uses its own interpreter's)
  python3-venv # lets Debian's python3 make venvs when no pyenv Python 3.11 exists
  git
  pkg-config
  cmake
  ninja-build
  patchelf # meson-python repairs RPATHs with it
  strace # tests record which files a build reads
  zstd
  librust-pyo3-dev # PyO3 0.17.3 + 125 crates as a cargo directory registry
  python3-mesonpy # meson-python 0.12.0, repacked into the venv (see above)
  python3-pyproject-metadata # its dependency, 0.6.1
)

PIP_PACKAGES=(
  pip setuptools wheel build packaging pyproject-hooks
  setuptools-rust maturin scikit-build-core meson Cython pybind11 setuptools-scm cmake ninja
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
  ((EUID == 0)) || die "missing apt packages (${missing[*]}); run this script as root"
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_links_args() {
  local dir found=0
  FIND_LINKS=()
  IFS=: read -r -a dirs <<<"$WHEELHOUSE"
  for dir in "${dirs[@]}"; do
    if [[ -d "$dir" ]]; then
      FIND_LINKS+=(--find-links "$dir")
      if compgen -G "$dir/setuptools-*.whl" >/dev/null; then found=1; fi
    fi
  done
  ((found)) || die "no local wheelhouse with setuptools found in '$WHEELHOUSE' (this machine has \
no PyPI; set WHEEL_CACHE_WHEELHOUSE to the directories holding the image's wheel files)"
}

# Python 3.11 (the wheelhouse's compiled wheels, e.g. Cython's, are cp311); pyenv's first.
find_python() {
  local candidate
  for candidate in "${PYTHON:-}" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.11*/bin/python3 python3 \
    python3.11 /usr/bin/python3; do
    [[ -n "$candidate" ]] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  die "no Python 3.11 found (tried \$PYTHON, pyenv's 3.11, python3, python3.11, /usr/bin/python3)"
}

# Repack the pure-Python files a Debian package installed as a wheel pip can install.
repack_debian_wheel() {
  local module="$1" distinfo="$2" dist_packages=/usr/lib/python3/dist-packages
  local stage="$VENV/debian-wheels/src/$distinfo"
  compgen -G "$VENV/debian-wheels/${distinfo}-*.whl" >/dev/null && return
  [[ -d "$dist_packages/$distinfo.dist-info" ]] || die "$dist_packages/$distinfo.dist-info missing"
  rm -rf "$stage" && mkdir -p "$stage"
  cp -r "$dist_packages/$module" "$dist_packages/$distinfo.dist-info" "$stage/"
  find "$stage" -name __pycache__ -prune -exec rm -rf {} +
  "$VENV/bin/python" -m wheel pack --dest-dir "$VENV/debian-wheels" "$stage" >/dev/null
}

setup_venv() {
  local python
  if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    python="$(find_python)"
    log "creating $VENV with $python ($("$python" -V 2>&1))"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
  fi
  rm -f "$VENV/build-env.json"
  local pip=("$VENV/bin/python" -m pip --disable-pip-version-check -q install --no-index)
  log "pip install (wheelhouse: $WHEELHOUSE)"
  "${pip[@]}" --upgrade "${FIND_LINKS[@]}" "${PIP_PACKAGES[@]}"
  repack_debian_wheel pyproject_metadata pyproject_metadata-0.6.1
  repack_debian_wheel mesonpy meson_python-0.12.0
  "${pip[@]}" --find-links "$VENV/debian-wheels" "${FIND_LINKS[@]}" \
    "meson-python==0.12.0" "pyproject-metadata==0.6.1"
  "$VENV/bin/python" -m pip --disable-pip-version-check check
}

configure_cargo() {
  [[ -d "$DEBIAN_REGISTRY/pyo3-0.17.3" ]] || die "$DEBIAN_REGISTRY/pyo3-0.17.3 missing (librust-pyo3-dev)"
  if [[ -f "$CARGO_CONFIG" ]] && grep -Eq '^\[source\.crates-io\]' "$CARGO_CONFIG"; then
    log "cargo: $CARGO_CONFIG already replaces crates-io; left as is"
    return
  fi
  log "cargo: replacing crates-io with $DEBIAN_REGISTRY in $CARGO_CONFIG"
  mkdir -p "$(dirname "$CARGO_CONFIG")"
  cat >>"$CARGO_CONFIG" <<EOF

# Added by wheel-cache's scripts/setup-build-env.sh: no crates.io on this machine; use the crates
# Debian vendors (librust-*-dev packages, e.g. PyO3 0.17.3).
[source.crates-io]
replace-with = "debian-vendor"

[source.debian-vendor]
directory = "$DEBIAN_REGISTRY"
EOF
}

# rustup's cargo (Debian's cargo 1.65 cannot read the examples' version 4 Cargo.lock files).
find_cargo() {
  local candidate
  for candidate in cargo "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" "$HOME/.cargo/bin/cargo"; do
    if command -v "$candidate" >/dev/null 2>&1; then
      command -v "$candidate"
      return
    fi
  done
  die "cargo not found on PATH or in ${CARGO_HOME:-$HOME/.cargo}/bin (the image's rustup toolchain)"
}

write_stamp() {
  local cargo cargo_bin
  cargo="$(find_cargo)"
  cargo_bin="$(dirname "$cargo")"
  PATH="$cargo_bin:$PATH" "$VENV/bin/python" - "$VENV/build-env.json" "$cargo_bin" <<'EOF'
import json, subprocess, sys
from importlib import metadata

out, cargo_bin = sys.argv[1], sys.argv[2]
names = ["build", "setuptools", "wheel", "setuptools-rust", "maturin", "scikit-build-core",
         "meson", "meson-python", "Cython", "pybind11", "setuptools-scm", "cmake", "ninja"]
stamp = {
    "python": sys.executable,
    "pythonVersion": sys.version.split()[0],
    "cargoBin": cargo_bin,
    "rustc": subprocess.run(["rustc", "-V"], capture_output=True, text=True, check=True).stdout.strip(),
    "packages": {name: metadata.version(name) for name in names},
}
with open(out, "w") as f:
    json.dump(stamp, f, indent=2)
    f.write("\n")
EOF
}

install_apt_packages
find_links_args
setup_venv
configure_cargo
write_stamp
log "build environment ready: $VENV (see $VENV/build-env.json)"
