/// 脱贫标准项 — one condition of the household exit test. The raw value is the code of the verdict
/// file (registry-exchange format, "The exit check's verdict file"); the order of the cases is the
/// order in which failed items are listed there.
public enum ChecklistItem: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    /// 一超过 — per-capita net income above the year's poverty line.
    case income
    /// 不愁吃
    case food
    /// 不愁穿
    case clothing
    /// 义务教育有保障
    case education
    /// 基本医疗有保障
    case medical
    /// 住房安全有保障
    case housing
    /// 饮水安全
    case water
    /// 生活用电 — a provincial addition (Sichuan 一超六有).
    case electricity
    /// 广播电视 — a provincial addition (Sichuan 一超六有).
    case broadcast

    /// The official name.
    public var label: String {
        switch self {
        case .income: "收入超过扶贫标准"
        case .food: "不愁吃"
        case .clothing: "不愁穿"
        case .education: "义务教育有保障"
        case .medical: "基本医疗有保障"
        case .housing: "住房安全有保障"
        case .water: "饮水安全有保障"
        case .electricity: "通生活用电"
        case .broadcast: "通广播电视"
        }
    }

    /// A short name for column heads.
    public var shortLabel: String {
        switch self {
        case .income: "收入"
        case .food: "吃"
        case .clothing: "穿"
        case .education: "教育"
        case .medical: "医疗"
        case .housing: "住房"
        case .water: "饮水"
        case .electricity: "用电"
        case .broadcast: "广电"
        }
    }

    /// 一超过、两不愁、三保障 and safe water: the national floor no overlay can remove.
    public static let nationalFloor: [ChecklistItem] = [.income, .food, .clothing, .education, .medical, .housing, .water]

    public static func < (a: ChecklistItem, b: ChecklistItem) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
