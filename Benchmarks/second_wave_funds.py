#!/usr/bin/env python3
"""Funds at scale for the second-wave benchmark (issue #16: 50,000 projects at province size): one project for every
twenty households of the county, each given one allocation from one of nine sources and up to three reimbursements,
written straight into the database (the schema of migrations 0017–0018), spread over the county's townships.

    second_wave_funds.py DB COUNTY TODAY HOUSEHOLDS   → prints the number of projects written
"""
import datetime
import random
import sqlite3
import sys

db, county, today, households = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3]), int(sys.argv[4])
con = sqlite3.connect(db)
townships = [r[0] for r in con.execute(
    "SELECT DISTINCT substr(village_code, 1, 9) || '000' FROM households WHERE village_code LIKE ? ORDER BY 1", (county + "%",))]
villages = [r[0] for r in con.execute("SELECT DISTINCT village_code FROM households WHERE village_code LIKE ? ORDER BY 1", (county + "%",))]
kinds = ["中央财政专项", "省级财政专项", "市级财政专项", "县级财政专项", "整合涉农资金", "东西部协作", "定点帮扶", "社会帮扶", "信贷资金"]
rng = random.Random(16)
code = county + "000000"
year = today.year
sources = []
for i, kind in enumerate(kinds):
    cur = con.execute("INSERT INTO fund_sources (kind, document, title, issued_on, amount_fen, county_code) VALUES (?, ?, ?, ?, ?, ?)",
                      (kind, f"基准〔{year}〕{households}-{i + 1}号", f"{year}年{kind}（基准）", f"{year}-01-15", 10 ** 14, code))
    sources.append(cur.lastrowid)
count = max(1, households // 20)
for n in range(count):
    village = villages[n % len(villages)]
    township = village[:9] + "000"
    planned = rng.randrange(10_000, 2_000_000) * 100
    start = today - datetime.timedelta(days=rng.randrange(30, 330))
    cur = con.execute(
        "INSERT INTO projects (name, category, nature, proposer, county_code, area_code, villages, unit, tasks, planned_fen, funding, plan_year, "
        "start_on, end_on, households, beneficiaries, targets, mechanism, stage) VALUES (?, '产业发展', '新建', '村申报', ?, ?, ?, ?, '基准任务', ?, "
        "'整合涉农资金', ?, ?, ?, '', 10, '带动贫困户增收', '务工、分红', '实施')",
        (f"基准项目{n + 1}", code, village, village, township + "乡镇人民政府", planned, year, start.isoformat(),
         (start + datetime.timedelta(days=200)).isoformat()))
    project = cur.lastrowid
    allocated = start - datetime.timedelta(days=rng.randrange(0, 30))
    cur = con.execute("INSERT INTO fund_allocations (source_id, area_code, project_id, amount_fen, allocated_on, unit) VALUES (?, ?, ?, ?, ?, ?)",
                      (sources[n % len(sources)], township, project, planned, allocated.isoformat(), township + "乡镇人民政府"))
    allocation = cur.lastrowid
    for k in range(rng.randrange(0, 4)):
        day = allocated + datetime.timedelta(days=rng.randrange(1, max(2, (today - allocated).days)))
        con.execute("INSERT INTO reimbursements (allocation_id, project_id, amount_fen, applied_on, voucher, level) VALUES (?, ?, ?, ?, ?, '乡镇报账')",
                    (allocation, project, planned // 5, day.isoformat(), f"记-{n}-{k}"))
con.execute("UPDATE fund_allocations SET reimbursed_fen = COALESCE((SELECT SUM(r.amount_fen) FROM reimbursements r WHERE r.allocation_id = fund_allocations.id), 0), "
            "last_reimbursed_on = (SELECT MAX(r.applied_on) FROM reimbursements r WHERE r.allocation_id = fund_allocations.id)")
con.commit()
print(count)
