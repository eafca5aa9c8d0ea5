#!/usr/bin/env python3
"""How low one-week-fold WAPE can go on bench/forecast_sets.sh's sets: a forecast that is told
each day's true total (which no forecast knows a week ahead) and spreads it over the day's hours
by the shape of the plain 4-week same-hour mean, against the better of the two plain baselines
(bench/baselines.py, the same folds: 4 one-week folds before each end date, mean over the ends).
Its error is what is left when the day-to-day swings are known: the hours' own noise, and the
4-week shape's (a truer shape shaves a little more: data/synthetic's generator mean, which knows
it, scores 0.86-0.89 x the 4-week mean, bench/synthetic_oracle.py).
    usage: bench/forecast_floor.py            (prints a Markdown table)
"""
import csv
import datetime as dt
import pathlib
from collections import defaultdict

here = pathlib.Path(__file__).parent
sets = {
    "bike": ("data/bike/history.csv", "2011-06-01 2011-09-01 2011-11-01 2012-03-01 2012-05-01 "
             "2012-07-01 2012-09-01 2012-11-01"),
    "nyc": ("data/nyc/history.csv", "2013-04-01 2013-06-01 2013-08-01 2013-10-01 2013-12-01"),
    "synthetic": ("data/synthetic/closed-hours.csv", "2024-06-01 2024-09-01 2024-12-01 "
                  "2025-03-01 2025-06-01 2025-09-01 2025-12-01"),
}
week, hour = dt.timedelta(weeks=1), dt.timedelta(hours=1)


def wapes(s, end):
    """WAPE of seasonal naive, the 4-week mean and known day totals over the 4 folds before end."""
    err, total = defaultdict(float), 0.0
    for f in range(4):
        origin = end - week * (4 - f)
        held = {t: y for t, y in s.items() if origin <= t < origin + week}
        # The 4 weeks before the fold's start, the same hour: an hour without a row counts 0.
        mean = lambda t: sum(s.get(t - week * k, 0.0) for k in range(1, 5)) / 4
        day_total = defaultdict(float)
        for t, y in held.items():
            day_total[t.date()] += y
        for t, actual in held.items():
            midnight = dt.datetime.combine(t.date(), dt.time())
            shape = sum(mean(midnight + hour * h) for h in range(24))
            known = day_total[t.date()] * mean(t) / shape if shape else mean(t)
            err["seasonal-naive"] += abs(s.get(t - week, 0.0) - actual)
            err["4-week mean"] += abs(mean(t) - actual)
            err["known day totals"] += abs(known - actual)
            total += actual
    return {m: e / total for m, e in err.items()}


print("| set | queue | seasonal-naive | 4-week mean | known day totals | / better baseline |")
print("|---|---|---:|---:|---:|---:|")
for name, (path, ends) in sets.items():
    series = defaultdict(dict)
    for row in csv.DictReader(open(here.parent / path)):
        series[row["queue"]][dt.datetime.fromisoformat(row["timestamp"])] = float(row["inquiries"])
    for queue, s in sorted(series.items()):
        per_end = [wapes(s, dt.datetime.fromisoformat(e)) for e in ends.split()]
        m = {k: sum(w[k] for w in per_end) / len(per_end) for k in per_end[0]}
        better = min(m["seasonal-naive"], m["4-week mean"])
        print(f"| {name} | {queue} | {m['seasonal-naive']:.3f} | {m['4-week mean']:.3f} "
              f"| {m['known day totals']:.3f} | {m['known day totals'] / better:.2f} |")
