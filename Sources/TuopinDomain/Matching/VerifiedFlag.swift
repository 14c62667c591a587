/// 疑点 — what a verification (核实) is about, whichever check raised it: a department flag (`DepartmentMatch`) or a
/// paper-exit pattern (`PaperExitPatterns`). The key is what a decision is kept under: a 不属实 decision keeps the
/// same flag out of later runs, a new record or another year raises it again.
public struct VerifiedFlag: Sendable, Hashable {
    public var household: Household.ID
    public var village: AreaCode
    public var key: String
    /// The rule or pattern (its Chinese name).
    public var rule: String
    /// The member concerned ("" for a household pattern).
    public var idNumber: String
    public var explanation: String

    public init(household: Household.ID, village: AreaCode, key: String, rule: String, idNumber: String, explanation: String) {
        self.household = household
        self.village = village
        self.key = key
        self.rule = rule
        self.idNumber = idNumber
        self.explanation = explanation
    }
}

extension DepartmentMatch.Flag {
    public var verified: VerifiedFlag {
        VerifiedFlag(household: household, village: village, key: key, rule: rule.rawValue, idNumber: idNumber, explanation: explanation)
    }
}

extension PaperExitPatterns.Suspicion {
    /// The pattern, the household and the year.
    public var key: String { "\(pattern.rawValue)|\(number)|\(year)" }

    public var verified: VerifiedFlag {
        VerifiedFlag(household: household, village: village, key: key, rule: pattern.rawValue, idNumber: "", explanation: explanation)
    }
}
