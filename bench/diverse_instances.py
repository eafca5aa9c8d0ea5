"""Benchmark instances of a diverse team (issue 20): two weeks of 30-minute intervals, 2 queues,
120 people whose skills, daily windows (some across midnight), days off and hour limits differ,
meals placed in the model, and a 618 event starting at 20:00.

    python3 bench/diverse_instances.py OUT_DIR [SEEDS]   writes OUT_DIR/diverse-SEED/ for each
                                                         seed (default "1,2,3"): scenario.toml,
                                                         requirements.csv, staff.csv

Standard library only; fixed seeds, so the files are the same on every run.
"""

import csv
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from schedule_instances import FMT, daily_curve

START = datetime(2026, 6, 8)  # a Monday
DAYS = 14
MINUTES = 30
EVENT = datetime(2026, 6, 17, 20, 0)  # 618 starts the evening before
STAFF = 120
QUEUES = [("presale", 0.55, 180, 3, 30), ("aftersale", 0.45, 300, 2, 60)]
# Daily windows: whole day, day, early, late, and two across midnight.
WINDOWS = [("00:00-24:00", 0.35), ("08:00-22:00", 0.2), ("06:00-18:00", 0.1),
           ("12:00-24:00", 0.15), ("18:00-06:00", 0.1), ("20:00-08:00", 0.1)]
# (name, start, hours, meal minutes): 8- and 10-hour full-time shifts, each with a meal 3 to 5
# hours in; 4-hour part-time shifts without one.
FULL_TIME = [(f"d8-{h:02d}", h, 8, 30) for h in (0, 6, 8, 9, 12, 14, 16, 20, 22)] + \
            [(f"d10-{h:02d}", h, 10, 60) for h in (8, 10, 12, 14, 18)]
PART_TIME = [(f"pt-{h:02d}", h, 4, 0) for h in range(0, 24, 2)]


def load_shape(t):
    """Relative load at `t`: the daily curve, busier at weekends, and the event's evening spike
    decaying over four hours, with after-sale chats a day later."""
    h = t.hour + t.minute / 60
    f = daily_curve(h) * [1.0, 0.95, 0.95, 1.0, 1.05, 1.2, 1.15][t.weekday()]
    since = (t - EVENT).total_seconds() / 3600
    if -2 <= since < 0:  # warm-up before the start
        f *= 1.3
    elif 0 <= since < 4:
        f *= [3.5, 2.4, 1.7, 1.3][int(since)]
    elif 24 <= since < 72:  # refunds and returns after the event
        f *= 1.25
    return f


def generate(seed, out):
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    step = timedelta(minutes=MINUTES)
    times = [START + i * step for i in range(DAYS * 24 * 60 // MINUTES)]
    shape = [load_shape(t) * rng.uniform(0.92, 1.08) for t in times]
    # Total demand about 1.3 x what the staff can work (42 h a week each): part-timers take
    # the rest and the evening spike.
    target = 1.3 * STAFF * 42 * DAYS / 7
    scale = target / (sum(shape) * MINUTES / 60)
    with open(out / "requirements.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["timestamp", "queue", "agents"])
        for t, s in zip(times, shape):
            for q, share, *_ in QUEUES:
                w.writerow([t.strftime(FMT), q, max(1, round(scale * share * s))])

    days = [(START + timedelta(days=d)).date() for d in range(DAYS)]
    with open(out / "staff.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "group", "skills", "available", "days_off",
                    "max_hours_per_day", "max_hours_per_week"])
        for p in range(STAFF):
            r = rng.random()
            skills = "presale" if r < 0.45 else "aftersale" if r < 0.8 else "presale;aftersale"
            window = rng.choices([w for w, _ in WINDOWS], [s for _, s in WINDOWS])[0]
            days_off = sorted(rng.sample(days, rng.choice([0, 1, 2])))
            w.writerow([f"P{p + 1:03d}", "main" if rng.random() < 0.5 else "backup", skills,
                        window, ";".join(d.isoformat() for d in days_off),
                        rng.choice([8, 10]), rng.choice([40, 44])])

    lines = [
        f"# Benchmark instance 'diverse-{seed}' (bench/diverse_instances.py).",
        "[horizon]",
        f'start = "{START.strftime(FMT)}"',
        f'end = "{(START + timedelta(days=DAYS)).strftime(FMT)}"',
        f"interval_minutes = {MINUTES}",
        "", "[requirements]", 'file = "requirements.csv"',
        "", "[staff]", 'file = "staff.csv"',
        "", "[rules]", "min_rest_hours = 11",
        "", "[costs]", "full_time_per_hour = 35", "part_time_per_hour = 45",
        "shortfall_per_agent_hour = 500", "phase_rule_penalty = 5000", "part_time_per_person = 0",
    ]
    for q, _, aht, at_once, within in QUEUES:
        lines += ["", "[[queues]]", f'name = "{q}"', f"handle_time_seconds = {aht}",
                  f"chats_at_once = {at_once}", "service_level = 0.8",
                  f"answer_within_seconds = {within}"]
    for kind, templates in [("full-time", FULL_TIME), ("part-time", PART_TIME)]:
        for name, hour, hours, meal in templates:
            lines += ["", "[[shifts]]", f'name = "{name}"', f'start = "{hour:02d}:00"',
                      f"hours = {hours}", f'kinds = ["{kind}"]']
            if meal:
                lines.append(f'breaks = [{{ name = "meal", minutes = {meal}, '
                             'earliest_after_hours = 3, latest_after_hours = 5 }]')
    (out / "scenario.toml").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    root = Path(sys.argv[1])
    seeds = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "1,2,3").split(",")]
    for seed in seeds:
        generate(seed, root / f"diverse-{seed}")
