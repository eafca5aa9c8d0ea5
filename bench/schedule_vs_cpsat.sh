#!/usr/bin/env bash
# Shift planning: shiftcast (HiGHS) vs the same model in OR-Tools CP-SAT vs pyworkforce's
# aggregate shift-count model, on three generated instances (fixed seeds):
#   week:  7 days x 30 min, 2 queues, 60 staff      (gap 0.001)
#   month: 28 days x 15 min, 3 queues, 300 staff    (gap 0.01)
#   alike: the month with all 300 people alike      (gap 0.01; no pyworkforce: same bound)
# Every tool gets 60 s and 2 workers (pyworkforce: gap 0, so its optimum is a true lower bound).
# Prints a Markdown table; also writes it to $1 if given.
#
#   bash bench/schedule_vs_cpsat.sh [table.md]
#
# Needs: cargo, python3 with venv, pip access to PyPI (ortools and pyworkforce go into a
# throw-away venv in a temp dir, removed at exit). Takes about 13 minutes on 2 cores.
set -euo pipefail
table_file="${1:+$(realpath -m "$1")}"
cd "$(dirname "$0")/.."
time_limit=60
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in bench/
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
res="$tmp/results"
mkdir -p "$res"

echo "== instances" >&2
python3 bench/schedule_instances.py "$tmp/inst"

echo "== cargo build --release" >&2
cargo build --release --quiet
bin=target/release/shiftcast

echo "== venv with ortools and pyworkforce" >&2
python3 -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check ortools \
    || echo "pip install ortools failed" >"$res/no-ortools"
"$py" -m pip install --quiet --disable-pip-version-check pyworkforce \
    || echo "pip install pyworkforce failed" >"$res/no-pyworkforce"
"$py" -m pip list --disable-pip-version-check 2>/dev/null \
    | grep -iE '^(ortools|pyworkforce) ' >"$res/versions" || true

# run NAME CMD...: wall seconds to NAME.secs, peak RSS (kB) to NAME.rss, stdout to NAME.out
run() {
    local name="$1"
    shift
    local t0 t1
    t0=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$res/$name.rss" "$@" >"$res/$name.out" 2>"$res/$name.err" \
            || echo "exit $?" >"$res/$name.failed"
    else
        "$@" >"$res/$name.out" 2>"$res/$name.err" || echo "exit $?" >"$res/$name.failed"
    fi
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.2f\n", $2 - $1}' >"$res/$name.secs"
}

for inst in week month alike; do
    gap=0.001
    [ "$inst" != week ] && gap=0.01
    scenario="$tmp/inst/$inst/scenario.toml"
    echo "== $inst: shiftcast" >&2
    run "$inst.shiftcast" "$bin" --quiet plan "$scenario" --out "$tmp/plan-$inst" \
        --time-limit "$time_limit" --gap "$gap"
    [ -f "$tmp/plan-$inst/summary.json" ] && cp "$tmp/plan-$inst/summary.json" "$res/$inst.summary.json"
    if [ ! -f "$res/no-ortools" ]; then
        echo "== $inst: CP-SAT" >&2
        run "$inst.cpsat" "$py" bench/schedule_cpsat.py "$scenario" "$gap" "$time_limit"
    fi
    # pyworkforce ignores who the staff are, so on 'alike' its bound is the month's
    if [ "$inst" != alike ] && [ ! -f "$res/no-ortools" ] && [ ! -f "$res/no-pyworkforce" ]; then
        echo "== $inst: pyworkforce" >&2
        # gap 0: its optimum is then a true lower bound on the named plan's objective
        run "$inst.pyworkforce" "$py" bench/schedule_pyworkforce.py "$scenario" 0 "$time_limit"
    fi
done

python3 bench/schedule_table.py "$res" "$tmp/inst" | tee "$tmp/table.md"
if [ -n "$table_file" ]; then
    cp "$tmp/table.md" "$table_file"
fi
