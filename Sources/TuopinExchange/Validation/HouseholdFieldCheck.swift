import TuopinDomain

/// The importer's own rules applied to the household fields of a form, so that an edit is checked
/// exactly as a file row would be. Faults come back by column, for messages at each field.
public enum HouseholdFieldCheck {
    public struct Result: Sendable {
        /// The household with the form's values (members and incomes kept), when there is no fault.
        public var household: Household?
        public var faults: [ExchangeColumn: String]
    }

    /// Checks `values` (household columns, as typed) for `current`, keeping its members and incomes.
    public static func check(_ values: [ExchangeColumn: String], current: Household, options: RegistryReadOptions) -> Result {
        // One member row: the form's household fields and the current head's own fields.
        let template = RegistryRowFormatter.rows(current).first ?? Array(repeating: "", count: ExchangeColumn.allCases.count)
        var cells = template
        for (column, value) in values where column.scope == .household { cells[column.rawValue] = value }
        // The income columns belong to an income correction, not to this form: keep the row's own.
        let header = HeaderMap(rowNumber: 1, positions: Dictionary(uniqueKeysWithValues: ExchangeColumn.allCases.map { ($0, $0.rawValue) }), unknown: [])
        let result = RowInterpreter(options: options).interpret(SourceRow(number: 2, cells: cells), header: header)
        var faults: [ExchangeColumn: String] = [:]
        for issue in result.issues where issue.severity == .error {
            if let c = ExchangeColumn.named(issue.column), faults[c] == nil { faults[c] = issue.message }
        }
        guard faults.isEmpty, let fields = result.household else { return Result(household: nil, faults: faults) }
        var h = fields.household(members: current.members)
        h.incomes = current.incomes
        return Result(household: h, faults: [:])
    }
}
