import Foundation
import TuopinDomain
import TuopinStore

/// 督查通报 — a month's bulletin for an area, generated from the data: problems found and closed in the month,
/// those not closed at its end and of them the overdue, by the area's parts and by unit; the worst cases named;
/// the accountability actions of the month. The same content prints on A4 and goes to XLSX.
extension SupervisionService {
    public struct Bulletin: Sendable {
        public var month: DutyPeriod
        public var area: AreaCode?
        public var areaName: String
        public var total: ProblemStore.MonthCounts
        public var byPart: [ProblemStore.MonthCounts]
        public var byUnit: [ProblemStore.MonthCounts]
        public var worst: [Problem]
        public var accountability: [Accountability]
        public var areaNames: [AreaCode: String]
        /// 月工作清单: the month's tasks issued, done in the month, open at its end and overdue (all units together).
        public var tasks = ProblemStore.MonthCounts(key: "")

        /// 一、总体情况 in one sentence.
        public var summary: String {
            "\(month.description)，\(areaName)新发现问题 \(total.found) 个，销号 \(total.closed) 个；月末未销号 \(total.open) 个，其中逾期 \(total.overdue) 个；"
                + "问责 \(accountability.filter { $0.action != .commend }.count) 起，表彰 \(accountability.filter { $0.action == .commend }.count) 起。"
                + (tasks.found + tasks.open == 0 ? "" : "月工作清单下达任务 \(tasks.found) 项，完成 \(tasks.closed) 项，月末未完成 \(tasks.open) 项，其中逾期 \(tasks.overdue) 项。")
        }

        /// The bulletin as rows (the XLSX and CSV): 部分, 名称, 本月发现, 本月销号, 月末未销号, 其中逾期, 说明.
        public var rows: [[String]] {
            var out = [["部分", "名称", "本月发现", "本月销号", "月末未销号", "其中逾期", "说明"]]
            func line(_ part: String, _ name: String, _ c: ProblemStore.MonthCounts, _ note: String = "") -> [String] {
                [part, name, String(c.found), String(c.closed), String(c.open), String(c.overdue), note]
            }
            out.append(line("总体情况", areaName, total, summary))
            if tasks.found + tasks.open > 0 { out.append(line("月工作清单", "任务（下达、完成、未完成、逾期）", tasks)) }
            out += byPart.map { line("分区划", AreaCode.padded($0.key).flatMap { areaNames[$0] } ?? $0.key, $0) }
            out += byUnit.map { line("分责任单位", $0.key.isEmpty ? "（待认领）" : $0.key, $0) }
            out += worst.map { p in
                ["典型问题", "问题 \(p.id!.rawValue)", "", "", "", "", "\(areaNames[p.area] ?? p.area.value)：\(p.description)（\(p.unit.isEmpty ? "待认领" : p.unit)，期限 \(p.deadline)）"]
            }
            out += accountability.map { a in
                ["问责情况", a.action.rawValue, "", "", "", "", "\(a.date) \(a.unit)\(a.person.isEmpty ? "" : " \(a.person)")：\(a.basis.rawValue)；\(a.note)"]
            }
            return out
        }
    }

    public static func bulletin(month: DutyPeriod, area requested: AreaCode?, in ctx: ServiceContext) async throws -> Bulletin {
        try ctx.user.require(.readRegistry)
        guard month.length == .month else { throw Refused(.invalid, "通报按月生成，请给出月份，如 2016-08", "a bulletin is for a month, e.g. 2016-08", field: "month") }
        let area = try ctx.area(requested)
        let byPart = try await ProblemStore.month(under: area, from: month.first, to: month.last, byUnit: false, on: ctx.db)
        let byUnit = try await ProblemStore.month(under: area, from: month.first, to: month.last, byUnit: true, on: ctx.db)
        var total = ProblemStore.MonthCounts(key: "")
        for c in byPart { total.found += c.found; total.closed += c.closed; total.open += c.open; total.overdue += c.overdue }
        let worst = try await ProblemStore.worst(under: area, at: month.last, limit: 10, on: ctx.db)
        let accountability = try await AccountabilityStore.list(area: area, from: month.first, to: month.last, on: ctx.db)
        let codes = byPart.compactMap { AreaCode.padded($0.key) } + worst.map(\.area) + (area.map { [$0] } ?? [])
        let names = try await AreaStore.names(of: Array(Set(codes)), on: ctx.db)
        var bulletin = Bulletin(month: month, area: area, areaName: area.flatMap { names[$0] } ?? "全辖区", total: total, byPart: byPart, byUnit: byUnit,
                                worst: worst, accountability: accountability, areaNames: names)
        for c in try await ProblemStore.month(under: area, from: month.first, to: month.last, byUnit: true, tasks: true, on: ctx.db) {
            bulletin.tasks.found += c.found; bulletin.tasks.closed += c.closed; bulletin.tasks.open += c.open; bulletin.tasks.overdue += c.overdue
        }
        return bulletin
    }
}
