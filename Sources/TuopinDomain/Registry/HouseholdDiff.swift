/// What an edit changes, in the words of the registry: the household's own fields, and each member
/// added, removed or changed — for change requests and the audit trail.
public enum HouseholdDiff {
    /// The household's own fields by Chinese name.
    public static func fields(_ h: Household) -> [String: String] {
        Dictionary(fieldList(h), uniquingKeysWith: { a, _ in a })
    }

    /// The household's own fields as a list of name and value (each name once).
    static func fieldList(_ h: Household) -> [(String, String)] {
        func b(_ v: Bool?) -> String { v.map(YesNo.label) ?? "" }
        return [("村代码", h.villageCode.value), ("贫困户属性", h.type.rawValue), ("识别标准", h.standard.rawValue), ("主要致贫原因", h.mainCause.rawValue),
                ("其他致贫原因", h.otherCauses.map(\.rawValue).joined(separator: "、")), ("识别年度", String(h.identifiedYear)),
                ("脱贫年度", h.exitYear.map(String.init) ?? ""), ("住房安全等级", h.housingGrade?.rawValue ?? ""),
                ("危房已改造或已搬迁", b(h.housingResolved)), ("不愁吃", b(h.foodSecure)), ("不愁穿", b(h.clothingSecure)),
                ("饮水安全", b(h.waterSafe)), ("联系电话", h.phone ?? ""),
                ("通生活用电", b(h.powerSupplied)), ("通广播电视", b(h.broadcastReception))]
    }

    /// A member in one line: relation, name and what the registry records of them.
    public static func summary(_ m: Member) -> String {
        func b(_ v: Bool?) -> String { v.map(YesNo.label) ?? "未填" }
        return [m.relation.rawValue, m.name, m.ethnicity?.rawValue ?? "", m.education?.rawValue ?? "", m.schooling?.rawValue ?? "",
                m.educationExempt == true ? "义务教育豁免" : "", m.health?.rawValue ?? "", m.labour?.rawValue ?? "",
                m.workPlace.map { "\($0.rawValue)\(m.workMonths.map { "\($0)个月" } ?? "")" } ?? m.workMonths.map { "务工\($0)个月" } ?? "",
                m.id.disabilitySuffix.map { "残疾证号后缀\($0)" } ?? "",
                "医保\(b(m.medicalInsurance))", "养老\(b(m.pensionInsurance))"].filter { !$0.isEmpty }.joined(separator: "，")
    }

    /// A year's income in one line, by component (blanks omitted).
    public static func summary(_ i: HouseholdIncome) -> String {
        let parts: [(String, Money?)] = [("工资性", i.wage), ("生产经营性", i.business), ("财产性", i.property),
                                         ("转移性", i.transfer), ("生产经营性支出", i.businessExpense)]
        return parts.compactMap { name, v in v.map { "\(name) \($0.groupedYuan)" } }.joined(separator: "，")
    }

    static func incomeKey(_ year: Int) -> String { "\(year)年收入" }

    /// Whether a changed field is a year's income (a change of incomes only is a 收入更正).
    public static func isIncomeKey(_ key: String) -> Bool { key.hasSuffix("年收入") && Int(key.dropLast(3)) != nil }

    static let orderKey = "成员顺序"

    /// Everything recorded of a household: the "after" of its creation, the "before" of its removal.
    public static func everything(_ h: Household) -> [String: String] {
        Dictionary(everythingList(h), uniquingKeysWith: { a, _ in a })
    }

    /// `everything` as a list of name and value, without building a dictionary (an import writes one per
    /// household: hashing Chinese names cost more than the rest of it). A name may repeat where two members
    /// share a name and the last four digits of their ID numbers; the dictionary keeps the first.
    public static func everythingList(_ h: Household) -> [(String, String)] {
        var list = fieldList(h)
        list.reserveCapacity(list.count + h.incomes.count + h.members.count + 1)
        for income in h.incomes {
            let text = summary(income)
            if !text.isEmpty { list.append((incomeKey(income.year), text)) }
        }
        for m in h.members { list.append((memberKey(m), summary(m))) }
        list.append(("户编号", h.number))
        return list
    }

    static func memberKey(_ m: Member) -> String {
        "成员 \(m.name)（证件尾号\(m.id.number.suffix(4))）"
    }

    /// The changed entries only: before and after by name ("" where absent).
    /// With no old household, every member and income counts as added (the household's own fields are left to `created`).
    public static func changes(from old: Household?, to new: Household) -> (before: [String: String], after: [String: String]) {
        var before: [String: String] = [:], after: [String: String] = [:]
        if let old {
            let a = fields(old), b = fields(new)
            for (k, v) in b where a[k] != v { before[k] = a[k] ?? ""; after[k] = v }
        }
        let oldIncomes = Dictionary((old?.incomes ?? []).map { ($0.year, $0) }, uniquingKeysWith: { x, _ in x })
        for income in new.incomes {
            let was = oldIncomes[income.year].map(summary) ?? ""
            let now = summary(income)
            if was != now { before[incomeKey(income.year)] = was; after[incomeKey(income.year)] = now }
        }
        for (year, income) in oldIncomes where !new.incomes.contains(where: { $0.year == year }) {
            before[incomeKey(year)] = summary(income); after[incomeKey(year)] = ""
        }
        let oldMembers = Dictionary((old?.members ?? []).map { ($0.id.number, $0) }, uniquingKeysWith: { x, _ in x })
        let newMembers = Dictionary(new.members.map { ($0.id.number, $0) }, uniquingKeysWith: { x, _ in x })
        for (id, m) in oldMembers where newMembers[id] == nil { before[memberKey(m)] = summary(m); after[memberKey(m)] = "" }
        for (id, m) in newMembers {
            let was = oldMembers[id].map(summary) ?? ""
            let now = summary(m)
            if was != now { before[memberKey(m)] = was; after[memberKey(m)] = now }
        }
        // The members' order (the registry keeps it), among those in both.
        if let old {
            let kept = old.members.filter { newMembers[$0.id.number] != nil }
            let keptNew = new.members.filter { oldMembers[$0.id.number] != nil }
            if kept.map(\.id.number) != keptNew.map(\.id.number) {
                before[orderKey] = kept.map(\.name).joined(separator: "、")
                after[orderKey] = keptNew.map(\.name).joined(separator: "、")
            }
        }
        return (before, after)
    }
}
