#!/usr/bin/env python3
"""The floor under any forecast of data/synthetic: WAPE of the generator's own mean per hour
(it knows the weekday, hour, season and trend; only the day's luck and the count noise are left)
on the folds bench/forecast_sets.sh scores (4 one-week folds before each end date).
    usage: bench/synthetic_oracle.py
"""
import csv
import datetime as dt
import math
import pathlib

here = pathlib.Path(__file__).parent
generator = {}
source = (here / "synthetic_closed_hours.py").read_text().replace("\nmain()\n", "\n")
exec(compile(source, "synthetic_closed_hours.py", "exec"), generator)
hour_shape, weekday, queues = generator["hour_shape"], generator["WEEKDAY"], generator["QUEUES"]
shape_mean = sum(hour_shape(h) for h in range(7, 21)) / 14


def mean(t, queue):
    day = t.date()
    years = (day - dt.date(2024, 1, 1)).days / 365.0
    season = 1.0 + 0.15 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 80) / 365.0)
    level = queues[queue][0] * weekday[day.weekday()] * hour_shape(t.hour) / shape_mean
    return level * season * (1.0 + 0.1 * years)


rows = [
    (dt.datetime.fromisoformat(r["timestamp"]), r["queue"], float(r["inquiries"]))
    for r in csv.DictReader(open(here.parent / "data/synthetic/closed-hours.csv"))
]
ends = "2024-06-01 2024-09-01 2024-12-01 2025-03-01 2025-06-01 2025-09-01 2025-12-01".split()
for queue in queues:
    wapes = []
    for end in ends:
        end = dt.datetime.fromisoformat(end)
        held = [(t, y) for t, q, y in rows if q == queue and end - dt.timedelta(days=28) <= t < end]
        wapes.append(sum(abs(mean(t, queue) - y) for t, y in held) / sum(y for _, y in held))
    print(f"{queue}: {sum(wapes) / len(wapes):.3f}")
