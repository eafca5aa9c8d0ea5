#!/usr/bin/env bash
# Every forecasting method and `auto` against the two baselines a planner has without any tool:
# the same hour last week and the plain 4-week same-hour mean (bench/baselines.py), on one-week folds
# (4 per end date) of three data sets: data/bike (two queues, two years), data/nyc (three queues,
# small counts, closed nights) and data/synthetic (closed nights, Sundays and holidays). Beside
# them statsforecast's MSTL on the same folds, when its venv installs (SF=0 skips it). Then the
# time of one backtest of every method over two years of hourly data for three queues.
#   usage: bench/forecast_sets.sh            (prints a Markdown table for the README)
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A files=([bike]=data/bike/history.csv [nyc]=data/nyc/history.csv [synthetic]=data/synthetic/closed-hours.csv)
declare -A ends=(
  [bike]="2011-06-01 2011-09-01 2011-11-01 2012-03-01 2012-05-01 2012-07-01 2012-09-01 2012-11-01"
  [nyc]="2013-04-01 2013-06-01 2013-08-01 2013-10-01 2013-12-01"
  [synthetic]="2024-06-01 2024-09-01 2024-12-01 2025-03-01 2025-06-01 2025-09-01 2025-12-01"
)
venv=${VENV:-/tmp/shiftcast-sf-venv}
cache=${SF_CACHE:-/tmp/shiftcast-sf-cache}
mkdir -p "$cache"
if [ "${SF:-1}" = 1 ] && [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q statsforecast pandas || SF=0
fi
cargo build --release --quiet
work=$(mktemp -d)
for set in bike nyc synthetic; do
  for end in ${ends[$set]}; do
    target/release/shiftcast backtest --quiet --history "${files[$set]}" --until "$end" --json > "$work/$set-$end.json"
    python3 bench/baselines.py "${files[$set]}" --until "$end" > "$work/$set-$end-base.json"
    if [ "${SF:-1}" = 1 ]; then
      # statsforecast's figures do not depend on shiftcast: kept between runs (minutes each).
      cached="$cache/$set-$end.json"
      [ -s "$cached" ] || "$venv/bin/python" bench/statsforecast_mstl.py "${files[$set]}" --until "$end" > "$cached"
      cp "$cached" "$work/$set-$end-sf.json"
    fi
  done
done
start=$(date +%s.%N)
target/release/shiftcast backtest --quiet --history data/synthetic/closed-hours.csv --until 2025-12-29 > /dev/null
seconds=$(echo "$(date +%s.%N) - $start" | bc)
python3 - "$work" "$seconds" bike "${ends[bike]}" nyc "${ends[nyc]}" synthetic "${ends[synthetic]}" <<'PY'
import json, os, sys
work, seconds, rest = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
sets = {rest[i]: rest[i + 1].split() for i in range(0, len(rest), 2)}
mean = lambda xs: sum(xs) / len(xs)
BASE = ["seasonal-naive", "4-week mean"]
rows, methods = [], []
for name, ends in sets.items():
    per_queue = {}
    for end in ends:
        ours = json.load(open(f"{work}/{name}-{end}.json"))["methods"]
        base = json.load(open(f"{work}/{name}-{end}-base.json"))
        sf_file = f"{work}/{name}-{end}-sf.json"
        sf = json.load(open(sf_file)) if os.path.exists(sf_file) else {}
        for m in ours:
            if m["method"] not in methods and m["method"] != "seasonal-naive":
                methods.append(m["method"])
        for queue in base:
            w = {m["method"]: m["wape"] for m in ours if m["queue"] == queue}
            w.update({f"plain {k}": v for k, v in base[queue].items()})
            if queue in sf:
                w["statsforecast MSTL"] = sf[queue]["mstl"]
            coverage = next(m["coverage"] for m in ours if m["queue"] == queue and m["method"] == "auto")
            ratio = w["auto"] / min(base[queue].values())
            q = per_queue.setdefault(queue, {"wape": {}, "coverage": [], "ratio": []})
            for k, v in w.items():
                q["wape"].setdefault(k, []).append(v)
            q["coverage"].append(coverage)
            q["ratio"].append((ratio, end))
    for queue, q in sorted(per_queue.items()):
        w = {k: mean(v) for k, v in q["wape"].items()}
        ratio = w["auto"] / min(w[f"plain {b}"] for b in BASE)
        rows.append((name, queue, w, ratio, max(q["ratio"]), mean(q["coverage"])))
order = [f"plain {b}" for b in BASE] + [m for m in methods if m != "auto"] + ["auto", "statsforecast MSTL"]
print(f"| set | queue | {' | '.join(order)} | auto / better plain baseline (worst end) | auto 80% range covers |")
print("|---" * (len(order) + 4) + "|")
for name, queue, w, ratio, (worst, worst_end), coverage in rows:
    cells = " | ".join(f"{w[m]:.3f}" if m in w else "-" for m in order)
    print(f"| {name} | {queue} | {cells} | {ratio:.2f} ({worst:.2f} on {worst_end}) | {coverage:.1%} |")
print(f"\nMean WAPE over {', '.join(f'{len(e)} end dates of {n}' for n, e in sets.items())}; 4 one-week folds each.")
print(f"One backtest of every method, two years x three queues (data/synthetic, 4 folds): {seconds:.1f} s")
PY
rm -rf "$work"
