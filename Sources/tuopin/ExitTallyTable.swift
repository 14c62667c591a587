import TuopinDomain

/// The exit test's summary as a plain-text table, one line per township and a total.
enum ExitTallyTable {
    static func render(year: Int, reference: LocalDate, total: ExitTally, byTownship: [AreaCode: ExitTally], names: [AreaCode: String]) -> String {
        let items = total.shownItems
        var lines = ["\(year)年脱贫标准核验（参照日 \(reference)） / exit test for \(year), reference date \(reference)", ""]
        let header = ["乡镇 township", "户数", "达标", "未达标"] + items.map { "缺\($0.shortLabel)" }
        var rows: [[String]] = []
        for code in byTownship.keys.sorted() {
            let t = byTownship[code]!
            rows.append(["\(code.prefix) \(names[code] ?? "")", "\(t.households)", "\(t.meeting)", "\(t.notMeeting)"] + items.map { "\(t.missing[$0] ?? 0)" })
        }
        rows.append(["合计 total", "\(total.households)", "\(total.meeting)", "\(total.notMeeting)"] + items.map { "\(total.missing[$0] ?? 0)" })
        lines.append(PlainTable.render([header] + rows))
        lines.append("")
        let only = items.compactMap { item in total.onlyMissing[item].map { "\(item.label)（\(item.rawValue)）\($0) 户" } }
        if !only.isEmpty { lines.append("仅差一项 / held back by one item only: " + only.joined(separator: "；")) }
        return lines.joined(separator: "\n") + "\n"
    }

}
