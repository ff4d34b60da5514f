# Functions for bench/run.sh (sourced; uses its variables: bench, root, work, api_pid, raw_pid, postmaster_pid, …).

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# run_in DIR COMMAND…: runs the command in DIR, as the same process (exec), so $! is its pid. A .NET app reads
# appsettings.json from its working directory.
run_in() { cd "$1" && shift && exec "$@"; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits for a 200 from $1 for at most $2 seconds; gives up early if the API died.
wait_http() {
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if [ "$SECONDS" -ge "$deadline" ] || ! kill -0 "$api_pid" 2>/dev/null; then
      log "no answer from $1; see $work/api.log and $work/raw.log"
      tail -20 "$work/api.log" >&2
      exit 1
    fi
    sleep 1
  done
}

# start_api [VAR=value…]: starts the API published in $work/api, in Production, on an embedded cluster of its own
# ($pg_dir, $pg_port), listening on $api_port; waits until it is ready and points psql at its database. Production
# requires an API key (hashed in configuration); the wrk scripts send BENCH_API_KEY. The per-key rate limit is raised
# out of the way: this measures the service, not its limiter. Arguments add to the API's environment.
start_api() {
  BENCH_API_KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  export BENCH_API_KEY
  run_api "$work/api" "$api_port" "$work/api.log" \
    Database__Embedded__DataDirectory="$pg_dir" Database__Embedded__Port="$pg_port" "$@" &
  api_pid=$!
  wait_http "http://127.0.0.1:$api_port/health/ready" 180
  export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGDATABASE=nakamura_misaki
  PGPASSWORD=$(cat "$pg_dir/superuser.password")
  export PGPASSWORD
}

# start_ref_api: starts the API of --api-ref (published in $work/api-ref) on $ref_port, on the cluster start_api
# started and migrated (the working tree's schema), with the same key and limits; its connections are named
# NakamuraMisakiRef in pg_stat_activity. Waits until it serves a seeded task.
start_ref_api() {
  run_api "$work/api-ref" "$ref_port" "$work/api-ref.log" \
    ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$PGPASSWORD;Database=nakamura_misaki;Application Name=NakamuraMisakiRef" &
  ref_pid=$!
  wait_for_task "$ref_port" "$ref_pid" "the API of $api_ref" "$work/api-ref.log"
}

# wait_for_task PORT PID NAME LOG: waits until the server on PORT answers the first seeded task ($work/ids.txt) as its
# owner, with the bench key; gives up when the process PID has died.
wait_for_task() {
  local id
  id=$(head -1 "$work/ids.txt")
  until curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_API_KEY" \
    -H "X-Slack-User-Id: UBENCH$(printf %03d $((16#${id:24} % 100)))" "http://127.0.0.1:$1/api/v1/tasks/$id"; do
    kill -0 "$2" 2>/dev/null || { log "$3 died; see $4"; exit 1; }
    sleep 1
  done
}

# run_api DIR PORT LOG [VAR=value…]: runs the API published in DIR as this (sub)shell's process; callers add & so $!
# is the API's pid.
run_api() {
  local dir=$1 port=$2
  exec >"$3" 2>&1
  shift 3
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Auth__ApiKeys__0__Client=bench \
    Auth__ApiKeys__0__Sha256="$(printf %s "$BENCH_API_KEY" | sha256sum | cut -d' ' -f1)" \
    RateLimiting__PermitsPerSecond=100000000 RateLimiting__Burst=100000000
  [ $# -eq 0 ] || export "$@"
  run_in "$dir" dotnet NakamuraMisaki.Api.dll
}

# Truncates tasks and inserts the 10 000 seeded rows again (bench/seed.sql).
seed() { psql -Xq -v ON_ERROR_STOP=1 -f "$bench/seed.sql" >/dev/null; }

describe_machine() {
  local api_commit
  api_commit=$(git -C "$root" rev-parse --short HEAD)
  git -C "$root" diff --quiet HEAD -- src || api_commit+=" + uncommitted changes"
  echo "# NakamuraMisaki benchmark, $(date -u +%Y-%m-%dT%H:%MZ)${label:+ ($label)}"
  echo
  echo "- API: working tree ($api_commit), Release, Production environment, default settings"
  [ -z "${api_ref:-}" ] || echo "- API before (\"API as of\" rows): $api_ref ($(git -C "$root" rev-parse --short "$api_ref")), on the" \
    "same cluster and rows, measured in the same repetitions"
  echo "- Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- PostgreSQL $(psql -XAtc 'SHOW server_version') (the API's embedded cluster, fsync on);" \
    ".NET $(dotnet --list-runtimes | awk '/AspNetCore/ {v = $2} END {print v}'); wrk $(wrk -v 2>&1 | awk 'NR == 1 {print $2}')"
  echo "- Each measurement ${duration} s after a ${warmup} s warm-up, ${reps} repetition(s); wrk 2 threads; pgbench -j 2"
  echo "- Load average when the measurements started: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- \"others' CPU\": share of all cores used by processes outside the benchmark during a measurement" \
    "(other people's builds on this shared machine); the higher, the lower the figure."
}

# run_wrk SCRIPT CONNECTIONS SECONDS URL: prints wrk's output, whose last line is "BENCH {json}" (wrk/report.lua).
run_wrk() {
  (cd "$bench/wrk" && BENCH_IDS="$work/ids.txt" BENCH_LUA_DIR="$bench/wrk" \
    wrk -t2 -c"$2" -d"$3s" --timeout 5s -s "$1" "$4")
}

# run_pgbench REP: the prepared SELECT by id, 32 clients, with per-transaction latency logs for percentiles.
run_pgbench() {
  rm -f "$work/pgbench-r$1".*
  "$pgbench" -n -M prepared -c 32 -j 2 -T "$duration" -f "$bench/pgbench/get_task.sql" \
    -l --log-prefix "$work/pgbench-r$1"
}

# The shell's tree holds the API, the raw endpoint and the samplers; PostgreSQL daemonizes, so it is named apart.
cpu_snapshot() {
  python3 "$bench/cpu_share.py" snapshot shell="$$" api="$api_pid" raw="$raw_pid" duty="${duty_pid:-$raw_pid}" \
    ref="${ref_pid:-$api_pid}" postgres="$postmaster_pid"
}

# allocated_bytes TARGET: the runtime's count of bytes allocated so far by the target's process (GC.GetTotalAllocatedBytes:
# the API serves it in /metrics, the yardsticks at /bench/allocated-bytes); empty for pgbench, which has no .NET server.
allocated_bytes() {
  case "$1" in
    api|ref) { curl -sf "http://127.0.0.1:$(port_of "$1")/metrics" || true; } |
      awk '/^dotnet_gc_heap_total_allocated_bytes_total/ {printf "%.0f", $2}' ;;
    raw|duty) curl -sf "http://127.0.0.1:$(port_of "$1")/bench/allocated-bytes" || true ;;
  esac
}

port_of() {
  case "$1" in api) echo "$api_port" ;; ref) echo "$ref_port" ;; raw) echo "$raw_port" ;; duty) echo "$duty_port" ;; esac
}

