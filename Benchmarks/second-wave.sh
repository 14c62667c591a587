#!/usr/bin/env bash
# The second wave's benchmark (issues #15–#18) on a release build: a generated county of HOUSEHOLDS with two
# years of history and planted paper-exit traces; a department file (vehicles), a payment list (低保) and a
# problem list written from it (Benchmarks/second_wave_files.py); each import timed beside the sqlite3 shell
# loading the same rows into the same schema (same-work-sqlite.sh); `tuopin match`, `suspicions`, `leaks`,
# `quality` and `bulletin` over the whole county (3 runs, process start included); then, through the server,
# the county's problem board, the bulletin page, an unannounced draw (30 villages, 600 households), an
# evaluation's draw (25 villages), its rates, an evaluator's interview page and the funds overview over one project
# for every twenty households (Benchmarks/second_wave_funds.py; median of 11 where repeated).
# Prints a table of figures.
#
#   Benchmarks/second-wave.sh [HOUSEHOLDS]            (default 100000, one county of five real counties' size)
#   TUOPIN_BIN=path/to/tuopin Benchmarks/second-wave.sh   (skip the build)
#   TUOPIN_BENCH_KEEP=1 Benchmarks/second-wave.sh          (keep the database afterwards)
#   TUOPIN_BENCH_ONLY=imports Benchmarks/second-wave.sh    (stop after the two timed imports and their references)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if [ -z "${TUOPIN_BIN:-}" ]; then
  swift build -c release --product tuopin >&2
  TUOPIN_BIN=$(swift build -c release --show-bin-path)/tuopin
