#!/usr/bin/env bash
# Registry benchmarks on a release build: generate, import (time and peak memory), export, exit test,
# the top area's summary, and with wrk the area summary page and its JSON under load — each beside a
# reference doing the same work bare: the sqlite3 shell's .import (raw load) and a GROUP BY over the bare
# table (aggregate from scratch), and the same database work done by the database's own shell (the rows
# the import wrote, loaded into the same schema: same-work-sqlite.sh, same-work-postgres.sh). With
# TUOPIN_BENCH_POSTGRES=1 also the import into a throwaway PostgreSQL cluster beside psql's \copy.
# Prints a table of figures.
#
#   Benchmarks/run.sh [HOUSEHOLDS]        (default 100000)
#   TUOPIN_BIN=path/to/tuopin Benchmarks/run.sh   (skip the build)
#   WRK_SECONDS=30 WRK_CONNECTIONS=64     (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if [ -z "${TUOPIN_BIN:-}" ]; then
  swift build -c release --product tuopin >&2
  TUOPIN_BIN=$(swift build -c release --show-bin-path)/tuopin
fi
for tool in sqlite3 bc wrk curl; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool; }; done
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${pgdir:-}" ] && scripts/postgres-throwaway.sh stop "$pgdir"; rm -rf "$work"; }
trap cleanup EXIT

. Benchmarks/lib.sh

gen=$(measure "$TUOPIN_BIN" generate "$work/county.csv" --households "$n" --seed 1)
rows=$(($(wc -l < "$work/county.csv") - 1))
imp=$(measure "$TUOPIN_BIN" import "$work/county.csv" --db "$work/bench.sqlite")
# Reference doing the same database work: sqlite3 loads the rows the import wrote, same schema.
samework=$(Benchmarks/same-work-sqlite.sh "$work/bench.sqlite" "$work")
reimp=$(measure "$TUOPIN_BIN" import "$work/county.csv" --db "$work/bench.sqlite")
exp=$(measure "$TUOPIN_BIN" export "$work/out.csv" --db "$work/bench.sqlite")
cmp -s "$work/county.csv" "$work/out.csv" && same="yes" || same="no"
# Reference: the sqlite3 shell's .import of the same rows into one bare table (no checks, no indexes).
tail -n +2 "$work/county.csv" > "$work/rows.csv"
cols=$(head -1 "$work/county.csv" | sed 's/^\xEF\xBB\xBF//' | awk -F, '{for(i=1;i<=NF;i++) printf "%sc%d TEXT", (i>1?",":""), i}')
ref=$(measure sqlite3 "$work/ref.sqlite" "CREATE TABLE t($cols);" ".mode csv" ".import $work/rows.csv t")

ev=$(measure "$TUOPIN_BIN" evaluate --year 2016 --format csv --output "$work/verdict.csv" --db "$work/bench.sqlite")
# The top area: the province of the generated county.
top=$(head -2 "$work/county.csv" | tail -1 | cut -d, -f2 | cut -c1-2)0000
summary_ms=$("$TUOPIN_BIN" summary --area "$top" --repeats 21 --db "$work/bench.sqlite" 2>&1 >/dev/null | grep -o 'query time: [0-9.]*' | grep -o '[0-9.]*$')
ref_group_ms=$( { /usr/bin/time -f "%e" sqlite3 "$work/ref.sqlite" "SELECT substr(c2,1,9), c8 = '', c3, COUNT(*) FROM t GROUP BY 1, 2, 3;" >/dev/null; } 2>&1 | awk '{printf "%.0f", $1*1000}')

