#!/usr/bin/env bash
# The week with the rules on (`week-rules` from bench/schedule_instances.py) in other solvers:
# shiftcast writes the model it gives HiGHS as MPS (SHIFTCAST_WRITE_MODEL), and HiGHS alone
# (highspy, no start plan) and OR-Tools CP-SAT (2 workers) solve that same model, beside
# shiftcast's own runs, at 5 and 60 s each (gap 0.001). The objective is the model's: wages,
# hiring and every priced slack (hours short, leads missing, hours below minimum, spreads), not
# `total_cost`; shiftcast's row gives its gap to the bound it proved. Prints a Markdown table;
# also writes it to $1 if given.
#
#   bash bench/schedule_rules_solvers.sh [table.md]
#
# Needs: cargo, python3 with venv, pip access to PyPI (highspy and ortools go into a throw-away
# venv in a temp dir, removed at exit). About 5 minutes on 2 cores.
source "$(dirname "$0")/planning_setup.sh" "${1:-}"
python3 -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check highspy ortools
scenario="$tmp/inst/week-rules/scenario.toml"
{
    echo "| solver | time limit (s) | seconds | objective | bound | gap |"
    echo "|---|---:|---:|---:|---:|---:|"
    for limit in 5 60; do
        t0=$(date +%s.%N)
        SHIFTCAST_WRITE_MODEL="$tmp/week-rules.mps" target/release/shiftcast --quiet plan \
            "$scenario" --out "$tmp/plan-$limit" --time-limit "$limit" --gap 0.001 --json \
            >"$tmp/plan-$limit.json"
        t1=$(date +%s.%N)
        python3 - "$tmp/plan-$limit/summary.json" "$limit" "$t0" "$t1" <<'PY'
import json, sys
summary, limit, t0, t1 = sys.argv[1:]
s = json.load(open(summary))
gap = s.get("solver_gap")
print(f"| shiftcast | {limit} | {float(t1) - float(t0):.1f} | | | {'' if gap is None else f'{gap:.2%}'} |")
PY
    done
    for limit in 5 60; do
        # highspy greets on stdout: only the table's rows go on.
        "$py" - "$tmp/week-rules.mps" "$limit" <<'PY' | grep '^|'
import math, sys, time
import highspy
from ortools.linear_solver.python import model_builder

path, limit = sys.argv[1], float(sys.argv[2])

def row(solver, seconds, objective, bound):
    if not math.isfinite(objective):
        print(f"| {solver} | {limit:g} | {seconds:.1f} | none | {bound:,.0f} | |")
        return
    gap = abs(objective - bound) / abs(objective)
    print(f"| {solver} | {limit:g} | {seconds:.1f} | {objective:,.0f} | {bound:,.0f} | {gap:.2%} |")

h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.readModel(path)
h.setOptionValue("time_limit", limit)
h.setOptionValue("mip_rel_gap", 0.001)
t0 = time.time()
h.run()
info = h.getInfo()
row("HiGHS alone", time.time() - t0, info.objective_function_value, info.mip_dual_bound)

model = model_builder.Model()
model.import_from_mps_file(path)
solver = model_builder.Solver("sat")
solver.set_time_limit_in_seconds(limit)
solver.set_solver_specific_parameters("num_workers:2,relative_gap_limit:0.001")
t0 = time.time()
solver.solve(model)
row("CP-SAT", time.time() - t0, solver.objective_value, solver.best_objective_bound)
PY
    done
} | tee "$tmp/table.md"
if [ -n "$table_file" ]; then
    cp "$tmp/table.md" "$table_file"
fi
