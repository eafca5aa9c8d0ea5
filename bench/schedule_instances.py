"""Benchmark instances for `shiftcast plan` vs CP-SAT vs pyworkforce, and a shared loader.

    python3 bench/schedule_instances.py OUT_DIR     writes OUT_DIR/{week,month,alike}/ (scenario.toml,
                                                    requirements.csv, staff.csv), and the
                                                    week and month with issue 15's rules on
                                                    (week-rules, month-rules)

`load(scenario_path)` reads those files back (the same files shiftcast reads) into plain Python
data, expanding the shift templates into slots the way src/schedule/slots.rs `shift_slots` does.
Standard library only; fixed seeds, so the files are the same on every run.
"""

import csv
import math
import random
import sys
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

FMT = "%Y-%m-%dT%H:%M"

FULL_TIME_STARTS = ["00:00", "06:00", "08:00", "10:00", "14:00", "16:00", "22:00"]
PART_TIME_STARTS = [f"{h:02d}:00" for h in range(0, 24, 2)]

INSTANCES = {
    # name: start, days, interval minutes, queues (name, share of demand), staff, event day, seed
    "week": dict(start="2026-11-02", days=7, minutes=30, seed=7, staff=60, event_day=3,
                 queues=[("presale", 0.55), ("aftersale", 0.45)]),
    "month": dict(start="2026-11-02", days=28, minutes=15, seed=11, staff=300, event_day=9,
                  queues=[("presale", 0.45), ("aftersale", 0.40), ("vip", 0.15)]),
    # The month with all 300 people alike (main group, every skill, any hour, no day off): the
    # same requirements, one kind of person, the hardest case to name people in.
    "alike": dict(start="2026-11-02", days=28, minutes=15, seed=11, staff=300, event_day=9,
                  queues=[("presale", 0.45), ("aftersale", 0.40), ("vip", 0.15)], alike=True),
}
# The week and the month again with the rules real rosters keep switched on (RULES below, a lead
# in every 8 staff, a minimum of 20 hours for one in 5): the same requirements and people.
for _name in ("week", "month"):
    INSTANCES[_name + "-rules"] = dict(INSTANCES[_name], rules=True)

RULES = """
[rules]
min_rest_hours = 11
max_nights_in_row = 3
rest_after_nights_hours = 24
days_off_together = 2
weekends_off_per_4_weeks = 2
agents_per_lead = 15

[part_time]
max_hours_per_week = 24           # start_band_hours = 2 and max_shifts_per_day = 1 by default
"""

RULE_COSTS = ["full_time_salaried = true", "fairness_hours_per_hour = 1",
              "fairness_weekends_per_day = 20", "fairness_per_shift = 20"]

QUEUE_KEYS = {  # only informative here: agents come from requirements.csv
    "presale": (180, 3, 30), "aftersale": (300, 2, 60), "vip": (240, 1, 20),
}


def daily_curve(hour):
    """Relative load at clock hour `hour` (float): low at night, a day plateau from about 09:00 to
    midnight, peaks 10-12 and 20-23, dips at lunch and dinner."""
    def bump(centre, width):
        d = min(abs(hour - centre), 24 - abs(hour - centre))  # wraps past midnight
        return math.exp(-((d / width) ** 2))
    h = hour if hour >= 4 else hour + 24  # the evening plateau runs past midnight
    day = 1 / (1 + math.exp(-(h - 8.5) * 2)) - 1 / (1 + math.exp(-(h - 24.5) * 2))
    return (0.12 + 0.45 * day + 0.45 * bump(11.0, 1.5) + 0.5 * bump(21.5, 1.5)
            - 0.08 * bump(13.0, 0.7) - 0.08 * bump(18.0, 0.7))


