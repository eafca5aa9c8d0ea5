#!/usr/bin/env bash
# The shift design benchmark (issue 16): each instance of the DBAI "Shift Design" data sets
# (Musliu, Schaerf and Slany) planned by `shiftcast plan` (a cyclic week, [requirements], hired
# part-timers only; bench/shift_design.py writes the folders) and solved by HiGHS on a direct
# model of the same problem (examples/shift_design_direct.rs: a variable per shift, a row per
# slot with demand), side by side in one run: the two processes alternate, REPEATS times each
# (default 5). The table gives both models' sizes (shiftcast's from HiGHS's log), the median
# wall time of each whole process (reading, model building, solve, and for shiftcast its
# roster and every plan file, each run into a new folder) and of its model building and solve
# (shiftcast's `plan --json` `solver_seconds`, the direct model's own timer), the ratios, and
# both optima. Gap 0 for both, so both prove their
# optimum. Also writes the table to $2 if given.
#
#   bash bench/shift_design.sh DZN_DIR [table.md] [REPEATS]
#
# DZN_DIR holds the instances in their MiniZinc form (RandomExample*.dzn: `interval`, `days`,
# `demand`, `minStart`, `maxStart`, `minLength`, `maxLength`), e.g. instances/DataSet*/ of the
# public copy github.com/Stieguu/Bounded-Minimum-Shift-Design-Constraint-Programming.
# Needs: cargo, python3 (standard library).
set -euo pipefail
dzn_dir="$(realpath "$1")"
table_file="${2:+$(realpath -m "$2")}"
repeats="${3:-5}"
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mapfile -t instances < <(find "$dzn_dir" -name '*.dzn' | sort -V)
python3 bench/shift_design.py "${instances[@]}" "$tmp/inst" >/dev/null
cargo build --release --quiet
cargo build --release --quiet --example shift_design_direct
python3 - "$tmp" "$repeats" <<'PY' | tee "$tmp/table.md"
import json, os, re, statistics, subprocess, sys, time
from pathlib import Path

tmp, repeats = Path(sys.argv[1]), int(sys.argv[2])
shiftcast, direct = "target/release/shiftcast", "target/release/examples/shift_design_direct"


def timed(cmd, env=None):
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - t0, done


def plan(folder, out, log=False):
    env = dict(os.environ, SHIFTCAST_SOLVER_LOG="1") if log else None
    return timed([shiftcast, "--quiet", "plan", str(folder / "scenario.toml"), "--out", str(out),
                  "--json"], env)


def number(name):
    return int(re.sub(r"\D", "", name) or 0)


print("| instance | slot (min) | shiftcast rows / columns / nonzeros | direct rows / columns / "
      "nonzeros | process: shiftcast s | direct s | ratio | model + solve: shiftcast s "
      "| direct s | ratio | shiftcast cost | direct optimum |")
print("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
ratios = {"process": [], "model": []}
totals = [0.0] * 4
for folder in sorted((tmp / "inst").iterdir(), key=lambda p: number(p.name)):
    out = tmp / f"plan-{folder.name}"
    _, logged = plan(folder, out, log=True)
    size = re.search(r"has (\d+) rows; (\d+) cols; (\d+) nonzeros", logged.stderr)
    ours = " / ".join(f"{int(x):,}" for x in size.groups())
    runs = {"ours": [], "theirs": [], "ours_model": [], "theirs_model": []}
    for k in range(repeats):  # alternating, so both see the same load on the machine
        seconds, done = plan(folder, tmp / f"plan-{folder.name}-{k}")
        summary = json.loads(done.stdout)
        runs["ours"].append(seconds)
        runs["ours_model"].append(summary["solver_seconds"])
        seconds, answer = timed([direct, str(folder)])
        d = dict(kv.split("=") for kv in answer.stdout.split())
        runs["theirs"].append(seconds)
        runs["theirs_model"].append(float(d["seconds"]))
    a, b, c, e = (statistics.median(runs[k]) for k in runs)
    ratios["process"].append(a / b)
    ratios["model"].append(c / e)
    totals = [t + x for t, x in zip(totals, (a, b, c, e))]
    cost = summary["total_cost"]
    same = not summary["shortfall_agent_hours"] and abs(cost - float(d["optimum"])) < 1e-6
    slot = re.search(r"interval_minutes = (\d+)", (folder / "scenario.toml").read_text())[1]
    print(f"| {folder.name} | {slot} | {ours} | {int(d['rows']):,} / {int(d['columns']):,} / "
          f"{int(d['nonzeros']):,} | {a:.3f} | {b:.3f} | {a / b:.2f} | {c:.3f} | {e:.3f} "
          f"| {c / e:.2f} | {cost:,.0f}{'' if same else ' (differs)'} "
          f"| {float(d['optimum']):,.0f} |")
a, b, c, e = totals
print(f"| all | | | | {a:.2f} | {b:.2f} | {a / b:.2f} | {c:.2f} | {e:.2f} | {c / e:.2f} | | |")
for what, rs in ratios.items():
    print(f"\n{what} time ratio per instance: median {statistics.median(rs):.2f}, "
          f"best {min(rs):.2f}, worst {max(rs):.2f}.")
PY
if [ -n "$table_file" ]; then
    cp "$tmp/table.md" "$table_file"
fi
