#!/usr/bin/env bash
# The "same work" reference for a PostgreSQL import: psql copies exactly the rows a Tuopin import wrote
# (households, members, incomes, audit records, and the summary rows its triggers kept) into a new
# database made from the registry's own schema, in the usual bulk-load order and in one transaction:
# tables first, the rows by \copy, then keys, indexes, foreign keys and triggers, then ANALYZE. No reading
# or checking of the source file, no audit texts or hashes computed.
#
#   Benchmarks/same-work-postgres.sh DATABASE_URL WORKDIR   → prints "seconds peak_mb"
#
# DATABASE_URL is a registry right after a first load; a database tuopin_same is made beside it and dropped.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DATABASE_URL WORKDIR" >&2; exit 2; }
src=$1 work=$2
same=${src%/*}/tuopin_same
tables="households members household_incomes audit_events village_counts county_counts"
for t in $tables; do
  psql -q "$src" -c "\\copy (SELECT * FROM $t ORDER BY 1) TO '$work/same-$t.csv' WITH (FORMAT csv)"
done
pg_dump --schema-only --section=pre-data "$src" > "$work/same-pre.sql"
pg_dump --schema-only --section=post-data "$src" > "$work/same-post.sql"
psql -q "$src" -c "DROP DATABASE IF EXISTS tuopin_same" -c "CREATE DATABASE tuopin_same" >/dev/null 2>&1
psql -q "$same" -f "$work/same-pre.sql" >/dev/null
{
  for t in $tables; do echo "\\copy $t FROM '$work/same-$t.csv' WITH (FORMAT csv)"; done
  echo "SET LOCAL maintenance_work_mem = '512MB';"
  echo "\\i $work/same-post.sql"
  echo "ANALYZE;"
} > "$work/same-load.sql"
/usr/bin/time -f "%e %M" -o "$work/same.time" psql -q -1 -v ON_ERROR_STOP=1 "$same" -f "$work/same-load.sql" >/dev/null
awk '{printf "%.2f %.0f", $1, $2/1024}' "$work/same.time"
psql -q "$src" -c "DROP DATABASE tuopin_same" >/dev/null
rm -f "$work"/same-*.csv "$work"/same-*.sql "$work/same.time"
