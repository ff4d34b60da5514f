#!/usr/bin/env bash
# The benchmark suite (not a test): the API, Release build, Production environment, on a PostgreSQL cluster of its
# own, measured with wrk against three yardsticks taken in the same run on the same rows: a raw-Npgsql endpoint
# (bench/RawTaskEndpoint, the floor: no duties), an equal-duty endpoint (bench/EqualDutyTaskEndpoint: API key,
# acting user, visibility, ETag, JSON, by hand) and pgbench. Prints tables; keeps every raw output under bench/results/<time>/.
#
#   bash bench/run.sh                  30 s per measurement after 10 s warm-up, 3 repetitions (about 10 minutes)
#   bash bench/run.sh --quick          5 s, 3 s warm-up, 1 repetition: a smoke check of the suite itself
#   bash bench/run.sh --api-ref <ref>  benchmark the API as of a git commit (e.g. a "before" figure)
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
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)

# --- build -------------------------------------------------------------------------------------------------------
api_src=$root
if [ -n "$api_ref" ]; then
  api_src="$work/api-src"
  mkdir -p "$api_src"
  git -C "$root" archive "$api_ref" | tar -x -C "$api_src"
fi
log "publishing the API ($([ -n "$api_ref" ] && echo "$api_ref" || echo "working tree")) and the raw endpoint, Release"
dotnet publish "$api_src/src/Api" -c Release -o "$work/api" --nologo -v quiet --disable-build-servers >"$work/build.log" 2>&1
dotnet publish "$bench/RawTaskEndpoint" -c Release -o "$work/raw" --nologo -v quiet --disable-build-servers >>"$work/build.log" 2>&1
dotnet publish "$bench/EqualDutyTaskEndpoint" -c Release -o "$work/duty" --nologo -v quiet --disable-build-servers >>"$work/build.log" 2>&1

# --- start: the API (which creates and starts its embedded cluster), then the raw endpoint --------------------------
pg_dir="$work/pg" pg_port=$(free_port) api_port=$(free_port) raw_port=$(free_port) duty_port=$(free_port)
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
first_id=$(head -1 "$work/ids.txt")
until curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_API_KEY" \
  -H "X-Slack-User-Id: UBENCH$(printf %03d $((16#${first_id:24} % 100)))" "http://127.0.0.1:$duty_port/api/v1/tasks/$first_id"; do
  kill -0 "$duty_pid" 2>/dev/null || { log "the equal-duty endpoint died; see $work/duty.log"; exit 1; }
  sleep 1
done
describe_machine >"$work/machine.txt"

# --- warm-up: JIT, pools, prepared statements, PostgreSQL's caches ------------------------------------------------
log "warming up (${warmup} s each)"
# The mixed workload goes first and twice as long: EF Core's write and list paths have much more code to tier up,
# and the runtime keeps compiling it in the background for a while after the load stops, which a GET measurement
# taken right after would pay for. Its writes are undone by the seed below.
{
  run_wrk mixed.lua 100 "$((2 * warmup))" "http://127.0.0.1:$api_port"
  run_wrk get_task.lua 32 "$warmup" "http://127.0.0.1:$api_port"
  run_wrk get_task.lua 32 "$warmup" "http://127.0.0.1:$raw_port"
  run_wrk get_task.lua 32 "$warmup" "http://127.0.0.1:$duty_port"
  "$pgbench" -n -M prepared -c 32 -j 2 -T "$warmup" -f "$bench/pgbench/get_task.sql"
} >"$work/warmup.txt" 2>&1

# --- GET by id: the API and both yardsticks, interleaved per repetition so background noise hits all three -------
seed
for rep in $(seq 1 "$reps"); do
  log "GET by id, repetition $rep/$reps (${duration} s each: API, equal-duty endpoint, raw endpoint, pgbench)"
  measure get api "$rep" run_wrk get_task.lua 32 "$duration" "http://127.0.0.1:$api_port"
  measure get duty "$rep" run_wrk get_task.lua 32 "$duration" "http://127.0.0.1:$duty_port"
  measure get raw "$rep" run_wrk get_task.lua 32 "$duration" "http://127.0.0.1:$raw_port"
  measure get pgbench "$rep" run_pgbench "$rep"
done

# --- mixed workload, from the same seeded rows each time ---------------------------------------------------------
status_counts >"$work/statuses-before-mixed.txt"
for rep in $(seq 1 "$reps"); do
  log "mixed workload, repetition $rep/$reps (${duration} s, then 10 s idle)"
  seed
  start_sampling "$work/mixed-r$rep"
  measure mixed api "$rep" run_wrk mixed.lua 100 "$duration" "http://127.0.0.1:$api_port"
  stop_sampling
  sleep 10
  add_mixed_extras "$work/mixed-r$rep"
done

status_counts >"$work/statuses-after-mixed.txt"
echo "- Non-2xx answers of the mixed runs, as the API counted them: $(non_2xx_between \
  "$work/statuses-before-mixed.txt" "$work/statuses-after-mixed.txt")" >>"$work/machine.txt"

python3 "$bench/summarize.py" "$work/results.jsonl" "$work/machine.txt" | tee "$work/summary.md"
