/// 比对规则表 — which department rules apply to which households and with what threshold, as a deployment sets
/// them (issue #17 item 2): each rule of `DepartmentMatch.Rule` with the households it applies to (未脱贫, 已脱贫 or
/// both; none turns it off), its threshold where it has one, and the document it rests on. Read from the rules
/// file (docs/MATCHING.md); a fault names the line. Applicants (申请) are not modelled: identification runs
/// through the procedures, whose households are 未脱贫 once registered.
public struct MatchRules: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var applies: Set<HouseholdStatus>
        public var source: String
    }

    public var entries: [DepartmentMatch.Rule: Entry]
    public var thresholds: DepartmentMatch.Thresholds

    public init(entries: [DepartmentMatch.Rule: Entry], thresholds: DepartmentMatch.Thresholds) {
        self.entries = entries
        self.thresholds = thresholds
    }

    /// Whether `rule` flags a household that is `status` in the year matched.
    public func applies(_ rule: DepartmentMatch.Rule, to status: HouseholdStatus) -> Bool {
        entries[rule]?.applies.contains(status) ?? false
    }

    /// The department flags of `homes` for `year` under these rules: thresholds as set, and each flag only on the
    /// households its rule applies to (exited: an exit year not after `year`).
    public func flags(records: [DepartmentRecord], homes: [LeakCheck.Home], year: Int, asOf: LocalDate? = nil,
                      schoolRolls: Bool? = nil) -> [DepartmentMatch.Flag] {
        let exited = Set(homes.filter { ($0.exitYear ?? Int.max) <= year }.map(\.id))
        return DepartmentMatch.evaluate(records: records, homes: homes, year: year, asOf: asOf, thresholds: thresholds, schoolRolls: schoolRolls)
            .filter { applies($0.rule, to: exited.contains($0.household) ? .exited : .notExited) }
    }

    public typealias Fault = LineFault

    /// `[比对规则]` then one line a rule: `规则 | 适用 | 阈值 | 依据`; `#` starts a comment. Every rule must appear once.
    public static func parse(_ text: String) throws(Fault) -> MatchRules {
        var entries: [DepartmentMatch.Rule: Entry] = [:]
        var thresholds = DepartmentMatch.Thresholds()
        var inSection = false, number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line == "[比对规则]" else { throw Fault(line: number, chinese: "未知的段 \(line)（应为 [比对规则]）", english: "unknown section \(line)") }
                inSection = true
                continue
            }
            guard inSection else { throw Fault(line: number, chinese: "规则应写在 [比对规则] 段内", english: "rules belong in the [比对规则] section") }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4 else { throw Fault(line: number, chinese: "应为“规则 | 适用 | 阈值 | 依据”四栏", english: "expected 'rule | applies | threshold | source'") }
            guard let rule = DepartmentMatch.Rule(rawValue: parts[0]) else {
                throw Fault(line: number, chinese: "未知的规则“\(parts[0])”（应为 \(DepartmentMatch.Rule.allCases.map(\.rawValue).joined(separator: "、"))）",
                            english: "unknown rule \(parts[0])")
            }
            guard entries[rule] == nil else { throw Fault(line: number, chinese: "规则“\(parts[0])”重复", english: "rule \(parts[0]) given twice") }
            var applies: Set<HouseholdStatus> = []
            for word in parts[1].split(whereSeparator: { "、,，".contains($0) }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
                guard let s = HouseholdStatus.parse(word) else {
                    throw Fault(line: number, chinese: "适用应为 未脱贫、已脱贫（或空），而不是“\(word)”", english: "applies must be 未脱贫 and/or 已脱贫")
                }
                applies.insert(s)
            }
            guard !parts[3].isEmpty else { throw Fault(line: number, chinese: "请写明依据", english: "give the source") }
            let value = parts[2]
            if value != "-" && !value.isEmpty {
                switch rule {
                case .vehicle:
                    guard let yuan = Int64(value), yuan > 0 else { throw Fault(line: number, chinese: "车辆估值阈值应为正整数（元）", english: "the vehicle value must be whole yuan") }
                    thresholds.vehicleValue = Money(yuan: yuan)
                case .pension:
                    guard let months = Int(value), (1...120).contains(months) else { throw Fault(line: number, chinese: "养老保险阈值应为1–120（月）", english: "pension months 1–120") }
                    thresholds.pensionMonths = months
                case .noRoll:
                    let ends = value.split(separator: "-").compactMap { Int($0) }
                    guard ends.count == 2, ends[0] <= ends[1], (3...20).contains(ends[0]), (3...20).contains(ends[1]) else {
                        throw Fault(line: number, chinese: "学龄阈值应为“起-止”岁，如 6-15", english: "school ages as from-to, e.g. 6-15")
                    }
                    thresholds.schoolAges = ends[0]...ends[1]
                default:
                    throw Fault(line: number, chinese: "规则“\(parts[0])”没有阈值，请写 -", english: "rule \(parts[0]) takes no threshold; write -")
                }
            }
            entries[rule] = Entry(applies: applies, source: parts[3])
        }
        let missing = DepartmentMatch.Rule.allCases.filter { entries[$0] == nil }
        guard missing.isEmpty else {
            throw Fault(line: number, chinese: "缺少规则：\(missing.map(\.rawValue).joined(separator: "、"))", english: "rules missing: \(missing.count)")
        }
        return MatchRules(entries: entries, thresholds: thresholds)
    }
}
