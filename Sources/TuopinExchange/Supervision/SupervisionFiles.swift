import Foundation
import TuopinDomain

/// The supervision rules file (docs/SUPERVISION.md): the shipped one, or a deployment's own
/// (TUOPIN_SUPERVISION_RULES), read by `RulesFile`.
public enum SupervisionFiles {
    public typealias Fault = RulesFile.Fault

    public static let shipped: SupervisionRules = RulesFile.shipped("rules", in: "supervision", SupervisionRules.parse)

    /// The file `TUOPIN_SUPERVISION_RULES` names, else the shipped rules.
    public static func fromEnvironment(_ env: [String: String]) throws -> SupervisionRules {
        try RulesFile.fromEnvironment(env, variable: "TUOPIN_SUPERVISION_RULES", what: ("督查规则文件", "supervision rules file"), shipped: shipped,
                                      SupervisionRules.parse)
    }
}
