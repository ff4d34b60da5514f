#!/usr/bin/env bash
# Where the API's CPU goes on the hot path (not a test, not a benchmark's figure): runs the API as bench/run.sh does
# (Release, Production, its own embedded cluster, 10 000 seeded tasks), loads it with wrk, samples its CPU with
# `perf record` and prints µs of CPU per request by layer (bench/profile/layers.py), plus bytes allocated per request
# and, from a second loaded window sampled over EventPipe (bench/AllocationTypes), which types those bytes are.
#
#   bash bench/profile.sh              GET a task by id, 32 connections
#   bash bench/profile.sh mixed        the mixed workload, 100 connections
#   options: --seconds S (sampled, default 20) --warmup S (default 30)
# Keeps perf.data in bench/results/<time>-profile-<workload>/ for `perf report -i … --no-children --sort sym`.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
workload=get seconds=20 warmup=30
while [ $# -gt 0 ]; do
  case "$1" in
    get|mixed) workload=$1 ;;
    --seconds) seconds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

source "$bench/lib.sh"
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR
work="$bench/results/$(date +%Y%m%d-%H%M%S)-profile-$workload"
mkdir -p "$work"
bash "$root/scripts/prereqs.sh" --test >/dev/null
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
command -v wrk >/dev/null || as_root apt-get install -y wrk >/dev/null
command -v perf >/dev/null || as_root apt-get install -y linux-perf >/dev/null
if [ "$(cat /proc/sys/kernel/perf_event_paranoid)" -gt 1 ] && [ "$(id -u)" != 0 ]; then
  log "perf needs root or kernel.perf_event_paranoid <= 1 to sample another process"; exit 1
fi

log "publishing the API (working tree) and the allocation sampler, Release, to $work"
dotnet publish "$root/src/Api" -c Release -o "$work/api" --nologo -v quiet --disable-build-servers >"$work/build.log" 2>&1
dotnet publish "$bench/AllocationTypes" -c Release -o "$work/allocations" --nologo -v quiet --disable-build-servers \
  >>"$work/build.log" 2>&1

pg_dir="$work/pg" pg_port=$(free_port) api_port=$(free_port)
trap cleanup EXIT
# PerfMap names JIT-compiled methods for perf; without W^X double mapping perf can match them to their code.
start_api DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
seed
psql -XAtc "SELECT id FROM tasks ORDER BY id" >"$work/ids.txt"

if [ "$workload" = get ]; then script=get_task.lua connections=32; else script=mixed.lua connections=100; fi
allocated() {
  curl -sf "http://127.0.0.1:$api_port/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ {print $2}'
}
log "warming up for ${warmup} s, then sampling ${seconds} s of $workload at $connections connections"
run_wrk "$script" "$connections" "$warmup" "http://127.0.0.1:$api_port" >"$work/warmup.txt"
bytes_before=$(allocated)
run_wrk "$script" "$connections" "$((seconds + 4))" "http://127.0.0.1:$api_port" >"$work/wrk.txt" &
wrk_pid=$!
sleep 2
perf record -e cpu-clock -F 499 -g -p "$api_pid" -o "$work/perf.data" -- sleep "$seconds" 2>"$work/perf.log"
wait "$wrk_pid"
bytes_after=$(allocated)

result=$(grep '^BENCH ' "$work/wrk.txt" | cut -c7-)
read -r rps requests < <(python3 -c 'import json, sys; r = json.loads(sys.argv[1]); print(r["rps"], r["requests"])' "$result")
sampled=$(python3 -c "print(round($rps * $seconds))")
echo "# Profile of the API, $workload, $(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$root" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$(printf '%.0f' "$rps") req/s under perf; $(python3 -c "print(round(($bytes_after - $bytes_before) / $requests))") bytes allocated per request"
echo
python3 "$bench/profile/layers.py" "$work/perf.data" "$sampled" | tee "$work/layers.md"

# Allocation types in a window of their own, so EventPipe does not slow the one perf sampled.
run_wrk "$script" "$connections" "$((seconds + 4))" "http://127.0.0.1:$api_port" >"$work/wrk-allocations.txt" &
wrk_pid=$!
sleep 2
dotnet "$work/allocations/AllocationTypes.dll" "$api_pid" "$seconds" >"$work/allocations.tsv"
wait "$wrk_pid"
echo
python3 - "$work/allocations.tsv" "$(grep '^BENCH ' "$work/wrk-allocations.txt" | cut -c7-)" "$seconds" <<'EOF' | tee "$work/allocations.md"
import json, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if "\t" in line]
requests = json.loads(sys.argv[2])["rps"] * float(sys.argv[3])
total = sum(int(b) for _, b in rows)
print(f"Allocated by type (AllocationTick sampling, ~100 KB a sample): {total / requests:,.0f} bytes per request")
print("\n| type | bytes per request | share |\n|---|---|---|")
for name, b in rows[:40]:
    print(f"| `{name}` | {int(b) / requests:,.0f} | {100 * int(b) / total:.1f}% |")
EOF
