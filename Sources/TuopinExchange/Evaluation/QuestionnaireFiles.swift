import Foundation
import TuopinDomain

/// The questionnaire file (docs/EVALUATION.md, "The questionnaire"): the shipped one, or a deployment's own
/// (TUOPIN_QUESTIONNAIRE). A fault names the file and line; the server does not start on one.
public enum QuestionnaireFiles {
    public struct Fault: Refusal, Equatable {
        public let chinese: String
        public let english: String
        public var kind: RefusalKind { .misconfigured }
    }

    /// The shipped questionnaire (checked by the tests, so this never fails in a released build).
    public static let shipped: Questionnaire = {
        guard let url = Bundle.module.url(forResource: "questionnaire", withExtension: "txt", subdirectory: "Resources/evaluation"),
              let text = try? String(contentsOf: url, encoding: .utf8), let q = try? Questionnaire.parse(text) else {
            fatalError("the shipped Resources/evaluation/questionnaire.txt is missing or faulty")
        }
        return q
    }()

    /// The file `TUOPIN_QUESTIONNAIRE` names, else the shipped questionnaire.
    public static func fromEnvironment(_ env: [String: String]) throws -> Questionnaire {
        guard let path = env["TUOPIN_QUESTIONNAIRE"], !path.isEmpty else { return shipped }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Fault(chinese: "无法读取问卷文件 \(path)", english: "cannot read the questionnaire file \(path)")
        }
        do { return try Questionnaire.parse(text) } catch {
            throw Fault(chinese: "\(path) 第\(error.line)行：\(error.chinese)", english: "\(path) line \(error.line): \(error.english)")
        }
    }
}