def generate(name, out):
    cfg = INSTANCES[name]
    rng = random.Random(cfg["seed"])
    out.mkdir(parents=True, exist_ok=True)
    start = datetime.fromisoformat(cfg["start"])
    step = timedelta(minutes=cfg["minutes"])
    n = cfg["days"] * 24 * 60 // cfg["minutes"]
    times = [start + i * step for i in range(n)]
    event = start + timedelta(days=cfg["event_day"])  # 00:00 of the event day
    # Size: total demand about 1.5 x what the staff can work (40 h a week each), so the team
    # covers about two thirds of it and part-timers take the rest. (At 1.2 x or less the shift
    # shapes, not the staff's hours, decide who is hired: pyworkforce's aggregate bound equals
    # the named plan's cost and the per-person rules never bind.)
    capacity = cfg["staff"] * 40 * cfg["days"] / 7
    target = 1.5 * capacity
    weekday = [1.0, 0.95, 0.95, 1.0, 1.05, 1.2, 1.15]
    shape = []
    for t in times:
        h = t.hour + t.minute / 60
        f = daily_curve(h) * weekday[t.weekday()]
        since = (t - event).total_seconds() / 3600
        if 0 <= since < 3:  # event spike at 00:00, decaying over three hours
            f *= [4.0, 2.2, 1.4][int(since)]
        shape.append(f * rng.uniform(0.92, 1.08))
    scale = target / (sum(shape) * cfg["minutes"] / 60)
    rows = []
    for i, t in enumerate(times):
        for q, share in cfg["queues"]:
            rows.append((t.strftime(FMT), q, max(1, round(scale * share * shape[i]))))
    with open(out / "requirements.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["timestamp", "queue", "agents"])
        w.writerows(rows)

    queue_names = [q for q, _ in cfg["queues"]]
    weights = [s for _, s in cfg["queues"]]
    horizon_days = [start.date() + timedelta(days=d) for d in range(cfg["days"])]
    with open(out / "staff.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "group", "skills", "available", "days_off",
                    "max_hours_per_day", "max_hours_per_week"]
                   + (["lead", "min_hours_per_week"] if cfg.get("rules") else []))
        for p in range(cfg["staff"]):
            group = "main" if rng.random() < 0.4 else "backup"
            first = rng.choices(queue_names, weights)[0]
            skills = [first]
            if rng.random() < 0.3:  # cross-trained on a second queue
                skills.append(rng.choice([q for q in queue_names if q != first]))
                skills.sort(key=queue_names.index)
            available = "00:00-24:00" if rng.random() < 0.8 else "08:00-22:00"
            days_off = rng.choice(horizon_days).isoformat() if rng.random() < 0.1 else ""
            if cfg.get("alike"):
                group, skills, available, days_off = "main", queue_names, "00:00-24:00", ""
            row = [f"P{p + 1:03d}", group, ";".join(skills), available, days_off, 8, 40]
            if cfg.get("rules"):
                row += ["yes" if p % 8 == 0 else "", 20 if p % 5 == 1 else ""]
            w.writerow(row)

    end = start + timedelta(days=cfg["days"])
    lines = [
        f"# Benchmark instance '{name}' (bench/schedule_instances.py, seed {cfg['seed']}).",
        "[horizon]",
        f'start = "{start.strftime(FMT)}"',
        f'end = "{end.strftime(FMT)}"',
        f"interval_minutes = {cfg['minutes']}",
        "",
        "[requirements]",
        'file = "requirements.csv"',
        "",
        "[staff]",
        'file = "staff.csv"',
        "",
        RULES.strip() if cfg.get("rules") else "[rules]\nmin_rest_hours = 11",
        "",
        "[costs]",
        "full_time_per_hour = 35",
        "part_time_per_hour = 45",
        "shortfall_per_agent_hour = 500",
        "phase_rule_penalty = 5000",
        "part_time_per_person = 0",
    ] + (RULE_COSTS if cfg.get("rules") else [])
    if cfg.get("rules"):  # the drill the day before the event, for the main group
        drill = event - timedelta(days=1)
        lines += ["", "[[sessions]]", 'name = "drill"',
                  f'start = "{(drill + timedelta(hours=10)).strftime(FMT)}"',
                  f'end = "{(drill + timedelta(hours=12)).strftime(FMT)}"', 'groups = ["main"]']
    for q in queue_names:
        aht, at_once, within = QUEUE_KEYS[q]
        lines += ["", "[[queues]]", f'name = "{q}"', f"handle_time_seconds = {aht}",
                  f"chats_at_once = {at_once}", "service_level = 0.8",
                  f"answer_within_seconds = {within}"]
    for kind, starts, hours, prefix in [("full-time", FULL_TIME_STARTS, 8, "ft"),
                                        ("part-time", PART_TIME_STARTS, 4, "pt")]:
        for s in starts:
            lines += ["", "[[shifts]]", f'name = "{prefix}-{s[:2]}"', f'start = "{s}"',
                      f"hours = {hours}", f'kinds = ["{kind}"]']
    (out / "scenario.toml").write_text("\n".join(lines) + "\n")