# measure PHASE TARGET REP COMMAND…: runs the command and writes one result line to $work/PHASE-TARGET-rREP.json
# (and to results.jsonl, except for the mixed phase, which add_mixed_extras completes first).
measure() {
  local phase=$1 target=$2 rep=$3 load before after result cpu bytes_before bytes_after
  shift 3
  local out="$work/$phase-$target-r$rep"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  bytes_before=$(allocated_bytes "$target")
  before=$(cpu_snapshot)
  local started=$EPOCHREALTIME elapsed
  "$@" >"$out.txt" 2>&1
  elapsed=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}')
  after=$(cpu_snapshot)
  bytes_after=$(allocated_bytes "$target")
  cpu=$(python3 "$bench/cpu_share.py" report <(echo "$before") <(echo "$after") "$elapsed")
  if [ "$target" = pgbench ]; then
    result=$(python3 "$bench/pgbench_result.py" "$out.txt" "$work/pgbench-r$rep")
  else
    result=$(grep '^BENCH ' "$out.txt" | cut -c7-) || { log "no result in $out.txt"; cat "$out.txt" >&2; exit 1; }
  fi
  printf '{"phase":"%s","target":"%s","rep":%d,"load":"%s","cpu":%s,"allocated_bytes":%s,"result":%s}\n' \
    "$phase" "$target" "$rep" "$load" "$cpu" \
    "$([ -n "$bytes_before" ] && [ -n "$bytes_after" ] && echo $((bytes_after - bytes_before)) || echo null)" \
    "$result" >"$out.json"
  [ "$phase" = mixed ] || cat "$out.json" >>"$work/results.jsonl"
}

