#!/usr/bin/env bash
# WAPE of shiftcast's forecasting methods beside statsforecast's MSTL (Python), on the same
# rolling-origin folds (4 one-week folds) ending at several dates of the real hourly data in
# data/bike. Installs statsforecast into a throw-away venv under ${VENV:-/tmp/shiftcast-sf-venv}.
#   usage: bench/forecast_vs_statsforecast.sh [HISTORY.csv] [END_DATE ...]
set -euo pipefail
cd "$(dirname "$0")/.."
history=${1:-data/bike/history.csv}
shift || true
ends=("$@")
[ ${#ends[@]} -gt 0 ] || ends=(2011-06-01 2011-09-01 2011-11-01 2012-03-01 2012-05-01 2012-07-01 2012-09-01 2012-11-01)
venv=${VENV:-/tmp/shiftcast-sf-venv}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q statsforecast pandas; }
cargo build --release --quiet
work=$(mktemp -d)
for end in "${ends[@]}"; do
  target/release/shiftcast backtest --history "$history" --until "$end" --json > "$work/shiftcast-$end.json"
  "$venv/bin/python" bench/statsforecast_mstl.py "$history" --until "$end" > "$work/statsforecast-$end.json"
done
python3 - "$work" "${ends[@]}" <<'PY'
import json, sys
work, ends = sys.argv[1], sys.argv[2:]
methods = ["seasonal-naive", "profile", "mstl", "combined", "auto"]
print("| folds end | queue | " + " | ".join(methods) + " | statsforecast MSTL | auto / seasonal naive |")
print("|---" * (len(methods) + 4) + "|")
ratios = {}
for end in ends:
    ours = json.load(open(f"{work}/shiftcast-{end}.json"))["methods"]
    theirs = json.load(open(f"{work}/statsforecast-{end}.json"))
    for queue in sorted(theirs):
        w = {m["method"]: m["wape"] for m in ours if m["queue"] == queue}
        r = w["auto"] / w["seasonal-naive"]
        ratios.setdefault(queue, []).append((r, w["auto"] / theirs[queue]["mstl"]))
        cells = " | ".join(f"{w[m]:.3f}" for m in methods)
        print(f"| {end} | {queue} | {cells} | {theirs[queue]['mstl']:.3f} | {r:.2f} |")
for queue, rs in ratios.items():
    print(f"\n{queue}: auto / seasonal naive, mean {sum(a for a, _ in rs) / len(rs):.3f}, worst {max(a for a, _ in rs):.3f};"
          f" auto / statsforecast MSTL, mean {sum(b for _, b in rs) / len(rs):.3f}, worst {max(b for _, b in rs):.3f}")
PY
rm -rf "$work"
