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

    /// Columns by Chinese name and English key.
    static let columns: [(name: String, key: String, required: Bool)] = [
        ("村代码", "village_code", true), ("村名", "name", false), ("户籍人口", "registered_population", true),
        ("贫困村", "poor_village", true), ("出列年度", "exit_year", false),
    ]

    public static func read(_ url: URL, county: AreaCode? = nil) -> Result {
        do {
            switch url.pathExtension.lowercased() {
            case "csv", "txt":
                var source = try CSVRowReader(url: url)
                return read(&source, county: county)
            case "xlsx":
                var source = try XLSXRowReader(url: url, sheet: nil)
                return read(&source, county: county)
            default: throw FileFault.unsupported(url.pathExtension)
            }
        } catch let fault as FileFault {
            return Result(villages: [], issues: [ImportIssue(row: fault.row, column: "", value: "", severity: .error, message: fault.message)])
        } catch {
            return Result(villages: [], issues: [ImportIssue(row: nil, column: "", value: "", severity: .error,
                                                             message: "无法读取文件：\(error) / cannot read the file: \(error)")])
        }
    }

    public static func read(_ source: inout some RowSource, county: AreaCode?) -> Result {
        var issues: [ImportIssue] = []
        var positions: [String: Int]?
        var villages: [VillageProfile] = []
        var seen: [AreaCode: Int] = [:]
        func fail(_ row: Int?, _ column: String, _ value: String, _ message: String) {
            issues.append(ImportIssue(row: row, column: column, value: value, severity: .error, message: message))
        }
        do {
            while let row = try source.nextRow() {
                guard let map = positions else {
                    let cells = row.cells.map { $0.trimmedCell.replacingOccurrences(of: "\u{FEFF}", with: "") }
                    var found: [String: Int] = [:]
                    for (i, c) in cells.enumerated() {
                        if let col = columns.first(where: { $0.name == c || $0.key == c }) { found[col.name] = i }
                    }
                    guard found.count >= 2 else { continue }  // title rows above the header
                    for col in columns where col.required && found[col.name] == nil {
                        fail(nil, col.name, "", "缺少必填列“\(col.name)” / the required column \(col.name) (\(col.key)) is missing")
                    }
                    if issues.isEmpty { positions = found } else { return Result(villages: [], issues: issues) }
                    continue
                }
                if row.isBlank { continue }
                func cell(_ name: String) -> String {
                    guard let i = map[name], i < row.cells.count else { return "" }
                    return row.cells[i].trimmedCell
                }
                let before = issues.count
                let codeText = cell("村代码")
                let code = AreaCode(codeText)
                if code == nil || code?.level != .village {
                    fail(row.number, "村代码", codeText, "应为12位村级区划代码 / must be a 12-digit village code")
                } else if let county, !county.contains(code!) {
                    fail(row.number, "村代码", codeText, "不在本县（\(county.countyPart)）内 / not under county \(county.countyPart)")
                } else if let first = seen[code!] {
                    fail(row.number, "村代码", codeText, "与第\(first)行重复 / repeats row \(first)")
                }
                let popText = cell("户籍人口").replacingOccurrences(of: ",", with: "")
                let population = Int(popText)
                if population == nil || population! <= 0 || population! > 1_000_000 {
                    fail(row.number, "户籍人口", popText, "应为正整数 / must be a positive whole number")
                }
                let poorText = cell("贫困村")
                let poor = YesNo.parse(poorText)
                if poor == nil { fail(row.number, "贫困村", poorText, "应为“是”或“否” / must be 是 or 否") }
                let exitText = cell("出列年度")
                var exitYear: Int?
                if !exitText.isEmpty {
                    exitYear = Int(exitText)
                    if exitYear == nil || !(2014...2030).contains(exitYear!) {
                        fail(row.number, "出列年度", exitText, "应为2014–2030年的年份或留空 / must be a year 2014–2030 or blank")
                    } else if poor == false {
                        fail(row.number, "出列年度", exitText, "非贫困村不应有出列年度 / only a poor village has an exit year")
                    }
                }
                guard issues.count == before, let code, let population, let poor else { continue }
                seen[code] = row.number
                let name = cell("村名")
                villages.append(VillageProfile(code: code, name: name.isEmpty ? nil : name, registeredPopulation: population,
                                               isPoorVillage: poor, exitYear: exitYear))
            }
        } catch let fault as FileFault {
            fail(fault.row, "", "", fault.message)
        } catch {
            fail(nil, "", "", "无法读取文件：\(error) / cannot read the file: \(error)")
        }
        if positions == nil && issues.isEmpty {
            fail(nil, "", "", "没有找到表头（村代码、户籍人口、贫困村） / no header row (村代码, 户籍人口, 贫困村) was found")
        }
        return Result(villages: issues.isEmpty ? villages : [], issues: issues)
    }
}
