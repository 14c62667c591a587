import Foundation
import TuopinDomain

/// The matching rules file (docs/MATCHING.md, "The rules file"): the shipped one, or a deployment's own
/// (TUOPIN_MATCH_RULES), read by `RulesFile`.
public enum MatchFiles {
    public typealias Fault = RulesFile.Fault

    /// The shipped file's text (a deployment starts its own from it).
    public static let shippedText = RulesFile.shippedText("rules", in: "matching")

    public static let shipped: MatchRules = RulesFile.shipped("rules", in: "matching", MatchRules.parse)

    /// The file `TUOPIN_MATCH_RULES` names, else the shipped rules.
    public static func fromEnvironment(_ env: [String: String]) throws -> MatchRules {
        try RulesFile.fromEnvironment(env, variable: "TUOPIN_MATCH_RULES", what: ("信息比对规则文件", "matching rules file"), shipped: shipped, MatchRules.parse)
    }
}
