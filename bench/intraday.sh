#!/usr/bin/env bash
# An intraday re-plan of the rest of the event day against the plan it repairs, side by side in
# one run: `shiftcast plan` once, then actuals 30% over its forecast up to NOW and
# `shiftcast intraday` on them, RUNS times each alternately; median wall time and the ratio
# (issue: the re-plan of the rest of the event day on the example in under 2 s).
#   usage: bench/intraday.sh [SCENARIO] [NOW] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-data/double11/scenario.toml}
now=${2:-2026-11-11T02:00}
runs=${3:-5}
cargo build --release --quiet
bin=target/release/shiftcast
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" plan "$scenario" --out "$out/plan" --quiet >/dev/null
awk -F, -v now="$now" 'NR == 1 { print "timestamp,queue,inquiries"; next }
  $1 < now { printf "%s,%s,%.0f\n", $1, $2, $3 * 1.3 }' "$out/plan/forecast.csv" >"$out/actuals.csv"
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
plans=(); days=()
for _ in $(seq "$runs"); do
  plans+=("$(seconds "$bin" plan "$scenario" --out "$out/plan2" --quiet)")
  days+=("$(seconds "$bin" intraday "$scenario" --plan "$out/plan" --actuals "$out/actuals.csv" \
    --now "$now" --out "$out/day" --quiet)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plans[@]}"); d=$(median "${days[@]}")
moves=$(($(wc -l <"$out/day/moves.csv") - 1))
printf '| scenario | now | moves | plan (s) | intraday (s) | intraday / plan |\n|---|---|---|---|---|---|\n'
printf '| %s | %s | %d | %.2f | %.2f | %.2f |\n' "$scenario" "$now" "$moves" "$p" "$d" "$(echo "$d / $p" | bc -l)"
