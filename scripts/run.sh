#!/usr/bin/env bash
# Quick start, part 1: installs what serving needs (scripts/prereqs.sh, no test tools), then runs the API.
# Without ConnectionStrings__Default it starts (or reuses) its own PostgreSQL under .data/postgres.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/prereqs.sh"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project "$root/src/Api" -c Release --no-launch-profile --urls "${URLS:-http://127.0.0.1:5080}" "$@"
