#!/usr/bin/env bash
# Service-level notes search benchmark (issue #28), not a test: publishes the API (Release), starts it in Production
# with the offline default embedder on an embedded cluster of its own, loads 100k then 300k notes of 20 users (one
# holding half) by binary COPY, and times GET /api/v1/notes/search through HTTP in hybrid, vector and text modes
# (200 queries of four kinds: exact terms, short Japanese words, paraphrases, typos), with recall@10 against an exact
# answer and the server's CPU per search. Then the quality corpus's table, and hybrid searches while the embedding
# provider is unreachable (the API restarted with an OpenAI endpoint on a closed port).
#
#   bash bench/NotesService/run.sh            100k and 300k notes, 200 queries (run under quiet-run)
#   bash bench/NotesService/run.sh --quick    2,000 notes, 40 queries: a smoke check of the benchmark itself
set -euo pipefail
bench=$(cd "$(dirname "$0")/.." && pwd)
root=$(dirname "$bench")
args=()
[ "${1:-}" = --quick ] && args+=(--quick)
source "$bench/lib.sh"
work="$bench/results/$(date +%Y%m%d-%H%M%S)-notes-service"
mkdir -p "$work"
log "writing to $work"

dotnet publish "$root/src/Api" -c Release -o "$work/api" --nologo -v quiet --disable-build-servers >"$work/build.log" 2>&1
dotnet build "$bench/NotesService" -c Release --nologo -v quiet --disable-build-servers >>"$work/build.log" 2>&1
pg_dir="$work/pg" pg_port=$(free_port) api_port=$(free_port)
trap cleanup EXIT
start_api
postmaster_pid=$(head -1 "$pg_dir/pgdata/postmaster.pid")
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$PGPASSWORD;Database=nakamura_misaki"
run_bench() {
  dotnet "$bench/NotesService/bin/Release/net10.0/NakamuraMisaki.Bench.NotesService.dll" \
    --api "http://127.0.0.1:$api_port" --key "$BENCH_API_KEY" --connection "$connection" \
    --api-pid "$api_pid" --postgres-pid "$postmaster_pid" "${args[@]}" "$@"
}

echo "# notes search through the service ($(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg))" | tee "$work/results.md"
echo "- API $(git -C "$root" rev-parse --short HEAD), Release, Production, offline embedder; $(nproc) cores; $(. /etc/os-release && echo "$PRETTY_NAME")" | tee -a "$work/results.md"
run_bench | tee -a "$work/results.md"
echo | tee -a "$work/results.md"
run_bench --quality | tee -a "$work/results.md"

# The same database, the provider unreachable: every search should answer by text at the cost of a text search.
kill "$api_pid"; wait "$api_pid" 2>/dev/null || true
start_api Embeddings__Provider=OpenAI Embeddings__Endpoint="http://127.0.0.1:$(free_port)/v1" Embeddings__Model=bench
postmaster_pid=$(head -1 "$pg_dir/pgdata/postmaster.pid")
echo | tee -a "$work/results.md"
run_bench --outage | tee -a "$work/results.md"
log "done: $work/results.md"
