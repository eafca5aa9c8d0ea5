#!/usr/bin/env bash
# Shift planning on a diverse team (issue 20) beside the week and month benches, in one run:
# week, month and alike from bench/schedule_instances.py and diverse-1..3 from
# bench/diverse_instances.py (120 people with mixed skills, windows, days off and hour limits;
# 14 days of 30-minute intervals; meals in the model; a 618 event at 20:00). Gap 0.001 (week),
# 0.01 (month, alike), 0.005 (diverse); 60 s limit. Given a second shiftcast binary (e.g. one
# built from an older commit), runs it too, instance by instance beside this one.
# Prints a Markdown table with the model's size (HiGHS's first model), time, peak memory,
# status, cost and agent-hours short; also writes it to $1 if given.
#
#   bash bench/schedule_diverse.sh [table.md] [base-shiftcast-binary]
#
# Needs: cargo, python3 (standard library) and GNU time (/usr/bin/time). About 6 minutes with
# a base binary on 2 cores.
source "$(dirname "$0")/planning_setup.sh" "$@"
python3 bench/diverse_instances.py "$tmp/inst"
{
    echo "| instance | binary | rows | columns | nonzeros | seconds | peak MB | status | cost | short (agent-h) |"
    echo "|---|---|---:|---:|---:|---:|---:|---|---:|---:|"
    for inst in week month alike diverse-1 diverse-2 diverse-3; do
        gap=0.001
        case "$inst" in month | alike) gap=0.01 ;; diverse*) gap=0.005 ;; esac
        for entry in "${binaries[@]}"; do
            name="${entry%%:*}"
            binary="${entry#*:}"
            out="$tmp/plan-$inst-$name"
            t0=$(date +%s.%N)
            SHIFTCAST_SOLVER_LOG=1 /usr/bin/time -f "%M" -o "$tmp/rss" "$binary" --quiet plan \
                "$tmp/inst/$inst/scenario.toml" --out "$out" --time-limit 60 --gap "$gap" \
                2>&1 >/dev/null | grep -m1 "MIP has" >"$tmp/size" || true
            t1=$(date +%s.%N)
            python3 - "$out/summary.json" "$inst" "$name" "$t0" "$t1" "$tmp/rss" "$tmp/size" <<'PY'
import json, re, sys
summary, inst, name, t0, t1, rss, size = sys.argv[1:]
s = json.load(open(summary))
m = re.search(r"has (\d+) rows; (\d+) cols; (\d+) nonzeros", open(size).read())
rows, cols, nnz = (f"{int(x):,}" for x in m.groups()) if m else ("", "", "")
peak = int(open(rss).read().split()[-1]) / 1024
print(f"| {inst} | {name} | {rows} | {cols} | {nnz} | {float(t1) - float(t0):.1f} | {peak:.0f} "
      f"| {s['solver_status']} | {s['total_cost']:,.0f} | {s['shortfall_agent_hours']:g} |")
PY
        done
    done
} | tee "$tmp/table.md"
if [ -n "$table_file" ]; then
    cp "$tmp/table.md" "$table_file"
fi