fi
for tool in sqlite3 bc curl; do command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool; }; done
work=$(mktemp -d)
server=""
# TUOPIN_BENCH_KEEP=1 keeps the generated database and files (their directory is printed) for profiling.
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  if [ "${TUOPIN_BENCH_KEEP:-0}" = 1 ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
. Benchmarks/lib.sh
runs() { local out=""; for _ in 1 2 3; do out="$out $(measure "$@" | cut -d' ' -f1)"; done; echo "$out"; }

db="$work/bench.sqlite"
year=2020 today=$(date +%F) month=$(date +%Y-%m)
gen=$(measure "$TUOPIN_BIN" generate "$work/county.csv" --households "$n" --seed 1 --year $year --from-year $((year - 1)) --with-fabrication \
  --villages "$work/villages.csv")
county=$(head -2 "$work/county.csv" | tail -1 | cut -d, -f2 | cut -c1-6)
"$TUOPIN_BIN" import "$work/county-$((year - 1)).csv" --db "$db" >/dev/null 2>&1
"$TUOPIN_BIN" import "$work/county.csv" --db "$db" >/dev/null 2>&1
"$TUOPIN_BIN" import-villages "$work/villages.csv" --db "$db" >/dev/null 2>&1
persons=$(sqlite3 "$db" "SELECT COUNT(*) FROM members")
python3 Benchmarks/second_wave_files.py "$work/county.csv" "$work" $year "$today"
vehicles=$(($(wc -l < "$work/vehicles.csv") - 1)); payments=$(($(wc -l < "$work/payments.csv") - 1)); problems=$(($(wc -l < "$work/problems.csv") - 1))

impd=$(measure "$TUOPIN_BIN" import-department "$work/vehicles.csv" --kind vehicles --county "$county" --db "$db")
samed=$(Benchmarks/same-work-sqlite.sh "$db" "$work" "department_records")
impb=$(measure "$TUOPIN_BIN" import-benefits "$work/payments.csv" --policy dibao --county "$county" --db "$db")
sameb=$(Benchmarks/same-work-sqlite.sh "$db" "$work" "benefits")
if [ "${TUOPIN_BENCH_ONLY:-}" = imports ]; then
  set -- $impd;  printf '| import-department vehicles | %s s | %s MB | %s rows |\n' "$1" "$2" "$vehicles"
  set -- $samed; printf '| reference: sqlite3 loads the same department_records rows | %s s | %s MB | |\n' "$1" "$2"
  set -- $impb;  printf '| import-benefits dibao | %s s | %s MB | %s rows |\n' "$1" "$2" "$payments"
  set -- $sameb; printf '| reference: sqlite3 loads the same benefits rows | %s s | %s MB | |\n' "$1" "$2"
  exit 0
fi
impp=$(measure "$TUOPIN_BIN" import-problems "$work/problems.csv" --county "$county" --db "$db")

match=$(runs "$TUOPIN_BIN" match --year $year --area "$county" --format csv --db "$db")
match_rows=$(("$("$TUOPIN_BIN" match --year $year --area "$county" --format csv --db "$db" 2>/dev/null | wc -l)" - 1))
susp=$(runs "$TUOPIN_BIN" suspicions --year $year --area "$county" --format csv --db "$db")
susp_rows=$(("$("$TUOPIN_BIN" suspicions --year $year --area "$county" --format csv --db "$db" 2>/dev/null | wc -l)" - 1))
leaks=$(runs "$TUOPIN_BIN" leaks --year $year --area "$county" --format csv --db "$db")
leak_rows=$(("$("$TUOPIN_BIN" leaks --year $year --area "$county" --format csv --db "$db" 2>/dev/null | wc -l)" - 1))
quality=$(runs "$TUOPIN_BIN" quality --area "$county" --format csv --db "$db")
bulletin=$(runs "$TUOPIN_BIN" bulletin --month "$month" --area "$county" --output "$work/bulletin.xlsx" --db "$db")

projects=$(python3 Benchmarks/second_wave_funds.py "$db" "$county" "$today" "$n")
"$TUOPIN_BIN" user add bench --name 压测 --unit 县扶贫办 --role admin --password bench-password-1 --db "$db" >/dev/null
"$TUOPIN_BIN" user add inspector --name 督查 --unit 县委督查室 --role inspector --area "$county" --password bench-password-1 --db "$db" >/dev/null
token=$("$TUOPIN_BIN" user token bench --label bench --db "$db" 2>/dev/null | grep -o 'tpn_[A-Za-z0-9_-]*' | head -1)
inspector=$("$TUOPIN_BIN" user token inspector --label bench --db "$db" 2>/dev/null | grep -o 'tpn_[A-Za-z0-9_-]*' | head -1)
"$TUOPIN_BIN" serve --db "$db" --port 18183 > "$work/serve.log" 2>&1 &
server=$!
base=http://127.0.0.1:18183
for _ in $(seq 60); do curl -sf $base/health >/dev/null && break; sleep 0.5; done
get() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$1"; }
median() { for _ in $(seq 11); do get "$1"; done | sort -n | sed -n 6p | awk '{printf "%.1f", $1 * 1000}'; }
post() { curl -s -o /dev/null -w '%{time_total} %{http_code} %{redirect_url}\n' -H "Authorization: Bearer ${as:-$token}" "${@:2}" "$base$1"; }
board=$(median "/problems?area=$county"); board_first=$(get "/problems?area=$county&overdue=1" | awk '{printf "%.1f", $1 * 1000}')
bulletin_page=$(median "/bulletin?month=$month&area=$county")
funds_page=$(median "/funds?area=$county"); funds_api=$(median "/api/v1/funds?area=$county")
as=$inspector
read -r _ _ loc < <(post /inspections --data-urlencode "kind=暗访" --data-urlencode "title=基准暗访" --data-urlencode "team=" \
  --data-urlencode "start=$today" --data-urlencode "end=$today" --data-urlencode "area=$county" --data-urlencode "method=")
inspection=$(echo "$loc" | grep -o '[0-9]*$')
read -r draw draw_code _ < <(post "/inspections/$inspection/draw" --data-urlencode "villages=30" --data-urlencode "households=600" --data-urlencode "seed=7")
as=""
read -r edraw edraw_code loc < <(post /evaluations --data-urlencode "kind=县级预评估" --data-urlencode "county=$county" --data-urlencode "year=$year" \
  --data-urlencode "title=基准评估" --data-urlencode "team=bench" --data-urlencode "seed=7" --data-urlencode "villages=25" \
  --data-urlencode "per_village=30,10,30" --data-urlencode "appeal_days=")
evaluation=$(echo "$loc" | grep -o '[0-9]*$')
rates=$(median "/api/v1/evaluations/$evaluation/rates")
first_sample=$(sqlite3 "$db" "SELECT number FROM evaluation_samples WHERE evaluation_id = $evaluation ORDER BY number LIMIT 1" 2>/dev/null || echo 1)
interview=$(median "/evaluations/$evaluation/interviews/${first_sample:-1}")
sample_size=$(sqlite3 "$db" "SELECT COUNT(*) FROM evaluation_samples WHERE evaluation_id = $evaluation" 2>/dev/null || echo "?")

# One verification each on the leaks queue and the matching queue (the first flag listed), beside the whole county's
# check (`leaks` and `match` above), which a decision used to run again.
first_key() { curl -s -H "Authorization: Bearer $token" "$base$1" | python3 -c '
import html, re, sys
m = re.search(r"name=\"key\" value=\"([^\"]*)\"", sys.stdin.read())
print(html.unescape(m.group(1)) if m else "")'; }
leak_key=$(first_key "/leaks?year=$year&area=$county")
read -r leak_decide leak_decide_code _ < <(post /leaks/decide --data-urlencode "year=$year" --data-urlencode "area=$county" \
  --data-urlencode "key=$leak_key" --data-urlencode "outcome=保留" --data-urlencode "reason=基准：核实无误，保留")
match_key=$(first_key "/match?year=$year&area=$county")
read -r match_decide match_decide_code _ < <(post /match/decide --data-urlencode "year=$year" --data-urlencode "area=$county" \
  --data-urlencode "key=$match_key" --data-urlencode "outcome=不属实" --data-urlencode "reason=基准：核实不属实")

ms() { echo "$1 * 1000" | bc -l | xargs printf '%.1f'; }
printf '\nTuopin second-wave benchmark — %s households, %s persons, %s cores, %s\n\n' "$n" "$persons" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf '| work | seconds or ms | peak MB | rate or size |\n|---|---:|---:|---:|\n'
set -- $gen;   printf '| generate the county (two years, planted traces) | %s s | %s | |\n' "$1" "$2"
set -- $impd;  printf '| import-department vehicles | %s s | %s | %.0f rows/s (%s rows) |\n' "$1" "$2" "$(per "$vehicles" "$1")" "$vehicles"
set -- $samed; printf '| reference: sqlite3 loads the department_records rows the import wrote | %s s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$vehicles" "$1")"
set -- $impb;  printf '| import-benefits dibao | %s s | %s | %.0f rows/s (%s rows) |\n' "$1" "$2" "$(per "$payments" "$1")" "$payments"
set -- $sameb; printf '| reference: sqlite3 loads the benefits rows the import wrote | %s s | %s | %.0f rows/s |\n' "$1" "$2" "$(per "$payments" "$1")"
set -- $impp;  printf '| import-problems | %s s | %s | %s problems |\n' "$1" "$2" "$problems"
printf '| match --year %s (whole county; 3 runs) | %s s | | %s flags |\n' "$year" "$match" "$match_rows"
printf '| suspicions --year %s (3 runs) | %s s | | %s suspicions |\n' "$year" "$susp" "$susp_rows"
printf '| leaks --year %s (3 runs) | %s s | | %s flags |\n' "$year" "$leaks" "$leak_rows"
printf '| quality (3 runs) | %s s | | |\n' "$quality"
printf '| funds overview page /funds (median of 11) | %s ms | | %s projects, one allocation each |\n' "$funds_page" "$projects"
printf '| funds overview /api/v1/funds (median of 11) | %s ms | | |\n' "$funds_api"
printf '| bulletin --month %s (XLSX; 3 runs) | %s s | | |\n' "$month" "$bulletin"
printf '| problem board /problems?area=%s: median of 11; overdue only, first view | %s ms; %s ms | | |\n' "$county" "$board" "$board_first"
printf '| bulletin page /bulletin?month=%s: median of 11 | %s ms | | |\n' "$month" "$bulletin_page"
printf '| unannounced draw, 30 villages, 600 households (POST, HTTP %s) | %s ms | | |\n' "$draw_code" "$(ms "$draw")"
printf '| evaluation created with its draw, 25 villages (POST, HTTP %s) | %s ms | | %s sampled |\n' "$edraw_code" "$(ms "$edraw")" "$sample_size"
printf '| evaluation rates /api/v1/evaluations/%s/rates: median of 11 | %s ms | | |\n' "$evaluation" "$rates"
printf '| evaluator interview page: median of 11 | %s ms | | |\n' "$interview"
printf '| one leak verified, /leaks/decide (POST, HTTP %s) | %s ms | | the whole check: leaks above |\n' "$leak_decide_code" "$(ms "$leak_decide")"
printf '| one department flag verified, /match/decide (POST, HTTP %s) | %s ms | | the whole check: match above |\n' "$match_decide_code" "$(ms "$match_decide")"
