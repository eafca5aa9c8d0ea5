#!/usr/bin/env python3
"""WAPE of the two baselines a planner has without any tool, on the folds `shiftcast backtest` uses.

usage: bench/baselines.py HISTORY.csv --until DATE [--folds 4] [--horizon-days 7]
Prints {"queue": {"seasonal-naive": wape, "4-week mean": wape}, ...}: the same hour a week before
the fold, and the plain mean of the same hour in the 4 weeks before it (no day set aside; an hour without a row
counts as 0, closed), each forecast from the data before the fold's start. An actual row is
scored; an hour without a row is not. Plain Python, so the yardstick owes nothing to
shiftcast's own code.
"""
import argparse
import csv
import datetime as dt
import json
from collections import defaultdict

p = argparse.ArgumentParser()
p.add_argument("history")
p.add_argument("--until", required=True)
p.add_argument("--folds", type=int, default=4)
p.add_argument("--horizon-days", type=int, default=7)
a = p.parse_args()

series = defaultdict(dict)
with open(a.history) as f:
    for row in csv.DictReader(f):
        series[row["queue"]][dt.datetime.fromisoformat(row["timestamp"])] = float(row["inquiries"])

end = dt.datetime.fromisoformat(a.until)
horizon = dt.timedelta(days=a.horizon_days)
week = dt.timedelta(weeks=1)
result = {}
for queue, s in sorted(series.items()):
    err = {"seasonal-naive": 0.0, "4-week mean": 0.0}
    total = 0.0
    for f in range(a.folds):
        origin = end - horizon * (a.folds - f)
        for t, actual in s.items():
            if not origin <= t < origin + horizon:
                continue
            # The same hour k weeks back, from before the fold's start.
            back = [t - week * k for k in range(1, 5)]
            back = [b - week * ((t - origin) // week) for b in back]
            seen = [s.get(b, 0.0) for b in back]
            err["seasonal-naive"] += abs(seen[0] - actual)
            err["4-week mean"] += abs(sum(seen) / 4 - actual)
            total += actual
    result[queue] = {m: e / total for m, e in err.items()}
print(json.dumps(result))
