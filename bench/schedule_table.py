"""Markdown table for bench/schedule_vs_cpsat.sh from its results folder.

    python3 schedule_table.py RESULTS_DIR INSTANCES_DIR
"""

import csv
import json
import os
import sys
import tomllib
from pathlib import Path

res, inst = Path(sys.argv[1]), Path(sys.argv[2])


def text(name):
    p = res / name
    return p.read_text().strip() if p.exists() else ""


def mb(name):
    kb = text(f"{name}.rss")
    return f"peak RSS {int(kb) // 1024} MB" if kb.isdigit() else ""


def failure(name, fallback):
    err = [line for line in text(f"{name}.err").splitlines() if line.strip()]
    why = err[-1] if err else text(f"{name}.failed") or fallback
    return why.replace("|", "/")[:160]


def money(x):
    return f"{x:,.0f}"


rows = []
for instance in ["week", "month", "alike"]:
    # shiftcast
    name = f"{instance}.shiftcast"
    s = json.loads(text(f"{instance}.summary.json") or "null")
    if s:
        costs = tomllib.loads((inst / instance / "scenario.toml").read_text())["costs"]
        objective = s["total_cost"] + s["shortfall_agent_hours"] * costs["shortfall_per_agent_hour"]
        notes = (f"HiGHS; objective incl. shortfall {money(objective)}; "
                 f"{s['part_timers_needed']} part-timers; {mb(name)}; time includes writing "
                 "the plan files (xlsx, html, csv)")
        rows.append([instance, "shiftcast", s["solver_status"], text(f"{name}.secs"),
                     money(s["total_cost"]), f"{s['shortfall_agent_hours'] + 0:g}", notes])
    else:
        rows.append([instance, "shiftcast", "failed", text(f"{name}.secs"), "n/a", "n/a",
                     failure(name, "no summary.json")])
    # CP-SAT and pyworkforce
    for tool, label in [("cpsat", "OR-Tools CP-SAT"), ("pyworkforce", "pyworkforce")]:
        name = f"{instance}.{tool}"
        out = text(f"{name}.out")
        r = json.loads(out.splitlines()[-1]) if out else None
        if instance == "alike" and tool == "pyworkforce":
            continue  # it ignores who the staff are: the month's bound holds
        if not r or "cost" not in r:
            why = (text("no-ortools") or (tool == "pyworkforce" and text("no-pyworkforce"))
                   or (r and f"no solution ({r['status']})") or failure(name, "did not run"))
            rows.append([instance, label, r["status"] if r else "n/a",
                         text(f"{name}.secs") or "n/a", "n/a", "n/a", why])
            continue
        if tool == "cpsat":
            notes = (f"same model, 2 workers; objective incl. shortfall {money(r['objective'])}, "
                     f"proven bound {money(r['bound'])} (incl. 1 yuan/part-timer tie-break); "
                     f"{r['part_timers']} part-timers; {r['variables']} variables; "
                     f"model build {r['build_seconds']} s; {mb(name)}")
        else:
            notes = (f"AGGREGATE model: shift counts per queue, no named people, skills, rest, "
                     f"daily or weekly hours, unlimited full-time shifts: its objective is a lower "
                     f"bound (at gap 0), not a like-for-like plan; objective incl. shortfall "
                     f"{money(r['objective'])}, "
                     f"proven bound {money(r['bound'])}; solver {r['solve_seconds']} s of "
                     f"{r['seconds']} s (rest is pyworkforce building dense sums); {mb(name)}")
        rows.append([instance, label, r["status"], text(f"{name}.secs"), money(r["cost"]),
                     f"{r['shortfall_agent_hours']:g}", notes])


def describe(instance):
    d = inst / instance
    with open(d / "requirements.csv") as f:
        req = list(csv.DictReader(f))
    with open(d / "staff.csv") as f:
        staff = sum(1 for _ in csv.DictReader(f))
    queues = sorted({r["queue"] for r in req})
    step = 30 if instance == "week" else 15
    hours = sum(int(r["agents"]) for r in req) * step / 60
    return (f"{instance}: {len(req) // len(queues)} intervals x {len(queues)} queues "
            f"({', '.join(queues)}), {staff} staff, {hours:,.0f} agent-hours required")


lines = [
    "Shift plan benchmark (bench/schedule_vs_cpsat.sh): 60 s limit, 2 workers, "
    f"{os.cpu_count()} cores; {'; '.join(' '.join(v.split()) for v in text('versions').splitlines()) or 'no venv packages'}.",
    "",
    *[f"- {describe(i)}" for i in ["week", "month", "alike"]],
    "",
    "cost = wages (+ part_time_per_person per hired part-timer), as shiftcast's total_cost; "
    "the objective adds shortfall_per_agent_hour (500 yuan) per short agent-hour. CP-SAT says OPTIMAL once "
    "within the relative gap.",
    "",
    "| instance | tool | status | seconds | cost (yuan) | shortfall agent-hours | notes |",
    "|---|---|---|---:|---:|---:|---|",
    *["| " + " | ".join(str(c) for c in row) + " |" for row in rows],
]
print("\n".join(lines))
