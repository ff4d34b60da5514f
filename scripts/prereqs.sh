#!/usr/bin/env bash
# Installs what NakamuraMisaki needs on a Debian/Ubuntu machine, and nothing else.
#   prereqs.sh          what serving needs (scripts/run.sh): the .NET SDK check, PostgreSQL 15+, pgvector
#   prereqs.sh --test   that, and what only the tests and benchmarks use (scripts/test.sh, bench/): PgBouncer,
#                       dotnet-ef, the Python adapters' packages, promtool, Node.js and the OpenAPI lint tools
# Idempotent and non-interactive: every step first checks whether its result is already there.
# Works as root or through sudo. Prints each action it takes.
set -euo pipefail
case "${1:-}" in
  "") for_tests="" ;;
  --test) for_tests=1 ;;
  *) printf 'usage: %s [--test]\n' "$0" >&2; exit 2 ;;
esac

log() { printf '[prereqs] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { log "not root and no sudo: cannot install system packages"; exit 1; }
  SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then log "apt-get update"; $SUDO apt-get update -qq; apt_updated=1; fi
  log "apt-get install $*"
  $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. .NET SDK: required, not installed here (it comes with the machine image or from Microsoft's installer).
if ! command -v dotnet >/dev/null; then
  log "the .NET 10 SDK is missing: install it from https://dot.net (see README)"; exit 1
fi

# 2. PostgreSQL server, 15 or newer.
pg_major() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }
major=$(pg_major || true)
if [ -z "$major" ] || [ ! -x "/usr/lib/postgresql/$major/bin/initdb" ]; then
  apt_install postgresql postgresql-contrib
  major=$(pg_major)
fi
if [ "$major" -lt 15 ]; then log "PostgreSQL $major found; 15 or newer is required"; exit 1; fi
log "PostgreSQL $major server: present"

# 3. pgvector for that major version.
sharedir="/usr/share/postgresql/$major/extension"
if [ -f "$sharedir/vector.control" ]; then
  log "pgvector for PostgreSQL $major: present"
elif apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1 \
     && apt_install "postgresql-$major-pgvector" 2>/dev/null; then
  log "pgvector installed from the machine's package sources"
else
  # Debian 12 does not package pgvector: build Debian's own source package from the newer release with a
  # throwaway apt configuration, so the machine's sources stay untouched.
  log "pgvector not packaged here: building Debian's source package against postgresql-server-dev-$major"
  if ! dpkg -s "postgresql-server-dev-$major" >/dev/null 2>&1 || ! command -v make >/dev/null \
     || ! command -v gcc >/dev/null || ! command -v dpkg-source >/dev/null; then
    apt_install "postgresql-server-dev-$major" build-essential dpkg-dev
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/archives/partial"
  echo "deb-src http://deb.debian.org/debian trixie main" > "$work/sources.list"
  aptopts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=-"
           -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
           -o "APT::Sandbox::User=root")
  log "fetching the pgvector source package (trixie)"
  apt-get "${aptopts[@]}" update -qq
  (cd "$work" && apt-get "${aptopts[@]}" source --download-only -qq pgvector >/dev/null)
  (cd "$work" && dpkg-source -x --no-check ./*.dsc src >/dev/null)
  log "building pgvector"
  make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" OPTFLAGS="" >/dev/null
  $SUDO make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" install >/dev/null
  log "pgvector installed for PostgreSQL $major"
fi

if [ -z "$for_tests" ]; then log "done (serving)"; exit 0; fi

# What only the tests and benchmarks use, from here on.
# 4. PgBouncer, for the tests that run the service behind it in transaction mode (not needed to run the service).
if command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ]; then
  log "pgbouncer: present"
else
  apt_install pgbouncer
fi

# 5. Repository-local .NET tools (dotnet-ef, for migrations by hand), from dotnet-tools.json.
root=$(cd "$(dirname "$0")/.." && pwd)
if ! (cd "$root" && dotnet ef --version >/dev/null 2>&1); then
  log "dotnet tool restore (dotnet-ef)"
  (cd "$root" && dotnet tool restore >/dev/null)
fi
# 6. The Python tests (clients/python, tests/prometheus): Debian's python3 packages (no PyPI on these machines).
missing=()
for pkg in python3 python3-httpx python3-pytest python3-pytest-asyncio python3-yaml; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
log "Python packages for the Python tests: present"
# 7. Prometheus: promtool for the rules' unit tests (deploy/prometheus), the server for tests/prometheus, which starts
# its own on loopback. The packaged service is stopped and disabled where systemd runs it.
if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
  apt_install prometheus
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now prometheus >/dev/null 2>&1 || true
  fi
fi
log "promtool: $(promtool --version 2>&1 | head -1)"
# 8. Node.js and the pinned OpenAPI checks (Spectral, Redocly, openapi-typescript, tsc) from tools/openapi's lock
#    file; npm ci runs again only when the lock file changed since the last install.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null; then
  apt_install nodejs npm
  node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
fi
if [ "$node_major" -lt 20 ]; then log "Node.js $node_major found; the OpenAPI checks need 20 or newer"; exit 1; fi
# 8. The SentencePiece library and its real models (tools/sentencepiece), the reference of the ONNX tokenizer's tests.
npm_ci() { # folder, what
  local stamp="$1/node_modules/.lock-sha256" lock_sum
  lock_sum=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    log "npm ci ($2)"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$lock_sum" > "$stamp"
  fi
  log "$2: present"
}
npm_ci "$root/tools/openapi" "tools/openapi: Spectral, Redocly, openapi-typescript, TypeScript"
npm_ci "$root/tools/sentencepiece" "tools/sentencepiece: SentencePiece models for the tokenizer tests"
log "done"
