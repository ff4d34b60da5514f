#!/usr/bin/env bash
# Read throughput of task lists and searches, with and without a streaming replica serving them, in the same run:
# a primary and a pg_basebackup standby on loopback, 10 000 seeded tasks, one API on the primary only and one with
# ConnectionStrings__ReadOnly on the standby, each measured with wrk for the same duration. Prints the figures.
# On one machine both servers share its cores, so this measures the routing's cost, not a second machine's capacity.
# Usage: bash bench/replica/run.sh [seconds per measurement, default 15]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-15}
log() { printf '[replica-bench %s] %s\n' "$(date -u +%T)" "$*" >&2; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
api_dll="$root/src/Api/bin/Release/net10.0/NakamuraMisaki.Api.dll"
[ -f "$api_dll" ] || (cd "$root" && nice dotnet build src/Api -c Release >/dev/null)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/nakamura-replica-bench-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for node in primary standby; do
    [ -f "$work/$node/data/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" stop -D "$work/$node/data" -m immediate >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir -p "$work/primary" "$work/standby"
printf %s "$password" >"$work/password"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work"
primary_port=$(free_port); standby_port=$(free_port)
start_pg() { as_pg "$pgbin/pg_ctl" start -D "$work/$1/data" -l "$work/$1.log" -w -t 60 \
  -o "-p $2 -c listen_addresses=127.0.0.1 -k $work/$1 -c max_connections=300" >/dev/null; }
log "primary on :$primary_port, standby on :$standby_port"
as_pg "$pgbin/initdb" -D "$work/primary/data" -U postgres --pwfile="$work/password" --auth=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >/dev/null
start_pg primary "$primary_port"
export PGPASSWORD=$password PGHOST=127.0.0.1 PGUSER=postgres
psql -Xq -p "$primary_port" -d postgres -c "CREATE DATABASE nakamura_misaki"
as_pg "$pgbin/pg_basebackup" -D "$work/standby/data" -R -X stream -c fast \
  -d "host=127.0.0.1 port=$primary_port user=postgres password=$password"
start_pg standby "$standby_port"

BENCH_API_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export BENCH_API_KEY
connection() { echo "Host=127.0.0.1;Port=$1;Database=nakamura_misaki;Username=postgres;Password=$password"; }
start_api() { # port [VAR=value…]
  local port=$1; shift
  (
    export "$@" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ConnectionStrings__Default="$(connection "$primary_port")" Database__MigrateOnStartup=true \
      Auth__ApiKeys__0__Client=bench Auth__ApiKeys__0__Sha256="$(printf %s "$BENCH_API_KEY" | sha256sum | cut -d' ' -f1)" \
      RateLimiting__PermitsPerSecond=100000000 RateLimiting__Burst=100000000 Logging__LogLevel__Default=Warning
    cd "$(dirname "$api_dll")" && exec dotnet "$api_dll"
  ) >"$work/api-$port.log" 2>&1 &
  pids+=($!)
  local deadline=$((SECONDS + 180))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    [ $SECONDS -lt $deadline ] || { log "API on :$port not ready"; tail -20 "$work/api-$port.log" >&2; exit 1; }
    sleep 1
  done
}
primary_only=$(free_port); with_replica=$(free_port)
start_api "$primary_only" Database__HostRecheckSeconds=2
log "seeding 10 000 tasks"
psql -Xq -p "$primary_port" -d nakamura_misaki -v ON_ERROR_STOP=1 -f "$root/bench/seed.sql" >/dev/null
start_api "$with_replica" ConnectionStrings__ReadOnly="$(connection "$standby_port")"
until [ "$(psql -XAt -p "$primary_port" -d postgres -c \
  "SELECT count(*) FROM pg_stat_replication WHERE replay_lsn = pg_current_wal_lsn()")" = 1 ]; do sleep 0.5; done

measure() { # label port
  wrk -t2 -c16 -d3s -s "$root/bench/replica/reads.lua" "http://127.0.0.1:$2" >/dev/null 2>&1 # warm-up (JIT, pools)
  local out
  out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$root/bench/replica/reads.lua" "http://127.0.0.1:$2" 2>&1)
  printf '| %s | %s | %s | %s |\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
  grep -q '^status' <<<"$out" && log "non-200 answers: $(grep -c '^status' <<<"$out")" || true
}
echo "# Task lists + searches, wrk -t2 -c16 -d${seconds}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| reads served by | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
measure "primary (no ConnectionStrings__ReadOnly)" "$primary_only"
measure "standby (ConnectionStrings__ReadOnly)" "$with_replica"
measure "primary again (order effects)" "$primary_only"
