import Foundation
import TuopinDomain

/// Reads a department's payment list (docs/BENEFITS.md): 证件号码, 姓名, 金额, 发放日期, and optionally 项目编号 and
/// 备注 — CSV (UTF-8 or GB18030) or XLSX, through the registry import's reader, every fault by row and column.
/// The service then matches each ID number to the registry (an ID not found is a warning and a leak, not a fault).
public enum BenefitFileReader {
    public struct Entry: Sendable {
        public var row: Int
        public var id: ResidentID
        public var name: String
        public var amount: Money
        public var date: LocalDate
        public var project: Int64?
    }

    public struct Result: Sendable {
        public var entries: [Entry]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    static let table = NamedColumnTable(columns: [
        .init("证件号码", "id_number", required: true), .init("姓名", "name", required: true), .init("金额", "amount", required: true),
        .init("发放日期", "date", required: true), .init("项目编号", "project", required: false), .init("备注", "note", required: false),
    ])

    public static let header = table.columns.map(\.name)

    /// `since`: the first day the policy paid anything (a payment dated before is a fault). With `deliver`, the clean
    /// entries are handed out `every` so many as they are read, and the result holds only the issues.
    public static func read(_ url: URL, today: LocalDate, since: LocalDate = LocalDate(year: 2013, month: 1, day: 1)!, every size: Int = .max,
                            deliver: (([Entry]) -> Void)? = nil) -> Result {
        let read = table.read(url, every: size, deliver: deliver) { row -> Entry? in
            let idText = row.cell("证件号码")
            var id: ResidentID?
            switch ResidentID.parse(idText, today: today) {
            case .success(let r): id = r
            case .failure(let e): row.fail("证件号码", idText, "\(e.chinese) / \(e.english)")
            }
            let name = ResponsibilityCells.text(&row, "姓名", required: true, max: 40)
            let amountText = row.cell("金额")
            var amount: Money?
            switch Money.parse(yuan: amountText) {
            case .success(let m) where m.fen > 0: amount = m
            case .success: row.fail("金额", amountText, "金额应大于0 / the amount must be above 0")
            case .failure(let e): row.fail("金额", amountText, "\(e.chinese) / \(e.english)")
            }
            let date = ResponsibilityCells.date(&row, "发放日期", today: today, required: true) ?? nil
            if let d = date, d > today { row.fail("发放日期", d.description, "晚于今天 / after today"); return nil }
            if let d = date, d < since { row.fail("发放日期", d.description, "早于该政策开始发放的日期 \(since) / before the policy began"); return nil }
            let projectText = row.cell("项目编号")
            var project: Int64?
            if !projectText.isEmpty {
                guard let n = Int64(projectText), n > 0 else { row.fail("项目编号", projectText, "应为项目库中的编号 / a project number"); return nil }
                project = n
            }
            _ = ResponsibilityCells.text(&row, "备注", required: false, freeText: true, max: 200)
            guard let id, let name, let amount, let date else { return nil }
            return Entry(row: row.number, id: id, name: name, amount: amount, date: date, project: project)
        }
        return Result(entries: read.values, issues: read.issues)
    }
}
