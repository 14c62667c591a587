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

    /// The columns of one year's income on a form (收入年度 and the components).
    public static let incomeColumns: [ExchangeColumn] = [.incomeYear] + ExchangeColumn.incomeComponents

    /// - Parameters:
    ///   - values: household columns as typed.
    ///   - members: one dictionary of member columns per member, in order (a new member last).
    ///   - incomes: one dictionary of income columns per year (nil: keep the stored incomes); a row left blank
    ///     is no year, and a year left out is removed. Faults come back as `i1_wage_income`.
    public static func check(_ values: [ExchangeColumn: String], members: [[ExchangeColumn: String]], current: Household,
                             incomes: [[ExchangeColumn: String]]? = nil, options: RegistryReadOptions) -> Result {
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
        if let incomes {
            let checked = checkIncomes(incomes, of: h, options: options)
            guard checked.faults.isEmpty else { return Result(household: nil, faults: checked.faults) }
            h.incomes = checked.incomes
        }
        return Result(household: h, faults: [:])
    }

    /// Each year's income read as the importer reads that year's file: the household's rows with the year's
    /// income columns; one income per year.
    static func checkIncomes(_ rows: [[ExchangeColumn: String]], of household: Household, options: RegistryReadOptions)
        -> (incomes: [HouseholdIncome], faults: [String: String]) {
        var base = household
        base.incomes = []
        let template = RegistryRowFormatter.rows(base)
        var incomes: [HouseholdIncome] = []
        var faults: [String: String] = [:]
        var seen: [Int: Int] = [:]
        for (n, row) in rows.enumerated() {
            guard incomeColumns.contains(where: { !(row[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            func key(_ c: ExchangeColumn) -> String { "i\(n)_\(c.key)" }
            if (row[.incomeYear] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                faults[key(.incomeYear)] = "请填写收入年度 / give the income year"
                continue
            }
            var sourceRows = [SourceRow(number: 1, cells: RegistryRowFormatter.header)]
            for (i, cells) in template.enumerated() {
                var cells = cells
                for c in incomeColumns { cells[c.rawValue] = row[c] ?? "" }
                cells[ExchangeColumn.netIncomePerCapita.rawValue] = ""
                sourceRows.append(SourceRow(number: i + 2, cells: cells))
            }
            var source = ArrayRowSource(sourceRows)
            let read = RegistryFileReader.read(&source, options: options)
            var rowFaults: [String: String] = [:]
            for issue in read.issues where issue.severity == .error {
                let column = ExchangeColumn.named(issue.column).flatMap { incomeColumns.contains($0) ? $0 : nil } ?? .incomeYear
                if rowFaults[key(column)] == nil { rowFaults[key(column)] = issue.message }
            }
            guard rowFaults.isEmpty, let income = read.households.first?.incomes.first else {
                faults.merge(rowFaults.isEmpty ? [key(.incomeYear): "收入无法读取 / the income could not be read"] : rowFaults) { a, _ in a }
                continue
            }
            if let first = seen[income.year] {
                faults[key(.incomeYear)] = "\(income.year)年已在第\(first + 1)行填写：每年一条收入 / \(income.year) is already on row \(first + 1): one income per year"
                continue
            }
            seen[income.year] = n
            incomes.append(income)
        }
        return (incomes.sorted { $0.year < $1.year }, faults)
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
