# Sourced by the planning benches (`source bench/planning_setup.sh "$@"`): strict mode, $1 as
# the table file to write ($table_file), the bench instances of bench/schedule_instances.py in
# $tmp/inst (a temporary folder removed on exit), a release build run from the repository, and
# the binaries to run as name:path in $binaries: "this", after "base" when $2 names a second
# shiftcast binary (e.g. one built from an older commit).
set -euo pipefail
table_file="${1:+$(realpath -m "$1")}"
base="${2:+$(realpath "$2")}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PYTHONDONTWRITEBYTECODE=1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 bench/schedule_instances.py "$tmp/inst"
cargo build --release --quiet
binaries=("this:target/release/shiftcast")
if [ -n "$base" ]; then
    binaries=("base:$base" "${binaries[@]}")
fi
