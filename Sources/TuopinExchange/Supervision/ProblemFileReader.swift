import Foundation
import TuopinDomain

/// 问题清单文件 (docs/SUPERVISION.md) — a list of problems handed down (by the prefecture, an audit, a
/// third-party evaluation) or exported by `tuopin problems --format csv`: CSV or XLSX through the registry
/// import's reader. Each row is checked on its own here (source, area code, check item, severity, dates, text);
/// what needs the database (the area, the unit, the person, the households) is checked by the service. A file
/// with any fault gives no rows. 编号, 状态 and 销号日期 of an exported list are read past: an imported
/// problem starts its own loop.
public enum ProblemFileReader {
    public struct Entry: Sendable, Hashable {
        public var row: Int
        public var source: ProblemSource
        public var area: AreaCode
        public var unit: String
        /// 责任人: a cadre's mobile number or name, as the file gives it (empty: none named).
        public var owner: String
        public var category: String
        public var description: String
        public var severity: ProblemSeverity
        public var found: LocalDate
        public var deadline: LocalDate?
        public var householdNumbers: [String]
    }

    public struct Result: Sendable {
        public var entries: [Entry]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    static let table = NamedColumnTable(columns: [
        .init("来源", "source", required: true), .init("区划代码", "area_code", required: true), .init("责任单位", "unit", required: false),
        .init("责任人", "owner", required: false), .init("类别", "category", required: true), .init("问题描述", "description", required: true),
        .init("严重程度", "severity", required: false), .init("发现日期", "found", required: true), .init("整改期限", "deadline", required: false),
        .init("涉及户编号", "household_numbers", required: false),
    ])

    /// The columns a file written for import has, in order.
    public static let header = table.columns.map(\.name)

    public static func read(_ url: URL, checkItems: [String], today: LocalDate) -> Result {
        let read = table.read(url) { row in entry(&row, checkItems: checkItems, today: today) }
        return Result(entries: read.values, issues: read.issues)
    }

    static func entry(_ row: inout NamedColumnTable.Row, checkItems: [String], today: LocalDate) -> Entry? {
        let sourceText = row.cell("来源")
        let source = ProblemSource.parse(sourceText)
        if source == nil { row.fail("来源", sourceText, "应为 \(ProblemSource.allCases.map(\.rawValue).joined(separator: "、")) / unknown source") }
        let areaText = row.cell("区划代码")
        let area = AreaCode(areaText)
        if area == nil || area!.level < .county { row.fail("区划代码", areaText, "应为县、乡镇或村的区划代码 / must be a county, township or village code") }
        let categoryText = row.cell("类别")
        if !checkItems.contains(categoryText) {
            row.fail("类别", categoryText, "不是督查规则中的检查项目（\(checkItems.joined(separator: "、"))） / not a check item of the supervision rules")
        }
        let description = ResponsibilityCells.text(&row, "问题描述", required: true, freeText: true, max: 1000)
        if let d = description, d.count < 4 { row.fail("问题描述", d, "至少4字 / at least 4 characters") }
        let severityText = row.cell("严重程度")
        let severity = severityText.isEmpty ? .minor : ProblemSeverity.parse(severityText)
        if severity == nil { row.fail("严重程度", severityText, "应为 一般、较重 或 严重 / must be 一般, 较重 or 严重") }
        var found = ResponsibilityCells.date(&row, "发现日期", today: today, required: true) ?? nil
        if let f = found, f > today { row.fail("发现日期", f.description, "晚于今天 / after today"); found = nil }
        let deadlineText = row.cell("整改期限")
        var deadline = ResponsibilityCells.date(&row, "整改期限", today: today.adding(days: 366), required: false)
        if let d = deadline ?? nil, let f = found, d <= f { row.fail("整改期限", deadlineText, "应晚于发现日期 / must be after the date found"); deadline = nil }
        let unit = ResponsibilityCells.text(&row, "责任单位", required: false, max: 60)
        let owner = ResponsibilityCells.text(&row, "责任人", required: false, max: 40)
        let numbers = row.cell("涉及户编号").split(whereSeparator: { " ,，、;；".contains($0) }).map(String.init)
        guard row.isClean, let source, let area, let description, let severity, let found, let deadline, let unit, let owner else { return nil }
        return Entry(row: row.number, source: source, area: area, unit: unit, owner: owner, category: categoryText, description: description,
                     severity: severity, found: found, deadline: deadline, householdNumbers: numbers)
    }
}
