#!/usr/bin/env bash
# The part-timer answer against one plan of the same scenario, side by side in one run:
# `shiftcast plan` and `shiftcast parttimers` alternately, RUNS times each, median wall time and
# their ratio (issue: the whole curve within 15x one plan).
#   usage: bench/parttimers_vs_plan.sh [SCENARIO] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-data/double11/scenario.toml}
runs=${2:-3}
cargo build --release --quiet
bin=target/release/shiftcast
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
plans=(); curves=()
for _ in $(seq "$runs"); do
  plans+=("$(seconds "$bin" plan "$scenario" --out "$out/plan" --quiet)")
  curves+=("$(seconds "$bin" parttimers "$scenario" --quiet --time-limit 600)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plans[@]}"); c=$(median "${curves[@]}")
printf '| scenario | plan (s) | parttimers (s) | ratio |\n|---|---|---|---|\n'
printf '| %s | %.1f | %.1f | %.1fx |\n' "$scenario" "$p" "$c" "$(echo "$c / $p" | bc -l)"
