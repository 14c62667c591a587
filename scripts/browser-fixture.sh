#!/usr/bin/env bash
# A small county served for the browser tests and schemathesis: generate, import, villages and a plan,
# the responsibility chain (cadres, pairings, a year of logs), a payment list with a leak, one user of each role, an API token. Prints the server's PID and the token.
#   scripts/browser-fixture.sh BIN DIR PORT [DATABASE-URL]   (default: DIR/browser.sqlite; an empty PostgreSQL database works too)
set -euo pipefail
bin=$1 dir=$2 port=$3
password=${TUOPIN_BROWSER_PASSWORD:-browser-password-1}
db=${4:-"$dir/browser.sqlite"}
"$bin" generate "$dir/county.csv" --households 400 --seed 11 --villages "$dir/villages.csv" \
  --cadres "$dir/cadres.csv" --pairings "$dir/pairings.csv" --logs "$dir/logs.csv" >/dev/null 2>&1
# One data-quality fault (数据质量) for test 24: the first household's B-grade house marked as rebuilt.
first_household=$(sed -n 2p "$dir/county.csv" | cut -d, -f1)
awk -F, -v OFS=, -v h="$first_household" 'NR > 1 && $1 == h && ($16 == "A" || $16 == "B") { $17 = "是" } { print }' "$dir/county.csv" > "$dir/county.tmp"
mv "$dir/county.tmp" "$dir/county.csv"
"$bin" import "$dir/county.csv" --county 451224 --db "$db" >/dev/null 2>&1
"$bin" import-villages "$dir/villages.csv" --county 451224 --db "$db" >/dev/null 2>&1
"$bin" import-cadres "$dir/cadres.csv" --county 451224 --db "$db" >/dev/null 2>&1
"$bin" import-pairings "$dir/pairings.csv" --county 451224 --db "$db" >/dev/null 2>&1
"$bin" import-logs "$dir/logs.csv" --county 451224 --db "$db" >/dev/null 2>&1
# 到户资金: the first village's first member paid 产业奖补 twice in one month (a leak the browser tests verify).
first_village=$(sed -n 2p "$dir/county.csv" | cut -d, -f2)
person=$(awk -F, -v v="$first_village" 'NR > 1 && $2 == v { print $23 "," $22; exit }' "$dir/county.csv")
printf '证件号码,姓名,金额,发放日期\n%s,1500,2016-05-15\n%s,1500,2016-05-28\n' "$person" "$person" > "$dir/benefits.csv"
"$bin" import-benefits "$dir/benefits.csv" --policy industry --county 451224 --db "$db" >/dev/null 2>&1
# 信息比对: the same member on the deaths list (a flag the township verifies in the browser tests).
printf '证件号码,姓名,死亡日期\n%s,2016-03-02\n' "$person" > "$dir/deaths.csv"
"$bin" import-department "$dir/deaths.csv" --kind deaths --county 451224 --db "$db" >/dev/null 2>&1
add() { "$bin" user add "$1" --name "$2" --unit 测试单位 --role "$3" ${4:+--area "$4"} --password "$password" --db "$db" >/dev/null 2>&1; }
add admin 管理员 admin
add county 县扶贫办 county 451224
add township 东兰镇工作站 township 451224100
add village 村工作队 village "$(sed -n 2p "$dir/county.csv" | cut -d, -f2)"
add cadre 帮扶干部 cadre
add inspector 督查员 inspector 451224
add leader 县领导 leader 451224
add evaluator 评估员 evaluator
"$bin" user add api-client --name 接口 --unit 测试单位 --role county --area 451224 --password "$password" --db "$db" >/dev/null 2>&1
token=$("$bin" user token api-client --label schemathesis --db "$db" 2>/dev/null | grep -o 'tpn_[A-Za-z0-9_-]*')
"$bin" serve --db "$db" --port "$port" > "$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the server did not start:" >&2; cat "$dir/serve.log" >&2; exit 1; }
echo "$pid $token"
