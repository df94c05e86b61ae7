#!/usr/bin/env bash
# Installs the system packages the local stack and the tests need (Debian 12 "bookworm").
# --with-browser adds Chromium for the e2e tests, --with-bench adds wrk for bench/api. promtool (for the checks of
# deploy/prometheus) is fetched when missing, and skipped with a message when it cannot be had.
# Idempotent: installs only what is missing. pgvector is built from Debian's own source package
# of the next release ("trixie") because bookworm does not package it (see docs/decisions.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.local/cache"
PG_MAJOR=15
PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config"
WITH_BROWSER=0
WITH_BENCH=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=1 ;;
    --with-bench) WITH_BENCH=1 ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

log() { printf '\033[1;34m[install]\033[0m %s\n' "$*"; }

packages=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR redis-server nginx ffmpeg espeak-ng make gcc curl ca-certificates)
if [ "$WITH_BROWSER" = 1 ]; then packages+=(chromium fonts-noto-cjk); fi
# wrk: the HTTP load generator of bench/api.
if [ "$WITH_BENCH" = 1 ]; then packages+=(wrk); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "system packages present"
fi

# kubectl renders the Kubernetes manifests (scripts/check-deploy.sh: `kubectl kustomize`, no cluster needed; the
# components need its kustomize v4+, i.e. kubectl 1.21+). Debian 12's own kubectl (package kubernetes-client) is 1.20,
# too old; this machine image ships a current one (package kubectl, from the Kubernetes/Cloud SDK apt repository).
# Install that package where an apt source offers it; elsewhere check-deploy skips the Kubernetes part and says so.
if ! command -v kubectl >/dev/null 2>&1; then
  if apt-cache policy kubectl 2>/dev/null | grep -qE 'Candidate: [0-9]'; then
    log "apt-get install kubectl"
    $SUDO apt-get install -y -qq --no-install-recommends kubectl >/dev/null
  else
    log "kubectl is not installed and no apt source offers a current one: check-deploy will skip deploy/kubernetes"
  fi
fi

# promtool (Prometheus's config and rule checker) for scripts/check-deploy.sh, taken out of Debian's prometheus
# package into .local/cache/bin without installing the package (that would add a Prometheus server and its service).
# Optional: when it cannot be had, this says so and check-deploy skips the Prometheus checks.
PROMTOOL="$CACHE/bin/promtool"
if command -v promtool >/dev/null 2>&1 || [ -x "$PROMTOOL" ]; then
  log "promtool present"
else
  fetch_promtool() {
    mkdir -p "$CACHE/prometheus" && cd "$CACHE/prometheus" && rm -rf extract prometheus_*.deb \
      && apt-get download prometheus >/dev/null 2>&1 && dpkg-deb -x prometheus_*.deb extract \
      && install -D -m 0755 extract/usr/bin/promtool "$PROMTOOL" && rm -rf extract prometheus_*.deb
  }
  log "fetching promtool from Debian's prometheus package"
  if (fetch_promtool) || { $SUDO apt-get update -qq && (fetch_promtool); }; then
    log "promtool $("$PROMTOOL" --version 2>&1 | head -n1 | awk '{print $3}') in ${PROMTOOL#"$ROOT"/}"
  else
    log "promtool is not available (Debian's prometheus package could not be downloaded): check-deploy skips the Prometheus checks"
  fi
fi

pkglibdir="$($PG_CONFIG --pkglibdir)"
sharedir="$($PG_CONFIG --sharedir)"
if [ -f "$pkglibdir/vector.so" ] && [ -f "$sharedir/extension/vector.control" ]; then
  log "pgvector present"
  exit 0
fi

log "building pgvector from Debian's trixie source package"
mkdir -p "$CACHE/apt/lists/partial" "$CACHE/apt/parts" "$CACHE/pgvector"
# Reuse the mirror URI and keyring the system already trusts; never touch the system sources.
src_file=/etc/apt/sources.list.d/debian.sources
uri="$(awk '/^URIs:/ {print $2; exit}' "$src_file" 2>/dev/null || true)"
keyring="$(awk '/^Signed-By:/ {print $2; exit}' "$src_file" 2>/dev/null || true)"
uri="${uri:-http://deb.debian.org/debian}"
keyring="${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}"
cat > "$CACHE/apt/trixie-src.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: $keyring
SRC
APT_OPTS=(-o APT::Sandbox::User=root -o "Dir::Etc::sourcelist=$CACHE/apt/trixie-src.sources" -o "Dir::Etc::sourceparts=$CACHE/apt/parts" -o "Dir::State::Lists=$CACHE/apt/lists")
# deb822 files must end in .sources for apt to parse them; sourcelist accepts the path directly.
$SUDO apt-get "${APT_OPTS[@]}" update -qq
(
  cd "$CACHE/pgvector"
  if ! ls pgvector_*.orig.tar.* >/dev/null 2>&1; then
    apt-get "${APT_OPTS[@]}" source --download-only pgvector >/dev/null
  fi
  tarball="$(ls pgvector_*.orig.tar.* | head -1)"
  rm -rf build && mkdir build
  tar -xf "$tarball" -C build --strip-components=1
  cd build
  make -s PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null
  $SUDO make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
)
log "pgvector installed"
