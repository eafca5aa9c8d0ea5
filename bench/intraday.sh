#!/usr/bin/env bash
# An intraday re-plan of the coming day against the plan it repairs, side by side in one run:
# `shiftcast plan` once, then `shiftcast plan` again and `shiftcast intraday` on ACTUALS up to
# NOW alternately, RUNS times each; median wall time and the ratio (issue: the re-plan of the
# rest of the event day on the example in under 2 s). The default actuals are the bundled rush:
# 30% over the forecast at the event's first two hours.
#   usage: bench/intraday.sh [SCENARIO] [ACTUALS] [NOW] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-data/double11/scenario.toml}
actuals=${2:-data/double11/actuals-rush.csv}
now=${3:-2026-11-11T02:00}
runs=${4:-5}
cargo build --release --quiet
bin=target/release/shiftcast
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" plan "$scenario" --out "$out/plan" --quiet >/dev/null
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
plans=(); days=()
for _ in $(seq "$runs"); do
  plans+=("$(seconds "$bin" plan "$scenario" --out "$out/plan2" --quiet)")
  days+=("$(seconds "$bin" intraday "$scenario" --plan "$out/plan" --actuals "$actuals" \
    --now "$now" --out "$out/day" --quiet)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plans[@]}"); d=$(median "${days[@]}")
moves=$(($(wc -l <"$out/day/moves.csv") - 1))
printf '| scenario | now | moves | plan (s) | intraday (s) | intraday / plan |\n|---|---|---|---|---|---|\n'
printf '| %s | %s | %d | %.2f | %.2f | %.2f |\n' "$scenario" "$now" "$moves" "$p" "$d" "$(echo "$d / $p" | bc -l)"
