#!/usr/bin/env bash
# How a plan improves with its time limit: the week with the rules on (`week-rules` from
# bench/schedule_instances.py, planned person by person) at 10, 20, 30 and 60 s, gap 0.001.
# Given a second shiftcast binary (e.g. one built from an older commit), runs it too, limit by
# limit beside this one. Prints a Markdown table; also writes it to $1 if given.
#
#   bash bench/schedule_time_ladder.sh [table.md] [base-shiftcast-binary]
#
# Needs: cargo and python3 (standard library). About 4 minutes with a base binary on 2 cores.
source "$(dirname "$0")/planning_setup.sh" "$@"
{
    echo "| time limit (s) | binary | status | seconds | cost | gap | short (agent-h) | below minimum (h) |"
    echo "|---:|---|---|---:|---:|---:|---:|---:|"
    for limit in 10 20 30 60; do
        for entry in "${binaries[@]}"; do
            name="${entry%%:*}"
            binary="${entry#*:}"
            out="$tmp/plan-$name-$limit"
            t0=$(date +%s.%N)
            "$binary" --quiet plan "$tmp/inst/week-rules/scenario.toml" --out "$out" \
                --time-limit "$limit" --gap 0.001 >/dev/null
            t1=$(date +%s.%N)
            python3 - "$out/summary.json" "$limit" "$name" "$t0" "$t1" <<'PY'
import json, sys
summary, limit, name, t0, t1 = sys.argv[1:]
s = json.load(open(summary))
below = sum(b["hours"] for b in s.get("below_minimum", []))
gap = s.get("solver_gap")
print(f"| {limit} | {name} | {s['solver_status']} | {float(t1) - float(t0):.1f} | {s['total_cost']:,.0f} "
      f"| {'' if gap is None else f'{gap:.2%}'} | {s['shortfall_agent_hours']:g} | {below:g} |")
PY
        done
    done
} | tee "$tmp/table.md"
if [ -n "$table_file" ]; then
    cp "$tmp/table.md" "$table_file"
fi
