#!/usr/bin/env bash
# Quick start, part 2: installs what is missing, then runs every test against a throwaway PostgreSQL cluster
# (or TEST_DATABASE_URL), then the Python client adapters' tests against the service, then the dashboard and rules
# against a real Prometheus scraping the service (tests/prometheus), then the alert and recording rules' unit tests
# (promtool). Ends with one line: "N passed, N failed", counting them all.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/prereqs.sh" --test || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The OpenAPI checks read the document the service serves, written by the ServedOpenApiDocument test.
export OPENAPI_DOCUMENT_OUT="$root/tools/openapi/out/v1.json"
rm -f "$OPENAPI_DOCUMENT_OUT"
dotnet test "$root/NakamuraMisaki.sln" -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ ! -s "$OPENAPI_DOCUMENT_OUT" ]; then # filtered out of this run: serve it once more
  dotnet test "$root/tests/IntegrationTests" -c Release --no-build --filter "FullyQualifiedName~ServedOpenApiDocument" >/dev/null 2>&1
fi
bash "$root/scripts/openapi-checks.sh" "$OPENAPI_DOCUMENT_OUT" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
# Sum the per-assembly summaries: "Passed!  - Failed:     0, Passed:    74, Skipped: ..."
read -r passed failed < <(grep -E '^(Passed|Failed)!' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
# Each OpenAPI check (Spectral, Redocly, generated client) counts as one test.
passed=$((passed + $(grep -c '^openapi check passed:' "$log")))
failed=$((failed + $(grep -c '^openapi check failed:' "$log")))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a build or run failure counts as a failure

# Runs pytest in $1 against the API dotnet test just built (each suite starts it on a cluster of its own) and adds
# its summary ("3 failed, 61 passed, 1 error in 52.10s"; errors are failures too) to py_passed / py_failed.
py_passed=0; py_failed=0; py_status=0
run_pytest() {
  (cd "$1" && NAKAMURA_MISAKI_TEST_NO_BUILD=1 /usr/bin/python3 -m pytest -q -p no:cacheprovider) 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]} passed failed
  read -r passed failed < <(grep -E '^=* ?[0-9]+ (passed|failed|errors?)' "$log" | tail -1 \
    | grep -oE '[0-9]+ (passed|failed|errors?)' | awk '$2 == "passed" {p += $1} $2 != "passed" {f += $1} END {print p+0, f+0}')
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  py_passed=$((py_passed + passed)); py_failed=$((py_failed + failed))
  if [ "$status" -ne 0 ]; then py_status=$status; fi
}
# The Python adapters (clients/python), then the dashboard's queries and the rules against Debian's Prometheus.
run_pytest "$root/clients/python"
run_pytest "$root/tests/prometheus"

# The alert and recording rules' unit tests: each test group of deploy/prometheus/*.test.yml counts as one test.
rule_tests=(alerts.test.yml recording.test.yml)
groups=$(cd "$root/deploy/prometheus" && cat "${rule_tests[@]}" | grep -cE '^  - name:')
if (cd "$root/deploy/prometheus" && promtool test rules "${rule_tests[@]}") 2>&1 | tee "$log"; then
  rules_status=0; rules_passed=$groups; rules_failed=0
else
  rules_status=1
  # promtool names each failing group ("  FAILED:" then "    name: ..."); count them, at least one.
  rules_failed=$(grep -E '^ +name: ' "$log" | sort -u | wc -l); [ "$rules_failed" -gt 0 ] || rules_failed=1
  rules_passed=$((groups > rules_failed ? groups - rules_failed : 0))
fi

echo "$((passed + py_passed + rules_passed)) passed, $((failed + py_failed + rules_failed)) failed"
if [ "$status" -eq 0 ]; then status=$py_status; fi
if [ "$status" -eq 0 ]; then status=$rules_status; fi
exit "$status"
