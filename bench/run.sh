#!/usr/bin/env bash
# The benchmark suite (not a test): the API, Release build, Production environment, on a PostgreSQL cluster of its
# own, measured with wrk against three yardsticks taken in the same run on the same rows: a raw-Npgsql endpoint
# (bench/RawTaskEndpoint, the floor: no duties), an equal-duty endpoint (bench/EqualDutyTaskEndpoint: API key,
# acting user, visibility, ETag, JSON, by hand) and pgbench. Prints tables (CPU µs and bytes allocated per request
# beside every rate) and closing lines saying which targets are met, and draws them (chart.png, gnuplot); keeps every
# raw output under bench/results/<time>/.
#
#   bash bench/run.sh                  30 s per measurement after 10 s warm-up, 3 repetitions (about 10 minutes)
#   bash bench/run.sh --quick          5 s, 3 s warm-up, 1 repetition: a smoke check of the suite itself
#   bash bench/run.sh --api-ref <ref>  also the API as of a git commit: "before" and "after" from one run (both APIs on
#                                      the same cluster and rows, interleaved with the yardsticks in every repetition)
#   options: --reps N --duration S --warmup S --label TEXT
# Environment variables reach both servers: Database__MaxPoolSize=20 changes the API's pool, DOTNET_gcServer=0 the
# runtime of both (so a runtime setting never favours one side).
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
duration=30 warmup=10 reps=3 api_ref="" label=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) duration=5 warmup=3 reps=1 ;;
    --reps) reps=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --api-ref) api_ref=$2; shift ;;
    --label) label=$2; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

source "$bench/lib.sh"
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR
work="$bench/results/$(date +%Y%m%d-%H%M%S)${label:+-$label}"
mkdir -p "$work"
log "writing to $work"

bash "$root/scripts/prereqs.sh" --test >/dev/null
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
command -v gnuplot >/dev/null || apt-get install -y --no-install-recommends gnuplot-nox >/dev/null # the chart
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)

# --- build -------------------------------------------------------------------------------------------------------
log "publishing the API (working tree${api_ref:+ and $api_ref}) and the yardsticks, Release"
dotnet publish "$root/src/Api" -c Release -o "$work/api" --nologo -v quiet --disable-build-servers >"$work/build.log" 2>&1
if [ -n "$api_ref" ]; then
  mkdir -p "$work/api-src"
  git -C "$root" archive "$api_ref" | tar -x -C "$work/api-src"
  dotnet publish "$work/api-src/src/Api" -c Release -o "$work/api-ref" --nologo -v quiet --disable-build-servers >>"$work/build.log" 2>&1
fi
dotnet publish "$bench/RawTaskEndpoint" -c Release -o "$work/raw" --nologo -v quiet --disable-build-servers >>"$work/build.log" 2>&1
dotnet publish "$bench/EqualDutyTaskEndpoint" -c Release -o "$work/duty" --nologo -v quiet --disable-build-servers >>"$work/build.log" 2>&1

# --- start: the API (which creates and starts its embedded cluster), then the yardsticks and the API before ---------
pg_dir="$work/pg" pg_port=$(free_port) api_port=$(free_port) raw_port=$(free_port) duty_port=$(free_port) ref_port=$(free_port)
apis=(api)
[ -z "$api_ref" ] || apis+=(ref)
trap cleanup EXIT
start_api
postmaster_pid=$(head -1 "$pg_dir/pgdata/postmaster.pid")

# The same Npgsql settings as the product's defaults (Database__* in README), so the comparison is of code paths.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$raw_port" \
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$PGPASSWORD;Database=nakamura_misaki;Maximum Pool Size=100;Minimum Pool Size=10;Max Auto Prepare=64;Auto Prepare Min Usages=2;Enlist=false;No Reset On Close=true;Application Name=RawTaskEndpoint" \
  run_in "$work/raw" dotnet RawTaskEndpoint.dll >"$work/raw.log" 2>&1 &
