#!/usr/bin/env bash
# Renders the example plan's report.html (headless Chromium) and the Roster sheet of plan.xlsx
# (LibreOffice -> PDF -> PNG) into docs/, so a person can look at them.
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
# Page 6 is the Roster sheet; keep its top-left corner (names and the event's first hours).
pdftoppm -f 6 -l 6 -png -r 110 -x 0 -y 0 -W 1800 -H 900 -singlefile "$out/plan.pdf" docs/workbook-roster
rm -rf "$out"
echo "wrote docs/report.png and docs/workbook-roster.png"
