/// 贫困户退出标准 — the household exit test (一超过、两不愁、三保障, and safe water), a pure function of
/// the household, the year, the reference date and the standards in force.
///
/// Semantics: registry-exchange format, "The exit check's verdict file"; sources: 《关于建立贫困退出机制的意见》
/// (2016, policy-rules §1.2) and the checkable meanings of policy-rules §1.2a. A blank field never counts as met.
public enum HouseholdExitTest {
    public static func evaluate(_ h: Household, year: Int, referenceDate: LocalDate? = nil, standard: StandardSet) -> ExitVerdict {
        let ref = referenceDate ?? .yearEnd(year)
        let items = standard.checklist(year: year, village: h.villageCode).map { check($0, h, year: year, referenceDate: ref, standard: standard) }
        return ExitVerdict(year: year, referenceDate: ref, items: items)
    }

    /// One item.
    public static func check(_ item: ChecklistItem, _ h: Household, year: Int, referenceDate: LocalDate, standard: StandardSet) -> ItemVerdict {
        switch item {
        case .income:
            // 一超过: per-capita net income for the year strictly above that year's line; no record is a failure.
            let line = standard.line(for: year)?.amount
            let perCapita = h.perCapitaIncome(for: year)
            let met = line != nil && perCapita != nil && perCapita! > line!
            return ItemVerdict(item: item, met: met, evidence: .income(year: year, perCapita: perCapita, line: line))
        case .food: return recorded(item, "不愁吃", h.foodSecure)
        case .clothing: return recorded(item, "不愁穿", h.clothingSecure)
        case .water: return recorded(item, "饮水安全", h.waterSafe)
        case .electricity: return recorded(item, "通生活用电", h.powerSupplied)
        case .broadcast: return recorded(item, "通广播电视", h.broadcastReception)
        case .education:
            // 义务教育有保障: every member aged 6–15 on the reference date is in school, taught at home
            // (送教上门) or certified exempt. A blank 在校生状况 is not evidence of schooling.
            var checked = 0
            var out: [ExitEvidence.Child] = []
            for m in h.members {
                let age = m.birthDate.age(on: referenceDate)
                guard age >= 6 && age <= 15 else { continue }
                checked += 1
                if m.educationExempt == true { continue }
                if let s = m.schooling, s != .notInSchool { continue }
                out.append(.init(name: m.name, age: age, schooling: m.schooling))
            }
            return ItemVerdict(item: item, met: out.isEmpty, evidence: .schooling(checked: checked, outOfSchool: out))
        case .medical:
            // 基本医疗有保障: every member in basic medical insurance (resident or employee).
            var uninsured: [String] = [], unrecorded: [String] = []
            for m in h.members {
                switch m.medicalInsurance {
                case true: continue
                case false: uninsured.append(m.name)
                case nil: unrecorded.append(m.name)
                }
            }
            return ItemVerdict(item: item, met: uninsured.isEmpty && unrecorded.isEmpty && !h.members.isEmpty,
                               evidence: .insurance(members: h.members.count, uninsured: uninsured, unrecorded: unrecorded))
        case .housing:
            // 住房安全有保障: grade A or B, or a C/D house renovated or left for relocation housing; not appraised fails.
            let met: Bool = switch h.housingGrade {
            case .a, .b: true
            case .c, .d: h.housingResolved == true
            case nil: false
            }
            return ItemVerdict(item: item, met: met, evidence: .housing(grade: h.housingGrade, resolved: h.housingResolved))
        }
    }

    static func recorded(_ item: ChecklistItem, _ field: String, _ value: Bool?) -> ItemVerdict {
        ItemVerdict(item: item, met: value == true, evidence: .recorded(field: field, value: value))
    }
}
