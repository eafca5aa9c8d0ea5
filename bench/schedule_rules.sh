#!/usr/bin/env bash
# Shift planning with the rules real rosters keep (issue 15) switched on, beside the same
# instances without them, in one run: week and month from bench/schedule_instances.py, and
# week-rules and month-rules (salaried full-timers, minimum hours, a lead per 15 agents, nights in
# a row, rest after nights, days off together, weekends off, fair hours, weekends and nights, a
# drill, hired part-timers' bands and weekly hours). 60 s limit; gap 0.001 (week), 0.01 (month).
# Prints a Markdown table; also writes it to $1 if given.
#
#   bash bench/schedule_rules.sh [table.md]
#
# Needs: cargo and python3 (standard library). Takes about 4 minutes on 2 cores.
source "$(dirname "$0")/planning_setup.sh" "${1:-}"
{
    echo "| instance | rules | status | seconds | cost | gap | short (agent-h) | below minimum (h) |"
    echo "|---|---|---|---:|---:|---:|---:|---:|"
    for inst in week week-rules month month-rules; do
        gap=0.001
        case "$inst" in month*) gap=0.01 ;; esac
        t0=$(date +%s.%N)
        target/release/shiftcast --quiet plan "$tmp/inst/$inst/scenario.toml" --out "$tmp/plan-$inst" \
            --time-limit 60 --gap "$gap" >/dev/null
        t1=$(date +%s.%N)
        python3 - "$tmp/plan-$inst/summary.json" "$inst" "$t0" "$t1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
name = sys.argv[2]
rules = "on" if name.endswith("-rules") else "off"
below = sum(b["hours"] for b in s.get("below_minimum", []))
gap = s.get("solver_gap")
print(f"| {name.split('-')[0]} | {rules} | {s['solver_status']} | {float(sys.argv[4]) - float(sys.argv[3]):.1f} "
      f"| {s['total_cost']:,.0f} | {'' if gap is None else f'{gap:.2%}'} | {s['shortfall_agent_hours']:g} | {below:g} |")
PY
    done
} | tee "$tmp/table.md"
if [ -n "$table_file" ]; then
    cp "$tmp/table.md" "$table_file"
fi
