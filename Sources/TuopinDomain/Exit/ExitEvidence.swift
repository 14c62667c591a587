/// 佐证 — what the household exit test saw for one item, kept as values and put into words only
/// when shown ("人均纯收入 2,666.67 元 ≤ 2,952 元"; "韦小军，12 岁，非在校生").
public enum ExitEvidence: Hashable, Sendable {
    /// Per-capita net income of the year (nil: no income recorded) against the line (nil: the standard has no line that year).
    case income(year: Int, perCapita: Money?, line: Money?)
    /// A yes/no field of the registry (nil: not recorded).
    case recorded(field: String, value: Bool?)
    /// Children of compulsory-school age (6–15 on the reference date) not in school; `checked` counts all of that age.
    case schooling(checked: Int, outOfSchool: [Child])
    /// Members without basic medical insurance, or with it not recorded.
    case insurance(members: Int, uninsured: [String], unrecorded: [String])
    case housing(grade: HousingGrade?, resolved: Bool?)

    /// A child counted by the education item.
    public struct Child: Hashable, Sendable {
        public var name: String
        public var age: Int
        public var schooling: Schooling?
    }

    public var text: String {
        switch self {
        case .income(let year, let perCapita, let line):
            guard let line else { return "扶贫标准未列\(year)年的贫困线" }
            guard let perCapita else { return "\(year)年收入未记录（扶贫标准 \(line.compactYuan) 元）" }
            return "\(year)年人均纯收入 \(perCapita.groupedYuan) 元 \(perCapita > line ? ">" : "≤") \(line.compactYuan) 元"
        case .recorded(let field, let value):
            return "\(field)：\(value.map(YesNo.label) ?? "未填")"
        case .schooling(let checked, let children):
            if children.isEmpty { return checked == 0 ? "无6–15岁适龄儿童" : "适龄儿童\(checked)人均在校或送教上门" }
            return children.map { "\($0.name)，\($0.age) 岁，\($0.schooling?.rawValue ?? "在校生状况未填")" }.joined(separator: "；")
        case .insurance(let members, let uninsured, let unrecorded):
            if uninsured.isEmpty && unrecorded.isEmpty { return "\(members)人均参加基本医疗保险" }
            return (uninsured.map { "\($0) 未参加基本医疗保险" } + unrecorded.map { "\($0) 医保未填" }).joined(separator: "；")
        case .housing(let grade, let resolved):
            guard let grade else { return "住房未鉴定" }
            switch grade {
            case .a, .b: return "住房安全等级 \(grade.rawValue) 级"
            case .c, .d: return "住房安全等级 \(grade.rawValue) 级，" + (resolved == true ? "已改造或已搬迁" : "未改造或搬迁")
            }
        }
    }

    /// Whole yuan without decimals when there are none (2,952 元), as the standard is written.
}
