import Foundation
import TuopinDomain

/// Reads a department's file of one kind (docs/MATCHING.md): 证件号码, 姓名 and the kind's columns — CSV or XLSX
/// through the registry import's reader, every fault by row and column (a bad ID, a date in the future, a negative
/// amount, a value not in the kind's list); a file with any fault gives no rows.
public enum DepartmentFileReader {
    public struct Result: Sendable {
        public var records: [DepartmentRecord]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    public static func table(_ kind: DepartmentRecord.Kind) -> NamedColumnTable {
        NamedColumnTable(columns: [.init("证件号码", "id_number", required: true), .init("姓名", "name", required: true)]
                         + kind.columns.map { .init($0.name, $0.name, required: $0.required) })
    }

    public static func header(_ kind: DepartmentRecord.Kind) -> [String] { ["证件号码", "姓名"] + kind.columns.map(\.name) }

    /// With `deliver`, the clean records are handed out `every` so many as they are read, and the result holds only the
    /// issues.
    public static func read(_ url: URL, kind: DepartmentRecord.Kind, today: LocalDate, every size: Int = .max,
                            deliver: (([DepartmentRecord]) -> Void)? = nil) -> Result {
        let read = table(kind).read(url, every: size, deliver: deliver) { row -> DepartmentRecord? in
            let idText = row.cell("证件号码")
            var id: ResidentID?
            switch ResidentID.parse(idText, today: today) {
            case .success(let r): id = r
            case .failure(let e): row.fail("证件号码", idText, "\(e.chinese) / \(e.english)")
            }
            let name = ResponsibilityCells.text(&row, "姓名", required: true, max: 40)
            var fields = [String: String](minimumCapacity: kind.columns.count)
            var date: LocalDate?
            for c in kind.columns {
                let text = row.cell(c.name)
                if text.isEmpty {
                    if c.required { row.fail(c.name, text, "必填 / required") }
                    continue
                }
                if let fault = TextRule.fault(text, .cell) { row.fail(c.name, text, fault); continue }
                switch c.value {
                case .text:
                    guard text.count <= 100 else { row.fail(c.name, String(text.prefix(20)), "超过100个字 / longer than 100 characters"); continue }
                    fields[c.name] = text
                case .date, .month:
                    let full = c.value == .month && text.count == 7 ? text + "-01" : text
                    guard full.count == 10, let d = LocalDate(iso: full), d.year >= 1900 else {
                        row.fail(c.name, text, c.value == .month ? "应为年月 YYYY-MM / must be a month YYYY-MM" : "应为日期 YYYY-MM-DD / must be a date YYYY-MM-DD")
                        continue
                    }
                    guard d <= today else { row.fail(c.name, text, "晚于今天 / after today"); continue }
                    fields[c.name] = c.value == .month ? String(text.prefix(7)) : d.description
                    if c.name == kind.dateColumn { date = d }
                case .money:
                    switch Money.parse(yuan: text) {
                    case .success(let m): fields[c.name] = m.plainYuan
                    case .failure(let e): row.fail(c.name, text, "\(e.chinese) / \(e.english)")
                    }
                case .number:
                    guard let n = Double(text.replacingOccurrences(of: ",", with: "")), n >= 0, n.isFinite else {
                        row.fail(c.name, text, "应为不小于0的数 / must be a number, not negative")
                        continue
                    }
                    fields[c.name] = text.replacingOccurrences(of: ",", with: "")
                case .choice(let values):
                    guard values.contains(text) else { row.fail(c.name, text, "应为 \(values.joined(separator: "、")) / must be one of the list"); continue }
                    fields[c.name] = text
                }
            }
            guard let id, let name else { return nil }
            return DepartmentRecord(kind: kind, idNumber: id.number, name: name, date: date, fields: fields)
        }
        return Result(records: read.values, issues: read.issues)
    }
}
