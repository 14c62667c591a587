#!/usr/bin/env bash
# The responsibility chain's benchmark (issue #14) on a release build: a generated county of HOUSEHOLDS with
# its cadres, pairings and a year of work logs; the three imports, each timed, the logs beside the sqlite3
# shell loading the same rows into the same schema (same-work-sqlite.sh); the duty table of the whole county
# for one month; one cadre's monthly page (我的帮扶); and logging a visit (POST /my/logs) while wrk reads the
# county's summary JSON, with the 95th percentile. Prints a table of figures.
#
#   Benchmarks/responsibility.sh [HOUSEHOLDS]        (default 100000: about 25,000 cadres, 1.5 million logs)
#   TUOPIN_BIN=path/to/tuopin Benchmarks/responsibility.sh   (skip the build)
#   VISITS=200 WRK_SECONDS=30 WRK_CONNECTIONS=64   (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
visits=${VISITS:-200}
if [ -z "${TUOPIN_BIN:-}" ]; then
  swift build -c release --product tuopin >&2
  TUOPIN_BIN=$(swift build -c release --show-bin-path)/tuopin
fi
for tool in sqlite3 bc wrk curl; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool; }; done
work=$(mktemp -d)
server="" reader=""
cleanup() { for p in $server $reader; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

. Benchmarks/lib.sh
db="$work/bench.sqlite"
gen=$(measure "$TUOPIN_BIN" generate "$work/county.csv" --households "$n" --seed 1 --villages "$work/villages.csv" \
  --cadres "$work/cadres.csv" --pairings "$work/pairings.csv" --logs "$work/logs.csv")
county=$(head -2 "$work/county.csv" | tail -1 | cut -d, -f2 | cut -c1-6)
"$TUOPIN_BIN" import "$work/county.csv" --db "$db" >/dev/null 2>&1
"$TUOPIN_BIN" import-villages "$work/villages.csv" --db "$db" >/dev/null 2>&1
cadres=$(($(wc -l < "$work/cadres.csv") - 1)); pairs=$(($(wc -l < "$work/pairings.csv") - 1)); logs=$(($(wc -l < "$work/logs.csv") - 1))
impc=$(measure "$TUOPIN_BIN" import-cadres "$work/cadres.csv" --county "$county" --db "$db")
impp=$(measure "$TUOPIN_BIN" import-pairings "$work/pairings.csv" --county "$county" --db "$db")
impl=$(measure "$TUOPIN_BIN" import-logs "$work/logs.csv" --county "$county" --db "$db")
# Reference doing the same database work: sqlite3 loads the work_logs rows the import wrote, same schema.
samework=$(Benchmarks/same-work-sqlite.sh "$db" "$work" work_logs)

duty_runs=""
for _ in 1 2 3; do
  duty_runs="$duty_runs $(measure "$TUOPIN_BIN" duty --period 2016-07 --area "$county" --format csv --db "$db" | cut -d' ' -f1)"
done
duty_rows=$("$TUOPIN_BIN" duty --period 2016-07 --area "$county" --format csv --db "$db" 2>/dev/null | wc -l)

# The cadre account the generated file names ("cadre") and an office account for the reads under load.
"$TUOPIN_BIN" user add cadre --name 帮扶干部 --unit 帮扶责任人 --role cadre --password bench-password-1 --db "$db" >/dev/null
"$TUOPIN_BIN" user add bench --name 压测 --unit 县扶贫办 --role admin --password bench-password-1 --db "$db" >/dev/null
token() { "$TUOPIN_BIN" user token "$1" --label bench --db "$db" 2>/dev/null | grep -o 'tpn_[A-Za-z0-9_-]*' | head -1; }
cadre_token=$(token cadre); office_token=$(token bench)
household=$(sqlite3 "$db" "SELECT p.household_id FROM pairings p JOIN cadres c ON c.id = p.cadre_id WHERE c.username = 'cadre' LIMIT 1")
"$TUOPIN_BIN" serve --db "$db" --port 18182 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 60); do curl -sf http://127.0.0.1:18182/health >/dev/null && break; sleep 0.5; done
base=http://127.0.0.1:18182
# One cadre's monthly page: the first request, then the median of 21.
page() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $cadre_token" "$base/my?period=2016-07"; }
page_first=$(page)
page_median=$(for _ in $(seq 21); do page; done | sort -n | sed -n 11p)
page_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $cadre_token" "$base/my?period=2016-07")

# Logging visits while wrk reads the county's summary JSON.
wrk -t2 -c"${WRK_CONNECTIONS:-64}" -d"${WRK_SECONDS:-30}"s --latency -H "Authorization: Bearer $office_token" "$base/api/v1/areas/$county" > "$work/wrk.txt" &
reader=$!
sleep 2
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM work_logs")
for i in $(seq "$visits"); do
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "Authorization: Bearer $cadre_token" \
    --data-urlencode "date=2016-07-15" --data-urlencode "kind=走访" --data-urlencode "household=$household" \
    --data-urlencode "content=入户走访 $i" --data-urlencode "householdSaid=" --data-urlencode "problems=" --data-urlencode "measures=" \
    --data-urlencode "village=" --data-urlencode "approvedBy=" "$base/my/logs"
done > "$work/visits.txt"
wait "$reader" || true; reader=""
after=$(sqlite3 "$db" "SELECT COUNT(*) FROM work_logs")
p95=$(awk '{print $1}' "$work/visits.txt" | sort -n | awk -v n="$visits" '{v[NR]=$1} END {i=int(n*0.95); if (i<1) i=1; printf "%.1f", v[i]*1000}')
p50=$(awk '{print $1}' "$work/visits.txt" | sort -n | awk -v n="$visits" '{v[NR]=$1} END {i=int(n*0.5); if (i<1) i=1; printf "%.1f", v[i]*1000}')
codes=$(awk '{print $2}' "$work/visits.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")

printf '\nTuopin responsibility benchmark — %s households, %s cadre rows, %s pairings, %s logs, %s cores, %s\n\n' \
  "$n" "$cadres" "$pairs" "$logs" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf '| work | seconds | peak MB | rate |\n|---|---:|---:|---:|\n'
set -- $gen;  printf '| generate the county with cadres, pairings and logs | %s | %s | |\n' "$1" "$2"
set -- $impc; printf '| import-cadres | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$cadres" "$1")"
set -- $impp; printf '| import-pairings | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$pairs" "$1")"
set -- $impl; printf '| import-logs | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$logs" "$1")"
set -- $samework; printf '| reference: sqlite3 loads the work_logs rows the import wrote (same schema, indexes after) | %s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$logs" "$1")"
printf '| duty --period 2016-07 --area %s (the whole county, %s rows; 3 runs, process start included) |%s | | |\n' "$county" "$((duty_rows - 1))" "$duty_runs"
printf '| cadre page /my?period=2016-07 (HTTP %s): first, median of 21 | %.1f ms, %.1f ms | | |\n' "$page_status" "$(echo "$page_first * 1000" | bc -l)" "$(echo "$page_median * 1000" | bc -l)"
printf '| log a visit (POST /my/logs) ×%s while wrk %s conns reads /api/v1/areas/%s (%s req/s) | p50 %s ms, p95 %s ms | | %s; logs %s→%s |\n' \
  "$visits" "${WRK_CONNECTIONS:-64}" "$county" "$rps" "$p50" "$p95" "$codes" "$before" "$after"