# start_sampling PREFIX TARGET: every 0.5 s during a mixed run, the target API's connections in pg_stat_activity (one
# psql session, so the sampling itself opens no connections), its resident memory, and from its /metrics the
# requests waiting for a pooled connection and the thread pool's queue; /metrics is kept before and after the run
# (GC collections and pause time, lock contentions), so the report can say what bounded the p99.
start_sampling() {
  stop_file="$1.stop" sampled_metrics="$1.metrics-after" sampled_port=$(port_of "$2")
  rm -f "$stop_file"
  curl -sf "http://127.0.0.1:$sampled_port/metrics" >"$1.metrics-before" || true
  local pid=$api_pid application=NakamuraMisaki
  [ "$2" = api ] || pid=$ref_pid application=NakamuraMisakiRef
  (while [ ! -e "$stop_file" ]; do
    echo "SELECT count(*), count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE state = 'idle')
          FROM pg_stat_activity WHERE application_name = '$application';"
    awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" >>"$1.rss"
    { curl -sf "http://127.0.0.1:$sampled_port/metrics" || true; } | awk '
      /^db_client_connection_npgsql_pending_requests/ {pending += $NF}
      /^dotnet_thread_pool_queue_length/ {queue += $NF}
      END {print pending + 0, queue + 0}' >>"$1.waits"
    sleep 0.5
  done) | psql -XAt -F, >"$1.conns" 2>&1 &
  sampler_pid=$!
}

stop_sampling() {
  touch "$stop_file"
  wait "$sampler_pid"
  sampler_pid=""
  curl -sf "http://127.0.0.1:$sampled_port/metrics" >"$sampled_metrics" || true
}

# add_mixed_extras PREFIX TARGET: adds peak connections, RSS, pool and thread-pool waits, GC and lock figures and the
# idle connections now (10 s after the run) to the target's mixed result ($work/mixed-TARGET-rREP: the PREFIX of
# measure and start_sampling), then records it.
add_mixed_extras() {
  local idle application=NakamuraMisaki
  [ "$2" = api ] || application=NakamuraMisakiRef
  idle=$(psql -XAtc "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$application' AND state = 'idle'")
  python3 - "$1" "$idle" >>"$work/results.jsonl" <<'EOF'
import json, re, statistics, sys
prefix, idle = sys.argv[1], int(sys.argv[2])
with open(prefix + ".json") as f:
    measurement = json.load(f)
with open(prefix + ".conns") as f:
    peak = max(int(line.split(",")[0]) for line in f if line[0].isdigit())
with open(prefix + ".rss") as f:
    rss_mb = [int(line) / 1024 for line in f if line.strip()]
with open(prefix + ".waits") as f:
    waits = [[float(x) for x in line.split()] for line in f if line.strip()] or [[0, 0]]


def counters(path):
    """name{labels} -> value for the counters of the runtime the report uses."""
    try:
        text = open(path).read()
    except OSError:
        return {}
    return {m.group(1): float(m.group(2)) for m in re.finditer(
        r"^((?:dotnet_gc_collections_total|dotnet_gc_pause_time_seconds_total|dotnet_monitor_lock_contentions_total)"
        r"(?:\{[^}]*\})?) (\S+)", text, re.M)}


before, after = counters(prefix + ".metrics-before"), counters(prefix + ".metrics-after")
delta = lambda prefix_: sum(v - before.get(k, 0) for k, v in after.items() if k.startswith(prefix_))
gen = lambda g: sum(v - before.get(k, 0) for k, v in after.items()
                    if k.startswith("dotnet_gc_collections_total") and f'gc_heap_generation="{g}"' in k)
measurement["extra"] = {"peak_db_connections": peak, "idle_db_connections_after": idle,
                        "rss_peak_mb": max(rss_mb), "rss_median_mb": statistics.median(rss_mb),
                        "pool_waiters_peak": max(w[0] for w in waits), "pool_waiters_mean": statistics.fmean(w[0] for w in waits),
                        "thread_pool_queue_peak": max(w[1] for w in waits),
                        "gc_pause_ms": 1000 * delta("dotnet_gc_pause_time_seconds_total"),
                        "gc_collections": f"{gen('gen0'):.0f}/{gen('gen1'):.0f}/{gen('gen2'):.0f}",
                        "lock_contentions": delta("dotnet_monitor_lock_contentions_total")}
print(json.dumps(measurement))
EOF
}

