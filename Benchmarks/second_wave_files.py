#!/usr/bin/env python3
"""Input files for Benchmarks/second-wave.sh, derived from a generated registry CSV (not what is measured):

  vehicles.csv   a 公安交管 department file: one row for every other registered person (about 1.75 rows per
                 household), most of them production vehicles, one in fifty a car worth more than 30,000 yuan
  payments.csv   a 低保 payment list: one payment a quarter to every fourth person (about 3.5 rows per household)
  problems.csv   a problem list: one problem for every five households (the issue's 200,000 a year for a
                 province of 1,000,000), found over the last 120 days, spread over the villages

usage: second_wave_files.py REGISTRY.csv OUTDIR YEAR TODAY
"""
import csv, datetime, random, sys

registry, out, year, today = sys.argv[1], sys.argv[2], int(sys.argv[3]), datetime.date.fromisoformat(sys.argv[4])
rnd = random.Random(1)
persons, villages = [], []
with open(registry, encoding="utf-8-sig", newline="") as f:
    rows = csv.reader(f)
    head = next(rows)
    i_id, i_name, i_village = head.index("证件号码"), head.index("姓名"), head.index("村代码")
    seen = set()
    for r in rows:
        persons.append((r[i_id], r[i_name]))
        if r[i_village] not in seen:
            seen.add(r[i_village])
            villages.append(r[i_village])

with open(f"{out}/vehicles.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["证件号码", "姓名", "号牌号码", "车辆类型", "登记日期", "估值"])
    for n, (pid, name) in enumerate(persons[::2]):
        car = n % 50 == 0
        w.writerow([pid, name, f"桂M{n:06d}", "小型轿车" if car else rnd.choice(["普通二轮摩托车", "三轮汽车", "拖拉机", "低速货车"]),
                    f"{year - 1}-{1 + n % 12:02d}-{1 + n % 28:02d}", 68000 if car else 4000 + n % 9000])

with open(f"{out}/payments.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["证件号码", "姓名", "金额", "发放日期"])
    for pid, name in persons[::4]:
        for month in (3, 6, 9, 12):
            w.writerow([pid, name, 900, f"{year}-{month:02d}-15"])

items = ["查责任落实", "查精准识别", "查精准退出", "查帮扶措施", "查资金使用", "查项目建设", "查政策落实", "查作风纪律"]
with open(f"{out}/problems.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["来源", "区划代码", "责任单位", "责任人", "类别", "问题描述", "严重程度", "发现日期", "整改期限", "涉及户编号"])
    for n in range(max(1, len(persons) // 17)):
        found = today - datetime.timedelta(days=n % 120)
        w.writerow([rnd.choice(["暗访", "明察", "自查", "上级督查"]), villages[n % len(villages)], "", "", items[n % len(items)],
                    f"基准测试问题{n}：帮扶手册填写与实际不符", rnd.choice(["一般", "较重", "严重"]), found.isoformat(), "", ""])
