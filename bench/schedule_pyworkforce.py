"""The same requirements in pyworkforce's MinRequiredResources: shift counts only, no named people.

    python schedule_pyworkforce.py SCENARIO GAP TIME_LIMIT     prints one JSON line

pyworkforce schedules one demand series over `num_days` x `periods` with shifts inside one day.
Our shifts cross midnight and the horizon's ends, so the whole horizon is passed as one "day" of
all its intervals, and every shift slot (template x start day, as shiftcast's shift_slots) is one
pyworkforce shift with its coverage over the horizon. Shortfall becomes one extra "shift" per
interval, covering only that interval, priced like a short agent for that interval. One run per
queue. No people, skills, availability, rest, daily or weekly hours, and full-time shifts are
unlimited: a relaxation, so its cost is a lower bound on the named plan's, not a plan.
"""

import json
import sys
import time
from pathlib import Path

from pyworkforce.scheduling import MinRequiredResources

sys.path.insert(0, str(Path(__file__).resolve().parent))
from schedule_instances import load  # noqa: E402

SCALE = 4  # pyworkforce wants integer shift costs


def main(scenario, gap, time_limit):
    began = time.perf_counter()
    m = load(scenario)
    costs, n = m["costs"], len(m["times"])
    coverage, cost, hours, price = {}, {}, {}, {}
    for k, slot in enumerate(m["slots"]):
        kind = "ft" if "full-time" in slot["kinds"] else "pt"
        rate = costs["full_time_per_hour" if kind == "ft" else "part_time_per_hour"]
        name = f"{kind}{k}"
        row = [0] * n
        for i in slot["cover"]:
            row[i] = 1
        coverage[name], hours[name], price[name] = row, slot["hours"], rate
        cost[name] = round(slot["hours"] * rate * SCALE)
    for i in range(n):
        name = f"short{i}"
        coverage[name] = [1 if j == i else 0 for j in range(n)]
        hours[name], price[name] = m["interval_hours"], costs["shortfall_per_agent_hour"]
        cost[name] = round(m["interval_hours"] * costs["shortfall_per_agent_hour"] * SCALE)
    statuses, wages, short_h, bound, solve_s = [], 0.0, 0.0, 0.0, 0.0
    for q, queue in enumerate(m["queues"]):
        need = m["need"][q]
        most = max(need)
        scheduler = MinRequiredResources(
            num_days=1, periods=n, shifts_coverage=coverage, required_resources=[need],
            max_period_concurrency=most * len(coverage), max_shift_concurrency=most,
            cost_dict=cost, max_search_time=float(time_limit), num_search_workers=2)
        # pyworkforce sets `solver.num_search_workers`, which current OR-Tools ignores; set the
        # real parameters on its solver (and the same gap as the other tools).
        scheduler.solver.parameters.num_workers = 2
        scheduler.solver.parameters.relative_gap_limit = float(gap)
        solution = scheduler.solve()
        solve_s += scheduler.solver.WallTime()
        statuses.append(solution["status"])
        if solution["status"] not in ("OPTIMAL", "FEASIBLE"):
            continue
        bound += scheduler.solver.BestObjectiveBound() / SCALE
        for r in solution["resources_shifts"]:
            name, count = r["shift"], r["resources"]
            if name.startswith("short"):
                short_h += count * hours[name]
            else:
                wages += count * hours[name] * price[name]
    status = "OPTIMAL" if all(s == "OPTIMAL" for s in statuses) else "/".join(statuses)
    ok = all(s in ("OPTIMAL", "FEASIBLE") for s in statuses)
    out = dict(status=status, seconds=round(time.perf_counter() - began, 2),
               solve_seconds=round(solve_s, 2), shifts_per_queue=len(coverage))
    if ok:
        out.update(cost=round(wages, 2), shortfall_agent_hours=short_h,
                   objective=round(wages + short_h * costs["shortfall_per_agent_hour"], 2),
                   bound=round(bound, 2))
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