# ---- loader shared by the CP-SAT and pyworkforce models ----

def _minute(clock):
    h, m = clock.split(":")
    return int(h) * 60 + int(m)


def _in_window(window, t):
    lo, hi = window
    m = t.hour * 60 + t.minute
    return lo <= m < hi if lo < hi else (m >= lo or m < hi)


def load(scenario_path):
    """Everything the models need, read from shiftcast's own input files."""
    path = Path(scenario_path)
    sc = tomllib.loads(path.read_text())
    hz = sc["horizon"]
    start = datetime.strptime(hz["start"], FMT)
    end = datetime.strptime(hz["end"], FMT)
    step = timedelta(minutes=hz["interval_minutes"])
    times = []
    t = start
    while t < end:
        times.append(t)
        t += step
    index = {t: i for i, t in enumerate(times)}
    queues = [q["name"] for q in sc["queues"]]
    need = [[0] * len(times) for _ in queues]
    with open(path.parent / sc["requirements"]["file"]) as f:
        for row in csv.DictReader(f):
            need[queues.index(row["queue"])][index[datetime.strptime(row["timestamp"], FMT)]] = \
                int(row["agents"])
    staff = []
    with open(path.parent / sc["staff"]["file"]) as f:
        for row in csv.DictReader(f):
            lo, hi = (row["available"] or "00:00-24:00").split("-")
            staff.append(dict(
                name=row["name"], group=row["group"],
                skills=[s for s in row["skills"].split(";") if s],
                window=(_minute(lo), _minute(hi)),
                days_off={date.fromisoformat(d) for d in row["days_off"].split(";") if d},
                max_day=float(row["max_hours_per_day"]),
                max_week=float(row["max_hours_per_week"])))
    # Slots as in shift_slots(): every template on every day from the day before the horizon to
    # its last day, kept if it overlaps the horizon (it costs its full length).
    first_day = start.date() - timedelta(days=1)
    last_day = (end - timedelta(minutes=1)).date()
    slots = []  # (template, kinds, start, end, hours, covered interval indices)
    for tpl in sc["shifts"]:
        d = first_day
        while d <= last_day:
            s = datetime.combine(d, datetime.strptime(tpl["start"], "%H:%M").time())
            e = s + timedelta(minutes=round(tpl["hours"] * 60))
            if s < end and e > start:
                cover = [index[x] for x in times if s <= x < e]
                slots.append(dict(template=tpl["name"],
                                  kinds=tpl.get("kinds", ["full-time", "part-time"]),
                                  start=s, end=e, hours=(e - s).total_seconds() / 3600,
                                  cover=cover, day=(s.date() - first_day).days))
            d += timedelta(days=1)
    return dict(times=times, interval_hours=hz["interval_minutes"] / 60, queues=queues,
                need=need, staff=staff, slots=slots, costs=sc["costs"],
                rest_hours=sc.get("rules", {}).get("min_rest_hours", 11),
                step=step, first_day=first_day)


def available(person, slot, step):
    """is_available() in src/schedule/candidates.rs: every interval of the shift in the daily window and on
    no day off (also the parts outside the horizon)."""
    t = slot["start"]
    while t < slot["end"]:
        if not _in_window(person["window"], t) or t.date() in person["days_off"]:
            return False
        t += step
    return True


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for name in INSTANCES:
        generate(name, root / name)
