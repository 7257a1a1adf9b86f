#!/usr/bin/env bash
# The CLI end to end (issue 17): --parallel 1 against --parallel N on a generated export, and the first 10,000
# encounters against the steady rate. Wall-clock figures: run it on a quiet machine (it prints the load average).
# Usage: bash benchmarks/measure-cli.sh [records (200000)] [N (the core count)] [repetitions (3)]
# WARM_ONLY=1 skips the --parallel N runs (runtime settings can be tried through DOTNET_* variables).
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-200000}
workers=${2:-$(nproc)}
reps=${3:-3}
work=${TMPDIR:-/tmp}/therapybilling-cli-bench
mkdir -p "$work"

dotnet build src/TherapyBilling.Rules.Cli -c Release -v q -nologo >/dev/null
dotnet build benchmarks/TherapyBilling.Rules.Benchmarks -c Release -v q -nologo >/dev/null
cli=src/TherapyBilling.Rules.Cli/bin/Release/net10.0/TherapyBilling.Rules.Cli.dll
bench=benchmarks/TherapyBilling.Rules.Benchmarks/bin/Release/net10.0/TherapyBilling.Rules.Benchmarks.dll

big="$work/export-$records.ndjson"
[ -s "$big" ] || dotnet "$bench" write-ndjson "$records" "$big" >/dev/null
head -n 10000 "$big" > "$work/first-10000.ndjson"
head -n 10 "$big" > "$work/first-10.ndjson"
head -n 1 "$big" > "$work/first-1.ndjson"

# The fastest of $reps runs: "wall user peak-KB".
fastest() {
  local best="" line
  for _ in $(seq "$reps"); do
    line=$( { /usr/bin/time -f '%e %U %M' dotnet "$cli" check "$@" --format ndjson --fail-on never >/dev/null; } 2>&1 | tail -n 1)
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $records records, $(( $(stat -c %s "$big") / records )) bytes each"
one=$(fastest "$big" --parallel 1)
echo "| --parallel 1 | ${one// / | } |"
if [ "${WARM_ONLY:-0}" != 1 ]; then
  many=$(fastest "$big" --parallel "$workers")
  dotnet "$cli" check "$big" --format ndjson --fail-on never --parallel 1 -o "$work/out-1.ndjson" || true
  dotnet "$cli" check "$big" --format ndjson --fail-on never --parallel "$workers" -o "$work/out-n.ndjson" || true
  cmp -s "$work/out-1.ndjson" "$work/out-n.ndjson" && same=yes || same=NO
  echo "| --parallel $workers | ${many// / | } |"
  awk -v a="${one%% *}" -v b="${many%% *}" -v n="$workers" 'BEGIN { printf "speed-up at --parallel %d: %.2f x\n", n, a / b }'
  echo "outputs byte-identical: $same"
fi

t1=$(fastest "$work/first-1.ndjson" --parallel 1); t10=$(fastest "$work/first-10.ndjson" --parallel 1)
t10k=$(fastest "$work/first-10000.ndjson" --parallel 1)
echo "| 1 record | ${t1// / | } |"
echo "| 10 records | ${t10// / | } |"
echo "| 10,000 records | ${t10k// / | } |"
awk -v t1="${t1%% *}" -v t10="${t10%% *}" -v tk="${t10k%% *}" -v tn="${one%% *}" -v n="$records" 'BEGIN {
  steady = (tn - tk) / (n - 10000) * 1e6
  first1 = (tk - t1) / 9999 * 1e6; first10 = (tk - t10) / 9990 * 1e6
  printf "steady: %.1f us per encounter (records 10,001 to %d)\n", steady, n
  printf "first 10,000 after one record: %.1f us per encounter = %.2f x steady\n", first1, first1 / steady
  printf "first 10,000 after ten records (one of each shape started): %.1f us = %.2f x steady\n", first10, first10 / steady
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
