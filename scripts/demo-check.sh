#!/usr/bin/env bash
# The README's demo command, checked end to end on a small county: `tuopin demo` builds the demo (registry,
# chain, supervision, funds, department files, roster, pre-evaluation and the planted paper exits) and serves it;
# the check waits for it to serve, signs in, and asks the command line for what the demo must show.
# Usage: scripts/demo-check.sh TUOPIN_BINARY WORK_DIR [PORT]
set -euo pipefail
bin=$1 work=$2 port=${3:-18095}
mkdir -p "$work"
db="$work/demo.sqlite"
(cd "$work" && exec "$bin" demo --db "$db" --households "${TUOPIN_DEMO_CHECK_HOUSEHOLDS:-1500}" --port "$port") > "$work/demo.log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "Tuopin 已启动" "$work/demo.log" && break
  kill -0 $demo 2>/dev/null || { echo "demo check: the demo stopped before serving:"; cat "$work/demo.log"; exit 1; }
  sleep 1
done
grep -q "Tuopin 已启动" "$work/demo.log" || { echo "demo check: the demo did not serve within 10 minutes"; cat "$work/demo.log"; exit 1; }
fail() { echo "demo check: $1"; cat "$work/demo.log"; exit 1; }
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || fail "/health did not answer"
password=$(sed -n "s|.*密码均为 / password for all: ||p" "$work/demo.log")
[ -n "$password" ] || fail "the demo printed no admin password"
curl -sf -c "$work/jar" -o "$work/login.html" "http://127.0.0.1:$port/login"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" -c "$work/jar" --data-urlencode "_csrf=$csrf" --data-urlencode "username=admin" \
  --data-urlencode "password=$password" "http://127.0.0.1:$port/login")
[ "$status" = 303 ] || fail "admin could not sign in with the printed password (HTTP $status)"
county=$(sqlite3 "$db" "SELECT substr(village_code, 1, 6) FROM households LIMIT 1")
patterns=$("$bin" suspicions --year 2020 --area "$county" --db "$db" --format csv | cut -d, -f2 | sort -u)
for p in 收入刚过线 收入数字雷同 未达标即退出 评估前突击改数 脱贫公告后改数; do
  grep -qx "$p" <<<"$patterns" || fail "the demo's suspicions list no $p (found: $(tr '\n' ' ' <<<"$patterns"))"
done
rules=$("$bin" match --year 2020 --area "$county" --db "$db" --format csv | wc -l)
[ "$rules" -gt 1 ] || fail "the demo's department files gave no matching flag"
kin=$(sed -n "s|.*干部亲属领取 / a cadre's household paid: 户 \([0-9]*\).*|\1|p" "$work/demo.log")
[ -n "$kin" ] || fail "the demo planted no cadre's household among the paid"
"$bin" leaks --year 2020 --area "$county" --db "$db" --format csv | grep "^$kin," | grep -q 公职人员或其亲属领取 \
  || fail "the leak check does not flag household $kin, whose member is a cadre"
echo "demo check: demo served; admin signed in; suspicions list $(grep -c . <<<"$patterns") patterns; match lists $((rules - 1)) flags"
