#!/usr/bin/env bash
# Renders the example plan's report.html (headless Chromium) and three sheets of plan.xlsx
# (LibreOffice -> PDF -> PNG) into docs/, so a person can look at them: the hourly roster's
# top-left corner, the event day's sheet and the person x day roster, each as printed on A4.
#   usage: scripts/screenshots.sh [--lang zh|en]
# Installs chromium, libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk from Debian's
# packages if they are missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${2:-zh}
[ "${1:-}" = "--lang" ] || lang=zh
missing=()
for pkg in chromium libreoffice-calc-nogui poppler-utils fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get install -y -q "${missing[@]}" || { $sudo apt-get update -q && $sudo apt-get install -y -q "${missing[@]}"; }
fi
cargo build --release --quiet
out=$(mktemp -d)
target/release/shiftcast --quiet --lang "$lang" plan data/double11/scenario.toml --out "$out/plan" >/dev/null
mkdir -p docs
# --no-zygote and --disable-dev-shm-usage: without them headless Chromium hangs in a container
# (zygote messages fail and nothing is written); the timeout keeps a hang from stalling the script.
timeout 120 chromium --headless=new --no-sandbox --no-zygote --disable-gpu --disable-dev-shm-usage \
  --hide-scrollbars --window-size=1100,2600 \
  --screenshot="$PWD/docs/report.png" "file://$out/plan/report.html" 2>/dev/null
(cd "$out" && timeout 300 libreoffice --headless --convert-to \
  'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' plan/plan.xlsx >/dev/null 2>&1)
# Sheet by sheet, one page each: the Hourly roster sheet (按小时排班 in Chinese) is the third
# from last; keep its top-left corner (names and the event's first hours).
sheets=$(pdfinfo "$out/plan.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -f $((sheets - 2)) -l $((sheets - 2)) -png -r 110 -x 0 -y 0 -W 1800 -H 900 -singlefile \
  "$out/plan.pdf" docs/workbook-roster
# As printed (A4, each sheet's own page setup), into printed.pdf.
mkdir "$out/printed"
cp "$out/plan/plan.xlsx" "$out/printed/printed.xlsx"
(cd "$out/printed" && timeout 300 libreoffice --headless --convert-to pdf printed.xlsx >/dev/null 2>&1)
# The first printed page of sheet $1: the page whose footer (its last line) is the sheet's name
# and "page / pages".
first_page() {
  local pdf=$out/printed/printed.pdf pages i
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for i in $(seq 1 "$pages"); do
    if pdftotext -f "$i" -l "$i" -layout "$pdf" - | grep -v '^[[:space:]]*$' | tail -n 1 |
      grep -q "^[[:space:]]*$1[[:space:]]\+[0-9]\+ / [0-9]\+"; then
      echo "$i"
      return
    fi
  done
  echo "no printed page of sheet $1" >&2
  return 1
}
if [ "$lang" = zh ]; then day="11月11日 周三" week="排班表"; else day="11-11 Wed" week="Roster"; fi
page=$(first_page "$day")
pdftoppm -f "$page" -l "$page" -png -r 110 -singlefile "$out/printed/printed.pdf" docs/workbook-day
page=$(first_page "$week")
pdftoppm -f "$page" -l "$page" -png -r 110 -singlefile "$out/printed/printed.pdf" docs/workbook-week
rm -rf "$out"
echo "wrote docs/report.png, docs/workbook-roster.png, docs/workbook-day.png and docs/workbook-week.png"
