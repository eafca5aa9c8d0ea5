"""WAPE of statsforecast's MSTL on the same rolling-origin folds as `shiftcast backtest`.

usage: python statsforecast_mstl.py HISTORY.csv [--horizon-days 7] [--folds 4] [--until DATE]
Prints one JSON object: {"queue": {"mstl": wape, "seasonal-naive": wape}, ...}.
Folds end at --until, else at midnight after the last row's day, as in shiftcast. The training grid is hourly
(or the history's step) from the first row; missing rows are filled by linear interpolation,
since statsforecast needs a gap-free series.
"""
import argparse
import json

import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import MSTL, SeasonalNaive

p = argparse.ArgumentParser()
p.add_argument("history")
p.add_argument("--horizon-days", type=int, default=7)
p.add_argument("--folds", type=int, default=4)
p.add_argument("--until")
a = p.parse_args()

df = pd.read_csv(a.history, parse_dates=["timestamp"])
step = df.groupby("queue")["timestamp"].diff().min()
per_day = pd.Timedelta(days=1) // step
end = pd.Timestamp(a.until) if a.until else (df["timestamp"].max() + step).normalize()
h = a.horizon_days * per_day
result = {}
for queue, rows in df.groupby("queue"):
    s = rows.set_index("timestamp")["inquiries"].astype(float)
    abs_err = {"mstl": 0.0, "seasonal-naive": 0.0}
    total = 0.0
    for f in range(a.folds):
        origin = end - pd.Timedelta(days=a.horizon_days * (a.folds - f))
        train = s[s.index < origin]
        grid = pd.date_range(train.index.min(), origin - step, freq=step)
        y = train.reindex(grid).interpolate().bfill().ffill()
        data = pd.DataFrame({"unique_id": queue, "ds": grid, "y": y.values})
        sf = StatsForecast(
            models=[MSTL(season_length=[per_day, 7 * per_day]), SeasonalNaive(season_length=7 * per_day)],
            freq=pd.tseries.frequencies.to_offset(step),
        )
        fc = sf.forecast(df=data, h=h).set_index("ds")
        actual = s[(s.index >= origin) & (s.index < origin + pd.Timedelta(days=a.horizon_days))]
        fc = fc.reindex(actual.index)
        abs_err["mstl"] += (fc["MSTL"] - actual).abs().sum()
        abs_err["seasonal-naive"] += (fc["SeasonalNaive"] - actual).abs().sum()
        total += actual.sum()
    result[queue] = {m: e / total for m, e in abs_err.items()}
print(json.dumps(result))