raw_pid=$!
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$duty_port" \
  ApiKeySha256="$(printf %s "$BENCH_API_KEY" | sha256sum | cut -d' ' -f1)" \
  ConnectionStrings__Default="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$PGPASSWORD;Database=nakamura_misaki;Maximum Pool Size=100;Minimum Pool Size=10;Max Auto Prepare=64;Auto Prepare Min Usages=2;Enlist=false;No Reset On Close=true;Application Name=EqualDutyTaskEndpoint" \
  run_in "$work/duty" dotnet EqualDutyTaskEndpoint.dll >"$work/duty.log" 2>&1 &
duty_pid=$!

seed
psql -XAtc "SELECT id FROM tasks ORDER BY id" >"$work/ids.txt"
wait_http "http://127.0.0.1:$raw_port/api/v1/tasks/$(head -1 "$work/ids.txt")" 60
wait_for_task "$duty_port" "$duty_pid" "the equal-duty endpoint" "$work/duty.log"
[ -z "$api_ref" ] || start_ref_api
describe_machine >"$work/machine.txt"

# --- warm-up: JIT, pools, prepared statements, PostgreSQL's caches ------------------------------------------------
log "warming up (${warmup} s each)"
# The mixed workload goes first and twice as long: EF Core's write and list paths have much more code to tier up,
# and the runtime keeps compiling it in the background for a while after the load stops, which a GET measurement
# taken right after would pay for. Its writes are undone by the seed below.
{
  for target in "${apis[@]}"; do
    run_wrk mixed.lua 100 "$((2 * warmup))" "http://127.0.0.1:$(port_of "$target")"
    run_wrk get_task.lua 32 "$warmup" "http://127.0.0.1:$(port_of "$target")"
  done
  run_wrk get_task.lua 32 "$warmup" "http://127.0.0.1:$raw_port"
  run_wrk get_task.lua 32 "$warmup" "http://127.0.0.1:$duty_port"
  "$pgbench" -n -M prepared -c 32 -j 2 -T "$warmup" -f "$bench/pgbench/get_task.sql"
} >"$work/warmup.txt" 2>&1

# --- GET by id: the API(s) and the yardsticks, interleaved per repetition so background noise hits them all --------
seed
for rep in $(seq 1 "$reps"); do
  log "GET by id, repetition $rep/$reps (${duration} s each: ${apis[*]}, equal-duty endpoint, raw endpoint, pgbench)"
  for target in "${apis[@]}"; do
    measure get "$target" "$rep" run_wrk get_task.lua 32 "$duration" "http://127.0.0.1:$(port_of "$target")"
  done
  measure get duty "$rep" run_wrk get_task.lua 32 "$duration" "http://127.0.0.1:$duty_port"
  measure get raw "$rep" run_wrk get_task.lua 32 "$duration" "http://127.0.0.1:$raw_port"
  measure get pgbench "$rep" run_pgbench "$rep"
done

# --- mixed workload, from the same seeded rows each time ---------------------------------------------------------
for target in "${apis[@]}"; do status_counts "$(port_of "$target")" >"$work/statuses-before-mixed-$target.txt"; done
for rep in $(seq 1 "$reps"); do
  for target in "${apis[@]}"; do
    log "mixed workload on $target, repetition $rep/$reps (${duration} s, then 10 s idle)"
    seed
    start_sampling "$work/mixed-$target-r$rep" "$target"
    measure mixed "$target" "$rep" run_wrk mixed.lua 100 "$duration" "http://127.0.0.1:$(port_of "$target")"
    stop_sampling
    sleep 10
    add_mixed_extras "$work/mixed-$target-r$rep" "$target"
  done
done

for target in "${apis[@]}"; do
  status_counts "$(port_of "$target")" >"$work/statuses-after-mixed-$target.txt"
  echo "- Non-2xx answers of the mixed runs on $target, as that API counted them: $(non_2xx_between \
    "$work/statuses-before-mixed-$target.txt" "$work/statuses-after-mixed-$target.txt")" >>"$work/machine.txt"
done

python3 "$bench/summarize.py" "$work/results.jsonl" "$work/machine.txt" "$api_ref" | tee "$work/summary.md"
# The chart of this run, and a copy as the latest one (the README shows bench/latest-chart.png: commit it from a
# quiet full run only).
python3 "$bench/chart.py" "$work/results.jsonl" "$work/machine.txt" "$work/chart.png"
cp "$work/chart.png" "$bench/latest-chart.png"
log "chart: $work/chart.png (copied to bench/latest-chart.png)"
