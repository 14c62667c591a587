#!/usr/bin/env bash
# Checks that LibreOffice opens an XLSX written by `tuopin export` and sees exactly the cells of the
# CSV export (IDs as text, formula-like text not run). Needs libreoffice-calc-nogui; not part of CI
# (the package is large), run it after changes to the XLSX writer.
#   scripts/check-xlsx-libreoffice.sh path/to/tuopin
set -euo pipefail
bin=${1:?usage: $0 path/to/tuopin}
command -v soffice >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" generate "$work/county.csv" --households 300 --seed 5 2>/dev/null
python3 - "$work/county.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
rows[1][21] = "=1+2"; rows[2][21] = "@SUM(1,2)"
csv.writer(open(sys.argv[1], 'w', encoding='utf-8', newline='')).writerows(rows)
PY
"$bin" import "$work/county.csv" --db "$work/x.sqlite" >/dev/null 2>&1
"$bin" export "$work/out.xlsx" --db "$work/x.sqlite" 2>/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/lo" "$work/out.xlsx" >/dev/null 2>&1
python3 - "$work/county.csv" "$work/lo/out.csv" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
b = list(csv.reader(open(sys.argv[2], encoding='utf-8')))
assert a == b, [(i, x, y) for i, (x, y) in enumerate(zip(a, b)) if x != y][:3]
print(f"LibreOffice read {len(b) - 1} rows identical to the source, formulas kept as text")
PY
