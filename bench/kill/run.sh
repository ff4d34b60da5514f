#!/usr/bin/env bash
# Kill drill (issue #25; too slow for the test suite): the API (Release, Production) on a throwaway PostgreSQL cluster of
# its own, 4 writers that send an Idempotency-Key on every create (tasks, notes, message appends) and retry every
# unanswered or 503-answered request with its key until answered. Round "api": the API is killed with SIGKILL mid-load
# and started again. Round "postgres": PostgreSQL is stopped with -m immediate (a crash) and started again. Then the
# database is read: every acknowledged write stored once, every retried one exactly once with the id it was answered
# with, no 5xx but 503 with Retry-After. Prints the counts per round; exits 1 on any fault.
#
#   bash bench/kill/run.sh [--load SECONDS] [--down SECONDS]   (defaults 20 and 3: load before and after the kill, time down)
set -euo pipefail
kill_dir=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$kill_dir")
root=$(dirname "$bench")
load=20 down=3
while [ $# -gt 0 ]; do
  case "$1" in
    --load) load=$2; shift ;;
    --down) down=$2; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

source "$bench/lib.sh"
work="$bench/results/kill-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
log "writing to $work"
python=/usr/bin/python3 # Debian's, with python3-httpx
"$python" -c 'import httpx' 2>/dev/null || apt-get install -y --no-install-recommends python3-httpx >/dev/null
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_dir="$work/pg" pg_port=$(free_port) api_port=$(free_port)
api_pid="" writers_pid=""
cleanup() {
  [ -z "$writers_pid" ] || kill "$writers_pid" 2>/dev/null || true
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  [ ! -f "$pg_dir/postmaster.pid" ] || as_postgres "$pg_bin/pg_ctl" stop -D "$pg_dir" -m fast >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

log "publishing the API, Release"
dotnet publish "$root/src/Api" -c Release -o "$work/api" --nologo -v quiet --disable-build-servers >"$work/build.log" 2>&1

mkdir -p "$pg_dir" && touch "$work/postgres.log"
[ "$(id -u)" != 0 ] || chown postgres "$pg_dir" "$work/postgres.log"
as_postgres "$pg_bin/initdb" -D "$pg_dir" -U postgres -A trust >"$work/initdb.log"
start_pg() { as_postgres "$pg_bin/pg_ctl" start -w -D "$pg_dir" -l "$work/postgres.log" -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1" >/dev/null; }
start_pg
export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGDATABASE=nakamura_misaki
psql -Xq -d postgres -c "CREATE DATABASE nakamura_misaki"

BENCH_API_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export BENCH_API_KEY
start_api() {
  run_api "$work/api" "$api_port" "$work/api-$1.log" Database__MigrateOnStartup=true \
    ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=nakamura_misaki" &
  api_pid=$!
  wait_http "http://127.0.0.1:$api_port/health/ready" 180
}
start_api first

# round NAME KILL RESTART: load for $load s, KILL, $down s down, RESTART, load for $load s, stop; then check.
round() {
  local stop="$work/stop-$1"
  "$python" "$kill_dir/writers.py" write "$1" "$api_port" "$stop" "$work/$1.json" &
  writers_pid=$!
  sleep "$load"
  log "round $1: $2"
  eval "$2"
  sleep "$down"
  log "round $1: $3"
  eval "$3"
  sleep "$load"
  touch "$stop"
  wait "$writers_pid"
  writers_pid=""
  echo "round $1 (the $( [ "$1" = api ] && echo "API killed with SIGKILL" || echo "database stopped with -m immediate"), down ${down} s):"
  "$python" "$kill_dir/writers.py" check "$1" "$work/$1.json" || faults=1
}

faults=0
round api 'kill -9 "$api_pid"; wait "$api_pid" 2>/dev/null || true' 'start_api again'
round postgres 'as_postgres "$pg_bin/pg_ctl" stop -D "$pg_dir" -m immediate >/dev/null' 'start_pg'
exit "$faults"
