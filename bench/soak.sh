#!/usr/bin/env bash
# The soak run (not a test): the API, Release, Production, on a PostgreSQL cluster of its own, under a steady moderate
# load for N minutes: the mixed task traffic plus hand-offs (sent as reminders to a local Slack stand-in every 10 s),
# note saves and note searches (bench/wrk/soak.lua). Every 10 s it samples the API's RSS, GC heap (its own /metrics,
# System.Runtime meter), threads, open fds, DB connections used/idle (pg_stat_activity) and the window's p99 (wrk
# runs in back-to-back 10-s windows) and the rows the load has added (tasks, hand-offs, notes). Prints first-5-minute vs
# last-5-minute values and slopes per hour after the warm-up, and exits 1 when RSS or GC heap grows more than 10 %/h
# after the warm-up, DB connections exceed the pool, or any 5xx occurred.
#
# Growth that follows the data (more rows to sort, bigger indexes) is told from growth that does not (a leak, a cache,
# the GC's choices) by putting the data back halfway through: at the middle of the run the rows the load added are
# removed and the seeded tasks restored (bench/seed.sql, which also vacuums). Whatever follows the data falls back at
# that point and climbs again; whatever does not carries on. The report prints each half's slope and the step at the
# reset beside the whole run's slope (--no-reset: one unbroken run, for comparison).
#
#   bash bench/soak.sh [--minutes N] [--connections C] [--delay-ms D] [--no-reset]
#                                                        defaults: 30 minutes, 10 connections, 50 ms
# Each connection pauses D ms between requests (wrk's delay hook; wrk2 is not packaged here), so the rate stays near
# C × 1000 / (D + latency) requests/s instead of flat out.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
minutes=30 connections=10 delay_ms=50 label=soak reset=yes
api_ref="" duration=0 warmup=0 reps=0  # read by describe_machine (lib.sh), whose first lines are printed
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift ;;
    --connections) connections=$2; shift ;;
    --delay-ms) delay_ms=$2; shift ;;
    --no-reset) reset=no ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

source "$bench/lib.sh"
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR
work="$bench/results/$(date +%Y%m%d-%H%M%S)-$label"
mkdir -p "$work"
log "writing to $work"
bash "$root/scripts/prereqs.sh" --test >/dev/null
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
sys_python=/usr/bin/python3

log "publishing the API (working tree), Release"
dotnet publish "$root/src/Api" -c Release -o "$work/api" --nologo -v quiet --disable-build-servers >"$work/build.log" 2>&1

pg_dir="$work/pg" pg_port=$(free_port) api_port=$(free_port) slack_port=$(free_port)
pool=${Database__MaxPoolSize:-100}
slack_pid=""
stop_slack() { [ -n "$slack_pid" ] && kill "$slack_pid" 2>/dev/null; cleanup; }
trap stop_slack EXIT
"$sys_python" "$bench/soak/slack_standin.py" "$slack_port" &
slack_pid=$!

# Reminders every 10 s with a bot token pointed at the stand-in; everything else at its defaults.
start_api Slack__BotToken=xoxb-soak Slack__BaseAddress="http://127.0.0.1:$slack_port/api/" Reminders__Interval=00:00:10
seed
psql -XAtc "SELECT id FROM tasks ORDER BY id" >"$work/ids.txt"
status_counts >"$work/statuses-before.txt"
{
  describe_machine | sed -n '1,4p'
  echo "- Soak: $minutes min, wrk $connections connections with a ${delay_ms} ms pause per request, 10-s windows;" \
    "reminders every 10 s to a local Slack stand-in; DB pool $pool"
  echo "- Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
} >"$work/machine.txt"
cat "$work/machine.txt"

echo "time,rss_mb,heap_mb,threads,fds,db_used,db_idle,p99_ms,requests,errors,rows" >"$work/samples.csv"
start=$SECONDS end=$((SECONDS + minutes * 60)) reset_at=""
while [ "$SECONDS" -lt "$end" ]; do
  if [ "$reset" = yes ] && [ -z "$reset_at" ] && [ $((SECONDS - start)) -ge $((minutes * 30)) ]; then
    reset_at=$(date +%s)
    log "halfway: removing the rows the load added and restoring the seeded tasks"
    psql -Xq -v ON_ERROR_STOP=1 -c "DELETE FROM notes; DELETE FROM handoffs;" && seed
  fi
  BENCH_DELAY_MS=$delay_ms run_wrk soak.lua "$connections" 10 "http://127.0.0.1:$api_port" >"$work/window.txt" 2>&1 || true
  # psql's own connection is named psql, so it is not counted. Rows: what the load's creates add.
  conns=$(psql -XAt -F, -c "SELECT count(*) FILTER (WHERE state <> 'idle'), count(*) FILTER (WHERE state = 'idle'),
          (SELECT count(*) FROM tasks) + (SELECT count(*) FROM handoffs) + (SELECT count(*) FROM notes)
        FROM pg_stat_activity WHERE application_name = 'NakamuraMisaki'")
  "$sys_python" "$bench/soak/sample.py" "$api_pid" "http://127.0.0.1:$api_port/metrics" "$work/window.txt" \
    "$conns" >>"$work/samples.csv"
  tail -1 "$work/samples.csv" | sed 's/^/sample: /' >&2
done

status_counts >"$work/statuses-after.txt"
five_xx=$("$sys_python" - "$work/statuses-before.txt" "$work/statuses-after.txt" <<'PY'
import sys
def read(path):
    return {k: float(n) for k, n in (line.rsplit(" ", 1) for line in open(path))}
before, after = read(sys.argv[1]), read(sys.argv[2])
print(int(sum(n - before.get(k, 0) for k, n in after.items() if k.split()[-1].startswith("5"))))
PY
)
reminders=$(curl -sf "http://127.0.0.1:$slack_port/count")
{
  echo "- Reminders delivered to the Slack stand-in: $reminders; non-2xx answers counted by the API:" \
    "$(non_2xx_between "$work/statuses-before.txt" "$work/statuses-after.txt")"
  echo "- Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} >>"$work/machine.txt"
tail -3 "$work/machine.txt"
warmup=$(( minutes >= 15 ? 300 : minutes * 20 ))  # 5 minutes, or a third of a short run
# The verdict is the report's exit status; it is not a failure of this script, so it is not left to set -e.
verdict=0
"$sys_python" "$bench/soak/report.py" "$work/samples.csv" "$pool" "$five_xx" "$warmup" "$reset_at" \
  >"$work/summary.md" || verdict=$?
cat "$work/summary.md"
log "summary in $work/summary.md"
exit "$verdict"
