#!/usr/bin/env bash
# Registry benchmarks on a release build: generate, import (time and peak memory), export, and a
# reference load of the same CSV by the sqlite3 command line. Prints a table of figures.
#
#   Benchmarks/run.sh [HOUSEHOLDS]        (default 100000)
#   TUOPIN_BIN=path/to/tuopin Benchmarks/run.sh   (skip the build)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if [ -z "${TUOPIN_BIN:-}" ]; then
  swift build -c release --product tuopin >&2
  TUOPIN_BIN=$(swift build -c release --show-bin-path)/tuopin
fi
for tool in sqlite3 bc; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # measure LABEL COMMAND... → prints "seconds peak_mb"
  local out
  out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$work/err"; } 2>&1 || true)
  tail -1 "$work/err" | awk '{printf "%.2f %.0f", $1, $2/1024}'
}

gen=$(measure "$TUOPIN_BIN" generate "$work/county.csv" --households "$n" --seed 1)
rows=$(($(wc -l < "$work/county.csv") - 1))
imp=$(measure "$TUOPIN_BIN" import "$work/county.csv" --db "$work/bench.sqlite")
reimp=$(measure "$TUOPIN_BIN" import "$work/county.csv" --db "$work/bench.sqlite")
exp=$(measure "$TUOPIN_BIN" export "$work/out.csv" --db "$work/bench.sqlite")
cmp -s "$work/county.csv" "$work/out.csv" && same="yes" || same="no"
# Reference: the sqlite3 shell's .import of the same rows into one bare table (no checks, no indexes).
tail -n +2 "$work/county.csv" > "$work/rows.csv"
cols=$(head -1 "$work/county.csv" | sed 's/^\xEF\xBB\xBF//' | awk -F, '{for(i=1;i<=NF;i++) printf "%sc%d TEXT", (i>1?",":""), i}')
ref=$(measure sqlite3 "$work/ref.sqlite" "CREATE TABLE t($cols);" ".mode csv" ".import $work/rows.csv t")

printf '\nTuopin benchmark — %s households, %s rows, %s, %s\n\n' "$n" "$rows" "$(nproc) cores" "$(date -u +%Y-%m-%d)"
printf '| work | seconds | peak MB | rate |\n|---|---:|---:|---:|\n'
set -- $gen;   printf '| generate %s households (CSV) | %s | %s | %.0f households/s |\n' "$n" "$1" "$2" "$(echo "$n / $1" | bc -l)"
set -- $imp;   printf '| import into a new SQLite database | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(echo "$rows / $1" | bc -l)"
set -- $reimp; printf '| import the same file again (all updates) | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(echo "$rows / $1" | bc -l)"
set -- $exp;   printf '| export to CSV (identical to the input: %s) | %s | %s | %.0f rows/s |\n' "$same" "$1" "$2" "$(echo "$rows / $1" | bc -l)"
set -- $ref;   printf '| reference: sqlite3 .import into one bare table | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(echo "$rows / $1" | bc -l)"
