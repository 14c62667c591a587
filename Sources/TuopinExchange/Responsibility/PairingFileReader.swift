import Foundation
import TuopinDomain

/// Reads a pairing file (docs/RESPONSIBILITY.md): 户编号, 帮扶责任人电话, 开始日期, 结束日期, 原因. The
/// service then matches households and cadres and names any that do not exist by row.
public enum PairingFileReader {
    public struct Entry: Sendable {
        public var row: Int
        public var householdNumber: String
        public var phone: String
        public var start: LocalDate
        public var end: LocalDate?
        public var reason: String

        public init(row: Int, householdNumber: String, phone: String, start: LocalDate, end: LocalDate?, reason: String) {
            self.row = row
            self.householdNumber = householdNumber
            self.phone = phone
            self.start = start
            self.end = end
            self.reason = reason
        }
    }

    public struct Result: Sendable {
        public var entries: [Entry]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }

        public init(entries: [Entry], issues: [ImportIssue]) {
            self.entries = entries
            self.issues = issues
        }
    }

    static let table = NamedColumnTable(columns: [
        .init("户编号", "household_no", required: true), .init("帮扶责任人电话", "phone", required: true),
        .init("开始日期", "start", required: true), .init("结束日期", "end", required: false), .init("原因", "reason", required: false),
    ])

    public static let header = table.columns.map(\.name)

    public static func read(_ url: URL, today: LocalDate) -> Result {
        let read = table.read(url) { row -> Entry? in
            let number = ResponsibilityCells.text(&row, "户编号", required: true, max: 32)
            let phone = ResponsibilityCells.phone(&row, "帮扶责任人电话")
            let start = ResponsibilityCells.date(&row, "开始日期", today: today, required: true) ?? nil
            let end = ResponsibilityCells.date(&row, "结束日期", today: today, required: false)
            let reason = ResponsibilityCells.text(&row, "原因", required: false, freeText: true, max: 200)
            guard let number, let phone, let start, let end, let reason else { return nil }
            if let e = end, e < start {
                row.fail("结束日期", e.description, "早于开始日期 \(start) / before the start \(start)")
                return nil
            }
            return Entry(row: row.number, householdNumber: number, phone: phone, start: start, end: end, reason: reason)
        }
        return Result(entries: read.values, issues: read.issues)
    }
}
