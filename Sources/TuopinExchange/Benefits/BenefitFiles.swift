import Foundation
import TuopinDomain

/// The policies file (docs/BENEFITS.md): the shipped one, or a deployment's own (TUOPIN_BENEFIT_POLICIES), read by
/// `RulesFile`.
public enum BenefitFiles {
    public typealias Fault = RulesFile.Fault

    public static let shipped: BenefitPolicies = RulesFile.shipped("policies", in: "benefits", BenefitPolicies.parse)

    /// The file `TUOPIN_BENEFIT_POLICIES` names, else the shipped policies.
    public static func fromEnvironment(_ env: [String: String]) throws -> BenefitPolicies {
        try RulesFile.fromEnvironment(env, variable: "TUOPIN_BENEFIT_POLICIES", what: ("政策清单文件", "policies file"), shipped: shipped,
                                      BenefitPolicies.parse)
    }
}
