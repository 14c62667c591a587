import TuopinDomain

/// The 挂图作战 table: one row per area — planned against done, and of the households not yet exited,
/// those that meet the standard and those that do not, with what they miss. The command line prints
/// it as text or CSV; the web page renders the same cells.
public enum TargetProgressTable {
    public static let header = ["区划代码", "区划名称", "计划脱贫户数", "已脱贫户数", "户数完成率", "计划脱贫人数", "已脱贫人数",
                                "计划出列村数", "已出列村数", "计划摘帽年度", "达标待退出户", "未达标户", "未达标项（户，其中仅差此项）", "研判"]

    /// The cells of one area's row; `name` is the area's name.
    public static func row(_ p: TargetProgress, name: String) -> [String] {
        let t = p.target
        return [p.area.prefix, name, t.map { String($0.households) } ?? "", String(p.exitedHouseholds), p.householdRate?.description ?? "",
                t.map { String($0.persons) } ?? "", String(p.exitedPersons), t?.villages.map(String.init) ?? "",
                String(p.exitedVillages), t?.countyExitYear.map(String.init) ?? "", String(p.meetingNotExited), String(p.notMeeting), missing(p.pending), p.outlook]
    }

    /// "住房 312（仅此 200）；收入低于标准 45（仅此 20）；收入未录入 3" — the missing items, most frequent first;
    /// a household below the line and one whose income is not recorded are counted apart.
    public static func missing(_ tally: ExitTally) -> String {
        var parts: [(label: String, count: Int, only: Int)] = tally.missing.filter { $0.key != .income }.map { item, n in
            ("缺\(item.shortLabel)", n, tally.onlyMissing[item] ?? 0)
        }
        if tally.incomeBelowLine > 0 { parts.append(("收入低于标准", tally.incomeBelowLine, tally.onlyIncomeBelowLine)) }
        if tally.incomeUnrecorded > 0 { parts.append(("收入未录入", tally.incomeUnrecorded, tally.onlyIncomeUnrecorded)) }
        return parts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }.map { p in
            "\(p.label) \(p.count)" + (p.only > 0 ? "（仅此 \(p.only)）" : "")
        }.joined(separator: "；")
    }
}
