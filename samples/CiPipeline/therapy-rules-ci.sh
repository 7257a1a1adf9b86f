#!/usr/bin/env bash
# A CI step: check a day's encounter export with therapy-rules and write JUnit XML for the CI's test view.
#
#   samples/CiPipeline/therapy-rules-ci.sh [EXPORT] [JUNIT_OUT]
#
#   EXPORT     the export to check (.json or .ndjson); default: the sample export beside this script
#   JUNIT_OUT  where to write the JUnit XML; default: therapy-rules-junit.xml in the current folder
#
# Environment:
#   FAIL_ON        error (default) | warning | info | never: the severity that fails the step
#   THERAPY_RULES  the command that runs the tool. Default: `therapy-rules` when it is on PATH (installed with
#                  `dotnet tool install`), else `dotnet run --project <repo>/src/TherapyBilling.Rules.Cli --`
#                  (works from a fresh clone with only the .NET SDK).
#
# Exit code: the tool's own: 0 no finding at or above FAIL_ON, 1 findings at or above it, 2 usage or input error.
# The JUnit file is written in every case but 2 (then the tool deletes its partial output).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export_file="${1:-$here/export/encounters-2026-03-02.ndjson}"
junit_out="${2:-therapy-rules-junit.xml}"
fail_on="${FAIL_ON:-error}"

if [ -n "${THERAPY_RULES:-}" ]; then
  read -r -a tool <<<"$THERAPY_RULES"
elif command -v therapy-rules >/dev/null 2>&1; then
  tool=(therapy-rules)
else
  tool=(dotnet run --project "$repo/src/TherapyBilling.Rules.Cli" --)
fi

mkdir -p "$(dirname "$junit_out")"
set +e
"${tool[@]}" check "$export_file" --format junit --output "$junit_out" --fail-on "$fail_on"
code=$?
set -e

case $code in
  0) echo "therapy-rules: no finding at or above '$fail_on'; JUnit report: $junit_out" ;;
  1) echo "therapy-rules: findings at or above '$fail_on' (see $junit_out); failing the step" ;;
  *) echo "therapy-rules: usage or input error (exit $code); no report was written" ;;
esac
exit $code
