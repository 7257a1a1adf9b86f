#!/usr/bin/env bash
# A CI step: check a day's encounter export with therapy-rules, write JUnit XML for the CI's test view and, when
# HTML_OUT is set, an HTML report to publish as a build artifact for the billers.
#
#   samples/CiPipeline/therapy-rules-ci.sh [EXPORT] [JUNIT_OUT]
#
#   EXPORT     the export to check (.json or .ndjson); default: the sample export beside this script
#   JUNIT_OUT  where to write the JUnit XML; default: therapy-rules-junit.xml in the current folder
#
# Environment:
#   FAIL_ON        error | warning | info | never: the severity that fails the step; default: the config file's
#                  failOn, else error
#   CONFIG         the configuration file; default: therapy-rules.json beside this script (suppressions with
#                  reasons, severity overrides, reference files: schemas/therapy-rules.schema.json)
#   TODAY          YYYY-MM-DD the overdue-report and certification clocks count to; default: today (UTC)
#   HTML_OUT       when set, also write the HTML report there (self-contained; publish it as an artifact)
#   THERAPY_RULES  the command that runs the tool. Default: `therapy-rules` when it is on PATH (installed with
#                  `dotnet tool install`), else `dotnet run --project <repo>/src/TherapyBilling.Rules.Cli --`
#                  (works from a fresh clone with only the .NET SDK).
#
# Exit code: the tool's own: 0 no finding at or above the threshold, 1 findings at or above it, 2 usage or input
# error. On 2 the report is still written when the file itself was readable (bad records are in it, in their place,
# and every good record was checked); it is missing only when the run stopped before checking (bad option, unreadable
# file or configuration). The message below says which happened.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export_file="${1:-$here/export/encounters-2026-03-02.ndjson}"
junit_out="${2:-therapy-rules-junit.xml}"
config="${CONFIG:-$here/therapy-rules.json}"
today="${TODAY:-$(date -u +%F)}"

if [ -n "${THERAPY_RULES:-}" ]; then
  read -r -a tool <<<"$THERAPY_RULES"
elif command -v therapy-rules >/dev/null 2>&1; then
  tool=(therapy-rules)
else
  tool=(dotnet run --project "$repo/src/TherapyBilling.Rules.Cli" --)
fi

args=(check "$export_file" --config "$config" --today "$today")
[ -n "${FAIL_ON:-}" ] && args+=(--fail-on "$FAIL_ON")

mkdir -p "$(dirname "$junit_out")"
rm -f "$junit_out"    # a report left from an earlier run must not pass for this one's
set +e
"${tool[@]}" "${args[@]}" --format junit --output "$junit_out"
code=$?
set -e

if [ -n "${HTML_OUT:-}" ] && [ -s "$junit_out" ]; then
  mkdir -p "$(dirname "$HTML_OUT")"
  # The gate is the JUnit run above; the HTML report is for people, so its own exit code is not the step's.
  "${tool[@]}" "${args[@]}" --format html --output "$HTML_OUT" >/dev/null 2>&1 || true
  [ -s "$HTML_OUT" ] && echo "therapy-rules: HTML report: $HTML_OUT"
fi

case $code in
  0) echo "therapy-rules: no finding at or above the threshold; JUnit report: $junit_out" ;;
  1) echo "therapy-rules: findings at or above the threshold (see $junit_out); failing the step" ;;
  *)
    if [ -s "$junit_out" ]; then
      echo "therapy-rules: input errors in some records (exit $code): each is named above and marked failed in $junit_out; every other record was checked; failing the step"
    else
      echo "therapy-rules: usage or input error (exit $code) before any record was checked; no report was written"
    fi
    ;;
esac
exit $code
