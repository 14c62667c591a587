#!/usr/bin/env bash
# End-to-end smoke test of a built program: generate a small county, import it, add a user, evaluate,
# load villages and a plan, verify the audit trail, serve it, then probe /health, sign in as a browser does
# and open a page or two.   scripts/smoke-test.sh BIN WORKDIR
set -euo pipefail
bin=$1 work=$2
mkdir -p "$work"
server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
"$bin" generate "$work/county.csv" --households 500 --seed 3
"$bin" audit anchor-key "$work/anchor.key" > "$work/public.key"
"$bin" import "$work/county.csv" --county 451224 --db "$work/ci.sqlite" --anchor-key "$work/anchor.key" --anchor-log "$work/anchors.log"
"$bin" user add ci-user --name 测试 --unit 县扶贫办 --role county --area 451224 --password ci-password-1 --db "$work/ci.sqlite"
"$bin" evaluate --year 2016 --format csv --output "$work/verdict.csv" --db "$work/ci.sqlite"
head -1 "$work/verdict.csv" | grep -q '^户编号,结论,未达标项' || { echo "verdict file header wrong"; head -3 "$work/verdict.csv"; exit 1; }
[ "$(($(wc -l < "$work/verdict.csv") - 1))" = 500 ] || { echo "verdict file should have 500 rows"; exit 1; }
printf '村代码,村名,户籍人口,贫困村,出列年度\r\n451224100201,示范村,2000,是,2019\r\n' > "$work/villages.csv"
"$bin" import-villages "$work/villages.csv" --county 451224 --db "$work/ci.sqlite"
# Probes write to a file and grep the file: `cmd | grep -q` under pipefail fails whenever grep exits
# before the writer's last write (SIGPIPE, curl exit 23) — a race that depends on page size and load.
"$bin" villages --year 2016 --area 451224100201 --format csv --db "$work/ci.sqlite" > "$work/villages.out"
grep -q '^451224100201,示范村,是,2019' "$work/villages.out" || { echo "villages probe failed"; cat "$work/villages.out"; exit 1; }
printf '区划代码,年度,计划脱贫户数,计划脱贫人数\r\n451224,2016,100,350\r\n' > "$work/targets.csv"
"$bin" import-targets "$work/targets.csv" --county 451224 --db "$work/ci.sqlite"
"$bin" targets --year 2016 --format csv --db "$work/ci.sqlite" > "$work/targets.out"
grep -q '^451224,东兰县,100,0,0%,350,' "$work/targets.out" || { echo "targets probe failed"; cat "$work/targets.out"; exit 1; }
"$bin" audit verify --db "$work/ci.sqlite" --registry --anchors "$work/anchors.log" --anchor-key "$work/anchor.key"
# A status changed behind the application's back is named, and verify exits 1.
cp "$work/ci.sqlite" "$work/tampered.sqlite"
sqlite3 "$work/tampered.sqlite" "UPDATE households SET exit_year = 2016, status = '脱贫' WHERE id = 7"
if "$bin" audit verify --db "$work/tampered.sqlite" --registry > "$work/tampered.out"; then echo "tampering not found"; exit 1; fi
grep -q 'id 7 ' "$work/tampered.out" || { echo "tampered household not named"; cat "$work/tampered.out"; exit 1; }
"$bin" serve --db "$work/ci.sqlite" --port 18080 > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do
  curl -sf http://127.0.0.1:18080/health > "$work/health.json" && break
  sleep 0.2
done
grep -q '"households":500' "$work/health.json" || { echo "health probe failed"; cat "$work/health.json" "$work/serve.log"; exit 1; }
# Sign in as a browser does: open the form (its cookie and token), then post it with them.
curl -sf -c "$work/jar" -o "$work/login.html" http://127.0.0.1:18080/login
token=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | sed 's/.*value="//; s/"$//')
curl -sf -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "_csrf=$token" -d 'username=ci-user&password=ci-password-1' http://127.0.0.1:18080/login
probe() {  # probe PATH TEXT NAME: the page answers 200 and contains TEXT
  local status
  status=$(curl -s -b "$work/jar" -o "$work/page.html" -w '%{http_code}' "http://127.0.0.1:18080$1") || status="no answer"
  if [ "$status" != 200 ] || ! grep -q "$2" "$work/page.html"; then
    echo "$3 probe failed: GET $1 answered $status"; head -c 2000 "$work/page.html"; echo; tail -20 "$work/serve.log"; exit 1
  fi
}
probe /areas/451224000000 '东兰县' "area page"
probe /standards '一超六有' "standards page"
echo "smoke test: generate → import → user add → evaluate → import-villages → villages → import-targets → targets → audit verify --registry --anchors (and a tampered copy) → serve → /health, sign-in, /areas/451224000000 and /standards passed"
