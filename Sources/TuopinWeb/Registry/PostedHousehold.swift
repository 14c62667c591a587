import TuopinExchange
import TuopinServices
import Vapor

/// A household form as posted: the household's fields, its member rows (`m0_…`, `m1_…`; stored rows first,
/// then new ones), and which rows are kept for the check (not marked for removal, not blank) with their place
/// in the form.
struct PostedHousehold {
    var values: [ExchangeColumn: String] = [:]
    var rows: [HouseholdEditView.MemberRow] = []
    var kept: [[ExchangeColumn: String]] = []
    var formIndex: [Int] = []
    var reason: String
    var attachmentsText: String
    /// Income rows as typed (`i0_income_year`, …), blank ones included.
    var incomes: [[ExchangeColumn: String]] = []

    init(_ req: Request, columns: [ExchangeColumn], existing: Int, newRows: Int) {
        for c in columns { values[c] = req.formText(c.key) }
        for i in 0..<(existing + newRows) {
            var v: [ExchangeColumn: String] = [:]
            for c in HouseholdEditView.memberColumns { v[c] = req.formText("m\(i)_\(c.key)") }
            let remove = req.formText("m\(i)_remove") == "on"
            rows.append(.init(values: v, remove: remove))
            let blankNew = i >= existing && v.values.allSatisfy(\.isEmpty)
            if !remove && !blankNew {
                kept.append(v)
                formIndex.append(i)
            }
        }
        reason = req.formText("reason")
        attachmentsText = req.formText("attachments")
        // The form says how many income rows it has (stored years and blank ones), at most one per year of the campaign and a few.
        let incomeRows = min(max(0, Int(req.formText("income_rows")) ?? 0), HouseholdEditView.maxIncomeRows)
        for i in 0..<incomeRows {
            var v: [ExchangeColumn: String] = [:]
            for c in HouseholdFieldCheck.incomeColumns { v[c] = req.formText("i\(i)_\(c.key)") }
            incomes.append(v)
        }
    }

    /// The form as the use case takes it.
    func form(version: Int) -> HouseholdForm {
        let attachments = attachmentsText.split(whereSeparator: { $0 == "," || $0 == "，" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return HouseholdForm(values: values, members: kept, reason: reason, attachments: attachments, version: version,
                             incomes: incomes.isEmpty ? nil : incomes)
    }

    /// Faults of the check, with member faults renamed from their place in the check to their form row.
    func formFaults(_ faults: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, message) in faults {
            if key.hasPrefix("m"), let underscore = key.firstIndex(of: "_"), let k = Int(key.dropFirst().prefix(upTo: underscore)), k < formIndex.count {
                result["m\(formIndex[k])" + key[underscore...]] = message
            } else {
                result[key] = message
            }
        }
        return result
    }
}