# The area summary under load: a signed-in API token against the page's JSON and the page itself.
"$TUOPIN_BIN" user add bench --name 压测 --unit 县扶贫办 --role admin --password bench-password-1 --db "$work/bench.sqlite" >/dev/null
token=$("$TUOPIN_BIN" user token bench --label bench --db "$work/bench.sqlite" 2>/dev/null | grep -o 'tpn_[A-Za-z0-9_-]*' | head -1)
"$TUOPIN_BIN" serve --db "$work/bench.sqlite" --port 18181 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -sf http://127.0.0.1:18181/health >/dev/null && break; sleep 0.5; done
rss() { ps -o rss= -p "$server" | awk '{printf "%.0f", $1/1024}'; }
wrk_run() {  # wrk_run PATH → "requests/s p99_ms errors rss_before rss_after"
  local before after out
  before=$(rss)
  out=$(wrk -t2 -c"${WRK_CONNECTIONS:-64}" -d"${WRK_SECONDS:-30}"s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:18181$1")
  after=$(rss)
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}') $(echo "$out" | awk '/Non-2xx|Socket errors/ {e=1} END {print e ? "yes" : "none"}') $before $after"
}
json=$(wrk_run "/api/v1/areas/$top")
page=$(wrk_run "/areas/$top")

if [ "${TUOPIN_BENCH_POSTGRES:-0}" = 1 ]; then
  pgdir="$work/pg"
  pgurl=$(scripts/postgres-throwaway.sh start "$pgdir" 55500)
  pgimp=$(measure "$TUOPIN_BIN" import "$work/county.csv" --db "$pgurl")
  pgsame=$(Benchmarks/same-work-postgres.sh "$pgurl" "$work")
  psqlurl=${pgurl%/postgres}/postgres
  psql -q "$psqlurl" -c "CREATE TABLE t($cols)" >/dev/null
  pgref=$(measure psql -q "$psqlurl" -c "\\copy t FROM '$work/rows.csv' WITH (FORMAT csv)")
  pgsummary_ms=$("$TUOPIN_BIN" summary --area "$top" --repeats 21 --db "$pgurl" 2>&1 >/dev/null | grep -o 'query time: [0-9.]*' | grep -o '[0-9.]*$')
fi

printf '\nTuopin benchmark — %s households, %s rows, %s, %s\n\n' "$n" "$rows" "$(nproc) cores" "$(date -u +%Y-%m-%d)"
printf '| work | seconds | peak MB | rate |\n|---|---:|---:|---:|\n'
set -- $gen;   printf '| generate %s households (CSV) | %s | %s | %.0f households/s |\n' "$n" "$1" "$2" "$(per "$n" "$1")"
set -- $imp;   printf '| import into a new SQLite database | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
set -- $reimp; printf '| import the same file again (all updates) | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
set -- $exp;   printf '| export to CSV (identical to the input: %s) | %s | %s | %.0f rows/s |\n' "$same" "$1" "$2" "$(per "$rows" "$1")"
set -- $ref;   printf '| reference: sqlite3 .import into one bare table | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
set -- $samework; printf '| reference: sqlite3 loads the rows the import wrote (same schema and triggers, indexes after) | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
set -- $ev;    printf '| exit test of every household (evaluate, CSV) | %s | %s | %.0f households/s |\n' "$1" "$2" "$(per "$n" "$1")"
printf '| top-area summary (%s, summary table; median of 21) | %s ms | | |\n' "$top" "$summary_ms"
printf '| reference: GROUP BY over the bare table (aggregate from scratch) | %s ms | | |\n' "$ref_group_ms"
set -- $json;  printf '| wrk %s conns %ss: area summary JSON | p99 %s ms | RSS %s→%s MB | %s req/s, errors: %s |\n' "${WRK_CONNECTIONS:-64}" "${WRK_SECONDS:-30}" "$2" "$4" "$5" "$1" "$3"
set -- $page;  printf '| wrk %s conns %ss: area summary page (HTML) | p99 %s ms | RSS %s→%s MB | %s req/s, errors: %s |\n' "${WRK_CONNECTIONS:-64}" "${WRK_SECONDS:-30}" "$2" "$4" "$5" "$1" "$3"
if [ "${TUOPIN_BENCH_POSTGRES:-0}" = 1 ]; then
  set -- $pgimp; printf '| import into PostgreSQL (COPY) | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
  set -- $pgref; printf '| reference: psql \\copy into one bare table | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
  set -- $pgsame; printf '| reference: psql \\copy of the rows the import wrote (same schema; keys, indexes, triggers after) | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$rows" "$1")"
  printf '| top-area summary on PostgreSQL (median of 21) | %s ms | | |\n' "$pgsummary_ms"
fi