# Stops what run.sh started. The API stops its own PostgreSQL when it exits; if it died first, the cluster is
# stopped here. The cluster's data is deleted, its log kept.
cleanup() {
  [ -n "${sampler_pid:-}" ] && touch "$stop_file"
  [ -n "${raw_pid:-}" ] && kill "$raw_pid" 2>/dev/null
  [ -n "${duty_pid:-}" ] && kill "$duty_pid" 2>/dev/null
  [ -n "${ref_pid:-}" ] && kill "$ref_pid" 2>/dev/null
  if [ -n "${api_pid:-}" ]; then
    kill "$api_pid" 2>/dev/null
    wait "$api_pid" 2>/dev/null || true
  fi
  if [ -n "${pg_dir:-}" ] && [ -f "$pg_dir/pgdata/postmaster.pid" ]; then
    local pg_ctl
    pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$pg_ctl" stop -D "$pg_dir/pgdata" -m fast >/dev/null 2>&1 || true
    else
      "$pg_ctl" stop -D "$pg_dir/pgdata" -m fast >/dev/null 2>&1 || true
    fi
  fi
  [ -n "${pg_dir:-}" ] && [ -f "$pg_dir/postgres.log" ] && cp "$pg_dir/postgres.log" "$work/postgres.log"
  rm -rf "${pg_dir:-/nonexistent}" "$work/api-src"
}

# status_counts [PORT]: the API's own count of answers by route and status (from /metrics): "route status count"
# lines. Diffed around the mixed runs, it names what wrk only counts as "non-2xx".
status_counts() {
  curl -sf "http://127.0.0.1:${1:-$api_port}/metrics" | python3 -c '
import re, sys
for line in sys.stdin:
    if line.startswith("http_server_request_duration_seconds_count{"):
        labels = dict(re.findall(r"(\w+)=\"([^\"]*)\"", line))
        print(labels.get("http_request_method", "?") + " " + labels.get("http_route", "?"),
              labels.get("http_response_status_code", "?"), line.rsplit(" ", 1)[1].strip())'
}

# non_2xx_between BEFORE AFTER: the answers outside 2xx that were counted between the two snapshots, except 499 (the
# client went away: wrk closing its connections when a run ends). A request cut off in the middle of its body by that
# close is a 400 here, so a few POST/PATCH 400s that wrk did not count are those.
non_2xx_between() {
  python3 - "$1" "$2" <<'PY'
import sys
def read(path):
    counts = {}
    for line in open(path):
        *key, count = line.rsplit(" ", 1)
        counts[key[0]] = float(count)
    return counts
before, after = read(sys.argv[1]), read(sys.argv[2])
lines = [f"{int(n - before.get(k, 0))} × {k}" for k, n in sorted(after.items())
         if not k.split()[-1].startswith("2") and k.split()[-1] != "499" and n > before.get(k, 0)]
print("; ".join(lines) if lines else "none")
PY
}
