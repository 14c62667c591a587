import TuopinDomain

/// Gathers member rows into households and checks what spans rows: that the rows of a household
/// agree, that it has exactly one head, that an ID number appears once, that a stated per-capita
/// income matches the computed one.
struct HouseholdAssembler {
    private struct Pending {
        var key: String
        var fields: HouseholdFields
        var firstRow: Int
        var members: [Member] = []
        var memberRows: [Int] = []
        var faulty = false
    }

    /// Households in the order they first appear; `places` finds one by its key. Mutated in place in the
    /// array (a dictionary of households would copy each one's member list on every row).
    private var households: [Pending] = []
    private var places: [String: Int32] = [:]
    /// The row where each ID number first appears.
    private(set) var memberRows: [String: Int] = [:]
    /// For each row number, the household (its place in `households`) of the member on it, or -1: names
    /// the household of an ID number's first row when the number repeats. An array, not a second
    /// dictionary beside `memberRows`: at province size each dictionary of 3.5M ID numbers costs seconds.
    private var rowOwners: [Int32] = []
    private(set) var issues: [ImportIssue] = []

    /// Adds one interpreted row. Rows whose own cells had errors still count for the
    /// household (so that its other rows are checked) but make it faulty.
    mutating func add(row: Int, household: HouseholdFields?, member: Member?, hadErrors: Bool, rawNumber: String) {
        let key = household?.number ?? rawNumber
        var owner: Int32 = -1
        if let place = places[key] {
            owner = place
            let i = Int(place)
            if let h = household, !households[i].faulty || households[i].fields.number == h.number {
                compare(households[i].fields, h, row: row, firstRow: households[i].firstRow)
            }
            if hadErrors { households[i].faulty = true }
            if let m = member { households[i].members.append(m); households[i].memberRows.append(row) }
        } else if let h = household {
            owner = Int32(households.count)
            places[key] = owner
            var p = Pending(key: key, fields: h, firstRow: row, faulty: hadErrors)
            if let m = member { p.members.append(m); p.memberRows.append(row) }
            households.append(p)
        } else if !key.isEmpty {
            // A first row whose household part is faulty: remember it so later rows do not re-report it.
            places[key] = Int32(households.count)
            households.append(Pending(key: key, fields: HouseholdFields.placeholder(number: key), firstRow: row, faulty: true))
        }
        if let m = member {
            let id = m.id.number
            if let seen = memberRows[id] {
                let owner = seen < rowOwners.count ? rowOwners[seen] : -1
                let household = owner >= 0 ? households[Int(owner)].key : ""
                issues.append(.error(row, .idNumber, m.id.registryText, "证件号码与第\(seen)行（户编号\(household)）重复：一人只能在一户 / ID number repeats row \(seen) (household \(household)): one person, one household"))
            } else {
                memberRows[id] = row
                if rowOwners.count <= row { rowOwners.append(contentsOf: repeatElement(-1, count: row + 1 - rowOwners.count)) }
                rowOwners[row] = owner
            }
        }
    }

    private mutating func compare(_ first: HouseholdFields, _ other: HouseholdFields, row: Int, firstRow: Int) {
        guard first != other else { return }
        let a = first.canonical, b = other.canonical
        for column in ExchangeColumn.allCases where column.scope == .household {
            guard let x = a[column], let y = b[column], x != y else { continue }
            issues.append(.error(row, column, y, "同一户各行的\(column.chineseName)不一致：第\(firstRow)行为“\(x)”，本行为“\(y)” / rows of one household disagree on \(column.key): row \(firstRow) has '\(x)', this row '\(y)'"))
        }
    }

    /// Closes every household: the checks that need all its rows.
    mutating func finish() -> (households: [Household], firstRows: [String: Int]) {
        var closed: [Household] = []
        var firstRows: [String: Int] = [:]
        closed.reserveCapacity(households.count)
        firstRows.reserveCapacity(households.count)
        for p in households {
            let key = p.key
            let heads = zip(p.members, p.memberRows).filter { $0.0.relation == .head }
            if !p.faulty || !p.members.isEmpty {
                if heads.isEmpty && !p.faulty {
                    issues.append(.error(p.firstRow, .relation, "", "户编号\(key)没有户主：每户须有且只有一名户主 / household \(key) has no head (户主): each household needs exactly one"))
                } else if heads.count > 1 {
                    for (_, r) in heads.dropFirst() {
                        issues.append(.error(r, .relation, "户主", "户编号\(key)有\(heads.count)名户主，第\(heads[0].1)行已是户主 / household \(key) has \(heads.count) heads; row \(heads[0].1) is already the head"))
                    }
                }
            }
            if let declared = p.fields.declaredPerCapita, let income = p.fields.income, !p.faulty,
               let computed = income.perCapita(memberCount: p.members.count), abs(declared.fen - computed.fen) > 100 {
                issues.append(.error(p.firstRow, .netIncomePerCapita, declared.plainYuan, "人均纯收入\(declared.plainYuan)与按公式计算的\(computed.plainYuan)相差超过1元（(各项收入−生产经营性支出)÷\(p.members.count)人） / net_income_per_capita \(declared.plainYuan) differs by more than 1 yuan from the computed \(computed.plainYuan) ((incomes − business expense) ÷ \(p.members.count) members)"))
            }
            guard !p.faulty else { continue }
            closed.append(p.fields.household(members: p.members))
            firstRows[key] = p.firstRow
        }
        return (closed, firstRows)
    }
}

extension HouseholdFields {
    /// Stands for a household whose first row could not be read.
    static func placeholder(number: String) -> HouseholdFields {
        HouseholdFields(number: number, villageCode: AreaCode("110101001001")!, type: .ordinary, standard: .national,
                        mainCause: .other, otherCauses: [], identifiedYear: 2014, exitYear: nil, income: nil,
                        declaredPerCapita: nil, housingGrade: nil, housingResolved: nil, foodSecure: nil,
                        clothingSecure: nil, waterSafe: nil, phone: nil, powerSupplied: nil, broadcastReception: nil)
    }
}
