/// 到户政策 — one benefit a household or person can receive (教育资助, 危房改造, 低保 …), with the department that pays
/// it, the most one person may receive in a year (0: no cap), and for how many years after the household's exit it
/// still applies (nil: exit does not end it; 0: it ends with the exit). Read from the policies file
/// (docs/BENEFITS.md).
public struct BenefitPolicy: Sendable, Hashable {
    public var key: String
    public var name: String
    public var department: String
    public var yearlyCap: Money
    public var yearsAfterExit: Int?
    /// 依据 — the document the policy rests on.
    public var source: String

    public init(key: String, name: String, department: String, yearlyCap: Money, yearsAfterExit: Int?, source: String) {
        self.key = key
        self.name = name
        self.department = department
        self.yearlyCap = yearlyCap
        self.yearsAfterExit = yearsAfterExit
        self.source = source
    }
}

/// 政策清单与防漏规则 — the deployment's policies and which of them a household is entitled to: school-age children
/// at school (教育资助) and unsafe houses (危房改造 or 易地扶贫搬迁).
public struct BenefitPolicies: Sendable, Equatable {
    public var policies: [BenefitPolicy]
    /// 应享未享 rules: the rule's key (`school_age`, `unsafe_house`) and the policies any one of which meets it.
    public var entitlements: [String: [String]]

    public init(policies: [BenefitPolicy], entitlements: [String: [String]]) {
        self.policies = policies
        self.entitlements = entitlements
    }

    public func policy(_ key: String) -> BenefitPolicy? { policies.first { $0.key == key || $0.name == key } }

    public typealias Fault = LineFault

    public static let entitlementKeys = ["school_age", "unsafe_house"]

    /// `[政策]`: `key | 名称 | 发放部门 | 每人每年上限（元，0不限） | 退出后可享受年数（空：不因退出停止） | 依据`;
    /// `[应享未享]`: `规则 | 政策key,政策key`. `#` starts a comment.
    public static func parse(_ text: String) throws(Fault) -> BenefitPolicies {
        var section = ""
        var policies: [BenefitPolicy] = [], entitlements: [String: [String]] = [:]
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                guard ["政策", "应享未享"].contains(section) else {
                    throw Fault(line: n, chinese: "未知的段“\(section)”（应为 政策 或 应享未享）", english: "unknown section \(section)")
                }
                continue
            }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            switch section {
            case "政策":
                guard parts.count == 6, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                      !parts[1].isEmpty, !parts[2].isEmpty else {
                    throw Fault(line: n, chinese: "应为“key | 名称 | 发放部门 | 每年上限 | 退出后年数 | 依据”，key 为英文字母、数字或下划线",
                                english: "expected 'key | name | department | yearly cap | years after exit | source'")
                }
                guard case .success(let cap) = Money.parse(yuan: parts[3]) else {
                    throw Fault(line: n, chinese: "每年上限“\(parts[3])”应为金额（0为不限）", english: "the yearly cap must be an amount")
                }
                var years: Int?
                if !parts[4].isEmpty {
                    guard let y = Int(parts[4]), (0...20).contains(y) else {
                        throw Fault(line: n, chinese: "退出后可享受年数应为0–20或空", english: "years after exit must be 0–20 or blank")
                    }
                    years = y
                }
                guard !policies.contains(where: { $0.key == parts[0] }) else { throw Fault(line: n, chinese: "政策 \(parts[0]) 重复", english: "policy \(parts[0]) repeats") }
                policies.append(BenefitPolicy(key: parts[0], name: parts[1], department: parts[2], yearlyCap: cap, yearsAfterExit: years, source: parts[5]))
            case "应享未享":
                guard parts.count == 2, entitlementKeys.contains(parts[0]) else {
                    throw Fault(line: n, chinese: "应为“规则 | 政策”，规则为 \(entitlementKeys.joined(separator: "、"))", english: "expected 'rule | policies'")
                }
                let keys = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if let unknown = keys.first(where: { k in !policies.contains { $0.key == k } }) {
                    throw Fault(line: n, chinese: "未知的政策“\(unknown)”（先在[政策]中列出）", english: "unknown policy \(unknown)")
                }
                entitlements[parts[0]] = keys
            default:
                throw Fault(line: n, chinese: "内容应在 [政策] 或 [应享未享] 之下", english: "a line must follow a section heading")
            }
        }
        guard !policies.isEmpty else { throw Fault(line: n, chinese: "至少需要一项政策", english: "at least one policy is needed") }
        return BenefitPolicies(policies: policies, entitlements: entitlements)
    }
}
