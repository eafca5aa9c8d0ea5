"""The shift design problem of Musliu, Schaerf and Slany (DBAI, TU Wien "Shift Design" benchmark)
as shiftcast plan folders, and the same problem as a plain shift list for a direct model.

    python3 bench/shift_design.py INSTANCE.dzn [...] OUT_DIR

writes, per instance, OUT_DIR/<name>/ with
  scenario.toml     a cyclic week ([horizon] cyclic = true), [requirements], no staff, hired
                    part-timers only, one [[shifts]] template per shift type (start window via
                    start / latest_start / start_every_minutes, lengths as a list of hours)
  requirements.csv  the weekly demand, one row per time slot (queue "work")
  staff.csv         a header only: nobody on staff
  shifts.csv        every shift the templates allow (start, hours, cost), for
                    examples/shift_design_direct.rs; the same list as shiftcast's shift slots

An instance is the MiniZinc data form of the benchmark's files (as in the public GitHub copy
Stieguu/Bounded-Minimum-Shift-Design-Constraint-Programming, instances/DataSet*/): `interval`
(slot minutes), `days`, `demand` (one number per slot, the week from Monday 00:00),
`minStart`/`maxStart` and `minLength`/`maxLength` per shift type, in slots. The duty and
average-length keys of the bounded variant are not used.

The objective. Cover is hard: the part-timer wage is 60 yuan an hour, 1 per agent-minute, and a
short agent-hour costs 10,000, far above the most a shift can cost per slot it covers (9 hours
for one 15-minute slot: 540 / 0.25 h = 2,160 per agent-hour), so every optimum covers every slot
(every slot of the day is inside some shift type's reach). The cost is then the paid
agent-minutes, which is the demand's agent-minutes plus the over-cover: minimising it is the
literature's over-cover term (weight 1 per minute) with under-cover forbidden. The third term of
the literature, the number of distinct shifts used, is not a linear price and is left out.
Standard library only.
"""

import csv
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

FMT = "%Y-%m-%dT%H:%M"
MONDAY = datetime(2024, 1, 1)  # the week the demand is laid on (2024-01-01 is a Monday)
TYPES = ["M", "D", "A", "N"]  # morning, day, afternoon, night, as the benchmark names them
PER_HOUR = 60  # yuan per paid hour: 1 per agent-minute
SHORT = 10_000  # yuan per agent-hour short


def parse_dzn(text):
    """The instance's keys: numbers, and lists of numbers in brackets."""
    data = {}
    for key, value in re.findall(r"(\w+)\s*=\s*([^;]*);", text):
        value = value.strip()
        if value.startswith("["):
            data[key] = [float(x) for x in value.strip("[]").split(",") if x.strip()]
        else:
            data[key] = float(value)
    return data


def clock(minutes):
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def hours_text(minutes):
    h = minutes / 60
    return f"{h:g}"


def shift_types(d):
    """Per shift type: name, first and last start (minutes after 00:00) and lengths (minutes)."""
    step = int(d["interval"])
    types = []
    for k in range(int(d["shiftTypes"])):
        first, last = int(d["minStart"][k]) * step, int(d["maxStart"][k]) * step
        lengths = [n * step for n in range(int(d["minLength"][k]), int(d["maxLength"][k]) + 1)]
        types.append((TYPES[k] if k < len(TYPES) else f"T{k + 1}", first, last, lengths))
    return types


def scenario(name, d, types):
    step = int(d["interval"])
    days = int(d["days"])
    lines = [
        f"# Shift design instance '{name}' (bench/shift_design.py): the DBAI shift design",
        "# benchmark's weekly demand, covered by hired part-timers on the instance's shift types.",
        "[horizon]",
        f'start = "{MONDAY.strftime(FMT)}"',
        f'end = "{(MONDAY + timedelta(days=days)).strftime(FMT)}"',
        f"interval_minutes = {step}",
        "cyclic = true",
        "",
        "[requirements]",
        'file = "requirements.csv"',
        "",
        "[staff]",
        'file = "staff.csv"',
        "",
        "[costs]",
        f"full_time_per_hour = {PER_HOUR}",
        f"part_time_per_hour = {PER_HOUR}",
        f"shortfall_per_agent_hour = {SHORT}",
        "",
        "[part_time]",
        "count_people = false              # only the shifts matter, not how many people work them",
        "",
        "[solver]",
        "relative_gap = 0",
        "time_limit_seconds = 600",
        "",
        "[[queues]]",
        'name = "work"',
        "handle_time_seconds = 300",
        "service_level = 0.8",
        "answer_within_seconds = 60",
    ]
    for tname, first, last, lengths in types:
        lines += [
            "",
            "[[shifts]]",
            f'name = "{tname}"',
            f'start = "{clock(first)}"',
            f'latest_start = "{clock(last)}"',
            f"start_every_minutes = {step}",
            f"hours = [{', '.join(hours_text(m) for m in lengths)}]",
            'kinds = ["part-time"]',
        ]
    return "\n".join(lines) + "\n"


def write(path, d, out):
    name = path.stem
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    step = int(d["interval"])
    days = int(d["days"])
    demand = [int(x) for x in d["demand"]]
    if len(demand) != days * 24 * 60 // step:
        sys.exit(f"{path}: demand has {len(demand)} slots, {days} days of {step} minutes "
                 f"need {days * 24 * 60 // step}")
    types = shift_types(d)
    (folder / "scenario.toml").write_text(scenario(name, d, types))
    with open(folder / "requirements.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["timestamp", "queue", "agents"])
        for i, n in enumerate(demand):
            w.writerow([(MONDAY + timedelta(minutes=i * step)).strftime(FMT), "work", n])
    (folder / "staff.csv").write_text(
        "name,group,skills,available,days_off,max_hours_per_day,max_hours_per_week\n")
    # Every shift: each day, each type, each start in its window, each length (a start past
    # midnight belongs to the next day's slot of the week, wrapped round as in a cyclic week).
    with open(folder / "shifts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["type", "start", "hours", "cost"])
        for tname, first, last, lengths in types:
            for day in range(days):
                for s in range(first, last + 1, step):
                    start = (day * 24 * 60 + s) % (days * 24 * 60)
                    for m in lengths:
                        t = MONDAY + timedelta(minutes=start)
                        w.writerow([tname, t.strftime(FMT), hours_text(m), m / 60 * PER_HOUR])
    return folder


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = Path(argv[-1])
    for p in argv[:-1]:
        path = Path(p)
        folder = write(path, parse_dzn(path.read_text()), out)
        print(folder)


if __name__ == "__main__":
    main(sys.argv[1:])
