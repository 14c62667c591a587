#!/usr/bin/env bash
# The "same work" reference for a SQLite import: the sqlite3 shell loads exactly the rows a Tuopin import
# wrote (households, members, incomes, audit records) into a new database with the same schema — unique
# keys and summary triggers in place during the load, secondary indexes built after it, write-ahead log,
# the same page cache — in one transaction. No reading or checking of the source file, no audit texts or
# hashes computed: what SQLite itself needs to store what the import stores.
#
#   Benchmarks/same-work-sqlite.sh REGISTRY.sqlite WORKDIR [TABLES]   → prints "seconds peak_mb"
#
# TABLES (default: the registry import's four) names the tables whose rows are loaded, e.g. "work_logs" for
# the rows `tuopin import-logs` wrote (run it on a database that holds nothing else in those tables).
#
# Run it right after a first load into an empty registry (a second load adds update records).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 REGISTRY.sqlite WORKDIR [TABLES]" >&2; exit 2; }
db=$1 work=$2
tables=${3:-"households members household_incomes audit_events"}
rm -f "$work/same.sqlite" "$work/same.sqlite-wal" "$work/same.sql"
for t in $tables; do
  sqlite3 -csv "$db" "SELECT * FROM $t ORDER BY id" > "$work/same-$t.csv"
done
# The importer's page cache: 256 bytes per household, between 64 and 512 MB.
households=$(sqlite3 "$db" "SELECT COUNT(*) FROM households")
kib=$(( households / 4 )); kib=$(( kib < 65536 ? 65536 : kib > 524288 ? 524288 : kib ))
{
  echo "PRAGMA journal_mode = WAL;"
  echo "PRAGMA cache_size = -$kib;"
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger'"
  echo "BEGIN;"
  for t in $tables; do echo ".import --csv $work/same-$t.csv $t"; done
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
  echo "COMMIT;"
  echo "ANALYZE;"
} > "$work/same.sql"
/usr/bin/time -f "%e %M" -o "$work/same.time" sqlite3 -bail "$work/same.sqlite" < "$work/same.sql" >/dev/null
awk '{printf "%.2f %.0f", $1, $2/1024}' "$work/same.time"
rm -f "$work"/same-*.csv "$work/same.sql" "$work/same.time" "$work/same.sqlite" "$work/same.sqlite-wal" "$work/same.sqlite-shm"
