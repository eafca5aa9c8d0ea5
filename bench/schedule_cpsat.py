"""The shift plan of src/schedule/, rebuilt in OR-Tools CP-SAT on shiftcast's own input files.

    python schedule_cpsat.py SCENARIO GAP TIME_LIMIT     prints one JSON line

Same decisions, costs and constraint families as shiftcast (no phases: the bench instances have
none): binary x[person, slot] for full-time slots the person is skilled and available for; integer
part-time shift counts; integer shortfall per queue x interval; hired part-timers = the most
part-time shifts working or resting at one moment. Costs are scaled by 4 to be integers.
"""

import json
import resource
import sys
import time
from datetime import timedelta
from pathlib import Path

from ortools.sat.python import cp_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from schedule_instances import available, load  # noqa: E402

SCALE = 4          # 15-, 30- and 60-minute intervals are whole quarters of an hour
HEAD_TIE_BREAK = 1  # yuan per hired part-timer, as HEAD_TIE_BREAK in src/schedule/model.rs


def main(scenario, gap, time_limit):
    began = time.perf_counter()
    m = load(scenario)
    costs, slots, staff, queues = m["costs"], m["slots"], m["staff"], m["queues"]
    n = len(m["times"])
    rest = timedelta(minutes=round(m["rest_hours"] * 60))
    model = cp_model.CpModel()
    cost = []
    on_duty = [[[] for _ in range(n)] for _ in queues]

    def yuan(x):
        return round(x * SCALE)

    # Full-time: one binary per person x slot x queue the person may take.
    staff_vars = []  # (person, slot, queue, var)
    for p, person in enumerate(staff):
        for s, slot in enumerate(slots):
            if ("full-time" not in slot["kinds"] or slot["hours"] > person["max_day"] + 1e-9
                    or not available(person, slot, m["step"])):
                continue
            for q, queue in enumerate(queues):
                if queue in person["skills"]:
                    v = model.NewBoolVar(f"x{p}_{s}_{q}")
                    staff_vars.append((p, s, q, v))
                    cost.append(yuan(slot["hours"] * costs["full_time_per_hour"]) * v)
                    for i in slot["cover"]:
                        on_duty[q][i].append(v)
    # Part-time: how many hired part-timers work each slot x queue.
    most = max(max(row) for row in m["need"])
    pt_vars = []  # (slot, queue, var)
    for s, slot in enumerate(slots):
        if "part-time" in slot["kinds"]:
            for q in range(len(queues)):
                v = model.NewIntVar(0, most, f"pt{s}_{q}")
                pt_vars.append((s, q, v))
                cost.append(yuan(slot["hours"] * costs["part_time_per_hour"]) * v)
                for i in slot["cover"]:
                    on_duty[q][i].append(v)
    # Shortfall, priced per agent-hour; cover the requirement.
    short = {}
    for q in range(len(queues)):
        for i in range(n):
            need = m["need"][q][i]
            v = model.NewIntVar(0, need, f"short{q}_{i}")
            short[q, i] = v
            cost.append(yuan(m["interval_hours"] * costs["shortfall_per_agent_hour"]) * v)
            model.Add(sum(on_duty[q][i]) + v >= need)
    # One shift at a time, rest after each; daily hours by the day a shift starts, weekly hours
    # by the plan's week (7 days from the horizon's first day; the day before is in the first).
    mine = [[] for _ in staff]
    for p, s, q, v in staff_vars:
        mine[p].append((slots[s], v))
    for p, person in enumerate(staff):
        for t in sorted({sl["start"] for sl, _ in mine[p]}):
            busy = [v for sl, v in mine[p] if sl["start"] <= t < sl["end"] + rest]
            if len(busy) > 1:
                model.Add(sum(busy) <= 1)
        by_day = (lambda day: day, person["max_day"])
        by_week = (lambda day: max(day - 1, 0) // 7, person["max_week"])
        for block_of, limit in [by_day, by_week]:
            blocks = {}
            for sl, v in mine[p]:
                blocks.setdefault(block_of(sl["day"]), []).append((sl, v))
            for group in blocks.values():
                if sum(sl["hours"] for sl, _ in group) > limit + 1e-9:
                    model.Add(sum(yuan(sl["hours"]) * v for sl, v in group) <= yuan(limit))
    # Hired part-timers: at least the most part-time shifts working or resting at one moment.
    hired = model.NewIntVar(0, most * len(queues) * len(slots), "hired")
    for t in sorted({slots[s]["start"] for s, _, _ in pt_vars}):
        model.Add(sum(v for s, _, v in pt_vars
                      if slots[s]["start"] <= t < slots[s]["end"] + rest) <= hired)
    cost.append(yuan(costs.get("part_time_per_person", 0) + HEAD_TIE_BREAK) * hired)
    model.Minimize(sum(cost))
    built = time.perf_counter() - began

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.relative_gap_limit = float(gap)
    status = solver.Solve(model)
    elapsed = time.perf_counter() - began
    out = dict(status=solver.StatusName(status), seconds=round(elapsed, 2),
               build_seconds=round(built, 2), solve_seconds=round(solver.WallTime(), 2),
               variables=len(staff_vars) + len(pt_vars) + len(short) + 1,
               max_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        ft = sum(slots[s]["hours"] for _, s, _, v in staff_vars if solver.Value(v))
        pt = sum(slots[s]["hours"] * solver.Value(v) for s, _, v in pt_vars)
        n_hired = solver.Value(hired)
        short_h = sum(solver.Value(v) for v in short.values()) * m["interval_hours"]
        wages = (ft * costs["full_time_per_hour"] + pt * costs["part_time_per_hour"]
                 + n_hired * costs.get("part_time_per_person", 0))
        out.update(
            cost=round(wages, 2),  # as shiftcast's total_cost: wages + per-head price
            shortfall_agent_hours=short_h,
            objective=round(wages + short_h * costs["shortfall_per_agent_hour"], 2),
            # proven lower bound on objective + HEAD_TIE_BREAK x hired part-timers
            bound=round(solver.BestObjectiveBound() / SCALE, 2),
            full_time_hours=ft, part_time_hours=pt, part_timers=n_hired)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
