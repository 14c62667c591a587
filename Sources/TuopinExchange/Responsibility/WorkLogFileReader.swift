import Foundation
import TuopinDomain

/// Reads a work-log file (docs/RESPONSIBILITY.md): 干部电话, 日期, 类别, 村代码, 户编号, 住村, 工作内容,
/// 群众反映, 发现问题, 商定措施, 批准人. The service matches cadres and households, by row.
public enum WorkLogFileReader {
    public struct Entry: Sendable {
        public var row: Int
        public var phone: String
        public var date: LocalDate
        public var kind: WorkLog.Kind
        public var village: AreaCode
        public var householdNumber: String?
        public var stayedNight: Bool
        public var content: String
        public var householdSaid: String
        public var problems: String
        public var measures: String
        public var approvedBy: String
    }

    public struct Result: Sendable {
        public var entries: [Entry]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    static let table = NamedColumnTable(columns: [
        .init("干部电话", "phone", required: true), .init("日期", "date", required: true), .init("类别", "kind", required: true),
        .init("村代码", "village_code", required: true), .init("户编号", "household_no", required: false), .init("住村", "stayed_night", required: false),
        .init("工作内容", "content", required: false), .init("群众反映", "household_said", required: false),
        .init("发现问题", "problems", required: false), .init("商定措施", "measures", required: false), .init("批准人", "approved_by", required: false),
    ])

    public static let header = table.columns.map(\.name)

    public static func read(_ url: URL, county: AreaCode?, today: LocalDate) -> Result {
        let read = table.read(url) { row in entry(&row, county: county, today: today) }
        return Result(entries: read.values, issues: read.issues)
    }

    static func entry(_ row: inout NamedColumnTable.Row, county: AreaCode?, today: LocalDate) -> Entry? {
        let phone = ResponsibilityCells.phone(&row, "干部电话")
        let dateText = row.cell("日期")
        var date = ResponsibilityCells.date(&row, "日期", today: today, required: true) ?? nil
        if let d = date, d > today {
            row.fail("日期", dateText, "晚于今天 \(today)：日志只记已做的工作 / after today: a log records work done")
            date = nil
        }
        let kindText = row.cell("类别")
        let kind = WorkLog.Kind.parse(kindText)
        if kind == nil { row.fail("类别", kindText, "应为 \(WorkLog.Kind.allowedList) / unknown kind") }
        let villageText = row.cell("村代码")
        var village = AreaCode(villageText)
        if village?.level != .village {
            row.fail("村代码", villageText, "应为12位村级代码 / must be a 12-digit village code")
            village = nil
        } else if let county, !county.contains(village!) {
            row.fail("村代码", villageText, "不在本县（\(county.countyPart)）内 / not under county \(county.countyPart)")
            village = nil
        }
        let number = row.cell("户编号")
        if kind == .visit, number.isEmpty { row.fail("户编号", number, "入户走访须填户编号 / a visit names the household") }
        let nightText = row.cell("住村")
        let night: Bool? = nightText.isEmpty ? false : YesNo.parse(nightText)
        if night == nil { row.fail("住村", nightText, "应为 是 或 否 / must be 是 or 否") }
        let content = ResponsibilityCells.text(&row, "工作内容", required: false, freeText: true)
        let said = ResponsibilityCells.text(&row, "群众反映", required: false, freeText: true)
        let problems = ResponsibilityCells.text(&row, "发现问题", required: false, freeText: true)
        let measures = ResponsibilityCells.text(&row, "商定措施", required: false, freeText: true)
        let approved = ResponsibilityCells.text(&row, "批准人", required: false, max: 60)
        if kind == .leave, approved?.isEmpty == true { row.fail("批准人", "", "请假须填批准单位（乡镇党委或县委组织部） / leave names who approved it") }
        guard row.isClean, let phone, let date, let kind, let village, let night, let content, let said, let problems, let measures, let approved else {
            return nil
        }
        return Entry(row: row.number, phone: phone, date: date, kind: kind, village: village, householdNumber: number.isEmpty ? nil : number,
                     stayedNight: night, content: content, householdSaid: said, problems: problems, measures: measures, approvedBy: approved)
    }
}
