import TuopinDomain

/// The importer's own rules applied to a household form — its fields and one row per member — so that
/// an edit is checked exactly as a file would be (every column, one head, an ID once, …). Faults come
/// back by field: a household column, or a member's column by the member's place in the form.
public enum HouseholdFieldCheck {
    public struct Result: Sendable {
        /// The household as the form has it (incomes kept from the stored one), when there is no fault.
        public var household: Household?
        /// Fault messages by field key: `main_cause`, or `m2_name` for the member at index 2.
        public var faults: [String: String]
    }

    /// - Parameters:
    ///   - values: household columns as typed.
    ///   - members: one dictionary of member columns per member, in order (a new member last).
    public static func check(_ values: [ExchangeColumn: String], members: [[ExchangeColumn: String]], current: Household,
                             options: RegistryReadOptions) -> Result {
        let template = RegistryRowFormatter.rows(current).first ?? Array(repeating: "", count: ExchangeColumn.allCases.count)
        var household = template
        for (column, value) in values where column.scope == .household { household[column.rawValue] = value }
        // The stated per-capita income belongs to the file, not the form: it is always computed.
        household[ExchangeColumn.netIncomePerCapita.rawValue] = ""
        var rows = [SourceRow(number: 1, cells: RegistryRowFormatter.header)]
        for (i, m) in members.enumerated() {
            var cells = household
            // Every member column comes from the form (sex and birth date follow from the ID number).
            for column in ExchangeColumn.allCases where column.scope == .member { cells[column.rawValue] = m[column] ?? "" }
            rows.append(SourceRow(number: i + 2, cells: cells))
        }
        var source = ArrayRowSource(rows)
        let read = RegistryFileReader.read(&source, options: options)
        var faults: [String: String] = [:]
        for issue in read.issues where issue.severity == .error {
            guard let column = ExchangeColumn.named(issue.column) else { faults["form"] = issue.message; continue }
            let key = column.scope == .household || issue.row == nil ? column.key : "m\((issue.row ?? 2) - 2)_\(column.key)"
            if faults[key] == nil { faults[key] = issue.message }
        }
        if members.isEmpty { faults["form"] = "一户至少要有一名成员 / a household needs at least one member" }
        guard faults.isEmpty, var h = read.households.first else { return Result(household: nil, faults: faults) }
        h.incomes = current.incomes
        return Result(household: h, faults: [:])
    }

    /// The form values of a member, from a stored member.
    public static func values(of member: Member, in household: Household) -> [ExchangeColumn: String] {
        var h = household
        h.members = [member]
        let row = RegistryRowFormatter.rows(h)[0]
        var v: [ExchangeColumn: String] = [:]
        for c in ExchangeColumn.allCases where c.scope == .member { v[c] = row[c.rawValue] }
        return v
    }
}
