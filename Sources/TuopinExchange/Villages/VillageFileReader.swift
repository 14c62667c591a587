import Foundation
import TuopinDomain

/// Reads a village file (docs/VILLAGES.md): 村代码, 村名, 户籍人口, 贫困村, 出列年度 — CSV (UTF-8 or GB18030)
/// or XLSX. Every fault is reported with its row and column; any error means nothing is loaded.
public enum VillageFileReader {
    public struct Result: Sendable {
        public var villages: [VillageProfile]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    static let table = NamedColumnTable(columns: [
        .init("村代码", "village_code", required: true), .init("村名", "name", required: false),
        .init("户籍人口", "registered_population", required: true), .init("贫困村", "poor_village", required: true),
        .init("出列年度", "exit_year", required: false),
    ])

    public static func read(_ url: URL, county: AreaCode? = nil) -> Result {
        var seen: [AreaCode: Int] = [:]
        let read = table.read(url) { row in profile(&row, county: county, seen: &seen) }
        return Result(villages: read.values, issues: read.issues)
    }

    public static func read(_ source: inout some RowSource, county: AreaCode?) -> Result {
        var seen: [AreaCode: Int] = [:]
        let read = table.read(&source) { row in profile(&row, county: county, seen: &seen) }
        return Result(villages: read.values, issues: read.issues)
    }

    private static func profile(_ row: inout NamedColumnTable.Row, county: AreaCode?, seen: inout [AreaCode: Int]) -> VillageProfile? {
        let codeText = row.cell("村代码")
        let code = AreaCode(codeText)
        if code == nil || code?.level != .village {
            row.fail("村代码", codeText, "应为12位村级区划代码 / must be a 12-digit village code")
        } else if let county, !county.contains(code!) {
            row.fail("村代码", codeText, "不在本县（\(county.countyPart)）内 / not under county \(county.countyPart)")
        } else if let first = seen[code!] {
            row.fail("村代码", codeText, "与第\(first)行重复 / repeats row \(first)")
        }
        let popText = row.cell("户籍人口").replacingOccurrences(of: ",", with: "")
        let population = Int(popText)
        if population == nil || population! <= 0 || population! > 1_000_000 {
            row.fail("户籍人口", popText, "应为正整数 / must be a positive whole number")
        }
        let poorText = row.cell("贫困村")
        let poor = YesNo.parse(poorText)
        if poor == nil { row.fail("贫困村", poorText, "应为“是”或“否” / must be 是 or 否") }
        let exitText = row.cell("出列年度")
        var exitYear: Int?
        if !exitText.isEmpty {
            exitYear = Int(exitText)
            if exitYear == nil || !(2014...2030).contains(exitYear!) {
                row.fail("出列年度", exitText, "应为2014–2030年的年份或留空 / must be a year 2014–2030 or blank")
            } else if poor == false {
                row.fail("出列年度", exitText, "非贫困村不应有出列年度 / only a poor village has an exit year")
            }
        }
        guard row.isClean, let code, let population, let poor else { return nil }
        seen[code] = row.number
        let name = row.cell("村名")
        return VillageProfile(code: code, name: name.isEmpty ? nil : name, registeredPopulation: population,
                              isPoorVillage: poor, exitYear: exitYear)
    }
}
