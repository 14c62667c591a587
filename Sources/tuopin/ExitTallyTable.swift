import TuopinDomain

/// The exit test's summary as a plain-text table, one line per township and a total.
enum ExitTallyTable {
    static func render(year: Int, reference: LocalDate, total: ExitTally, byTownship: [AreaCode: ExitTally], names: [AreaCode: String]) -> String {
        let items = total.shownItems
        var lines = ["\(year)年脱贫标准核验（参照日 \(reference)） / exit test for \(year), reference date \(reference)", ""]
        // Income apart: below the line, and not recorded for the year (a gap in the registry).
        let header = ["乡镇 township", "户数", "达标", "未达标"] + items.flatMap { $0 == .income ? ["收入低于标准", "收入未录入"] : ["缺\($0.shortLabel)"] }
        func cells(_ t: ExitTally) -> [String] {
            items.flatMap { $0 == .income ? ["\(t.incomeBelowLine)", "\(t.incomeUnrecorded)"] : ["\(t.missing[$0] ?? 0)"] }
        }
        var rows: [[String]] = []
        for code in byTownship.keys.sorted() {
            let t = byTownship[code]!
            rows.append(["\(code.prefix) \(names[code] ?? "")", "\(t.households)", "\(t.meeting)", "\(t.notMeeting)"] + cells(t))
        }
        rows.append(["合计 total", "\(total.households)", "\(total.meeting)", "\(total.notMeeting)"] + cells(total))
        lines.append(PlainTable.render([header] + rows))
        lines.append("")
        let only = items.flatMap { item -> [String] in
            if item == .income {
                return [total.onlyIncomeBelowLine > 0 ? "收入低于标准（income）\(total.onlyIncomeBelowLine) 户" : nil,
                        total.onlyIncomeUnrecorded > 0 ? "收入未录入（income）\(total.onlyIncomeUnrecorded) 户" : nil].compactMap { $0 }
            }
            return total.onlyMissing[item].map { ["\(item.label)（\(item.rawValue)）\($0) 户"] } ?? []
        }
        if !only.isEmpty { lines.append("仅差一项 / held back by one item only: " + only.joined(separator: "；")) }
        return lines.joined(separator: "\n") + "\n"
    }

}
