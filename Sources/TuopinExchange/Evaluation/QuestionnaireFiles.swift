import Foundation
import TuopinDomain

/// The questionnaire file (docs/EVALUATION.md, "The questionnaire"): the shipped one, or a deployment's own
/// (TUOPIN_QUESTIONNAIRE), read by `RulesFile`.
public enum QuestionnaireFiles {
    public typealias Fault = RulesFile.Fault

    public static let shipped: Questionnaire = RulesFile.shipped("questionnaire", in: "evaluation", Questionnaire.parse)

    /// The file `TUOPIN_QUESTIONNAIRE` names, else the shipped questionnaire.
    public static func fromEnvironment(_ env: [String: String]) throws -> Questionnaire {
        try RulesFile.fromEnvironment(env, variable: "TUOPIN_QUESTIONNAIRE", what: ("问卷文件", "questionnaire file"), shipped: shipped, Questionnaire.parse)
    }
}
