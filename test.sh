#!/usr/bin/env bash
# Restores, builds and runs every test; prints the runner's summary and a closing "N passed, N failed" line.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
dotnet test C3V.slnx -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# vstest's closing block per test assembly: "Total tests: N" then "Passed: N", "Failed: N", "Skipped: N" lines
# (absent when 0); summed over the assemblies.
count() { grep -E "^ +$1: +[0-9]+" "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
if grep -qE '^Total tests: [0-9]+' "$log"; then
  echo "$(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
else
  echo "0 passed, 1 failed"
  [ "$rc" -eq 0 ] && rc=1
fi
rm -f "$log"
exit "$rc"
