#!/usr/bin/env bash
# Quick start, part 2: installs what is missing, then runs every test against a throwaway PostgreSQL cluster
# (or TEST_DATABASE_URL). Ends with one line: "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/prereqs.sh" || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test "$root/NakamuraMisaki.sln" -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Sum the per-assembly summaries: "Passed!  - Failed:     0, Passed:    74, Skipped: ..."
read -r passed failed < <(grep -E '^(Passed|Failed)!' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a build or run failure counts as a failure
echo "$passed passed, $failed failed"
exit "$status"
