import Foundation
import TuopinDomain

/// Reads a targets file (docs/TARGETS.md): 区划代码, 年度, 计划脱贫户数, 计划脱贫人数, 计划出列村数,
/// 计划摘帽年度 — CSV or XLSX. Every fault names its row and column; any error loads nothing.
public enum TargetFileReader {
    public struct Result: Sendable {
        public var targets: [ExitTarget]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    static let table = NamedColumnTable(columns: [
        .init("区划代码", "area_code", required: true), .init("年度", "year", required: true),
        .init("计划脱贫户数", "households", required: true), .init("计划脱贫人数", "persons", required: true),
        .init("计划出列村数", "villages", required: false), .init("计划摘帽年度", "county_exit_year", required: false),
    ])

    static let years = 2014...2030

    public static func read(_ url: URL, county: AreaCode? = nil) -> Result {
        var seen: [String: Int] = [:]
        let read = table.read(url) { row in target(&row, county: county, seen: &seen) }
        return Result(targets: read.values, issues: read.issues)
    }

    public static func read(_ source: inout some RowSource, county: AreaCode? = nil) -> Result {
        var seen: [String: Int] = [:]
        let read = table.read(&source) { row in target(&row, county: county, seen: &seen) }
        return Result(targets: read.values, issues: read.issues)
    }

    private static func target(_ row: inout NamedColumnTable.Row, county: AreaCode?, seen: inout [String: Int]) -> ExitTarget? {
        let codeText = row.cell("区划代码")
        var code = AreaCode(codeText)
        if let c = code, ![.county, .township, .village].contains(c.level) {
            code = nil
        }
        if code == nil {
            row.fail("区划代码", codeText, "应为6位县、9位乡镇或12位村级区划代码 / must be a 6-digit county, 9-digit township or 12-digit village code")
        } else if let county, !county.contains(code!) {
            row.fail("区划代码", codeText, "不在本县（\(county.countyPart)）内 / not under county \(county.countyPart)")
        }
        let yearText = row.cell("年度")
        let year = Int(yearText)
        if year == nil || !years.contains(year!) {
            row.fail("年度", yearText, "应为2014–2030年的年份 / must be a year 2014–2030")
        }
        if let code, let year, row.isClean {
            let key = "\(code.value)/\(year)"
            if let first = seen[key] {
                row.fail("区划代码", codeText, "与第\(first)行重复（同一区划同一年度） / repeats row \(first) (same area and year)")
            } else {
                seen[key] = row.number
            }
        }
        let households = count(&row, "计划脱贫户数", required: true)
        let persons = count(&row, "计划脱贫人数", required: true)
        if let h = households, let p = persons, p < h {
            row.fail("计划脱贫人数", String(p), "少于计划脱贫户数\(h)：每户至少一人 / fewer than the \(h) households planned: each has at least one person")
        }
        let villages = count(&row, "计划出列村数", required: false)
        if let v = villages, v > 1, code?.level == .village {
            row.fail("计划出列村数", String(v), "村级计划的出列村数只能为0或1 / a village's own plan can exit at most 1 village")
        }
        let exitText = row.cell("计划摘帽年度")
        var countyExit: Int?
        if !exitText.isEmpty {
            countyExit = Int(exitText)
            if countyExit == nil || !years.contains(countyExit!) {
                row.fail("计划摘帽年度", exitText, "应为2014–2030年的年份或留空 / must be a year 2014–2030 or blank")
            } else if code != nil && code?.level != .county {
                row.fail("计划摘帽年度", exitText, "只有县级行填写摘帽年度 / only a county's row has an exit year")
            }
        }
        guard row.isClean, let code, let year, let households, let persons else { return nil }
        return ExitTarget(area: code, year: year, households: households, persons: persons, villages: villages, countyExitYear: countyExit)
    }

    private static func count(_ row: inout NamedColumnTable.Row, _ column: String, required: Bool) -> Int? {
        let text = row.cell(column).replacingOccurrences(of: ",", with: "")
        if text.isEmpty {
            if required { row.fail(column, text, "必填 / required") }
            return nil
        }
        guard let n = Int(text), n >= 0, n <= 10_000_000 else {
            row.fail(column, text, "应为不小于0的整数 / must be a whole number, 0 or more")
            return nil
        }
        return n
    }
}
