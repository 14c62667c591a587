import Foundation
import TuopinDomain

/// The supervision rules file (docs/SUPERVISION.md): the shipped one, or a deployment's own
/// (TUOPIN_SUPERVISION_RULES). A fault names the file and line; the server does not start on one.
public enum SupervisionFiles {
    public struct Fault: Refusal, Equatable {
        public let chinese: String
        public let english: String
        public var kind: RefusalKind { .misconfigured }
    }

    /// The shipped rules (checked by the tests, so this never fails in a released build).
    public static let shipped: SupervisionRules = {
        guard let url = Bundle.module.url(forResource: "rules", withExtension: "txt", subdirectory: "Resources/supervision"),
              let text = try? String(contentsOf: url, encoding: .utf8), let rules = try? SupervisionRules.parse(text) else {
            fatalError("the shipped Resources/supervision/rules.txt is missing or faulty")
        }
        return rules
    }()

    /// The file `TUOPIN_SUPERVISION_RULES` names, else the shipped rules.
    public static func fromEnvironment(_ env: [String: String]) throws -> SupervisionRules {
        guard let path = env["TUOPIN_SUPERVISION_RULES"], !path.isEmpty else { return shipped }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Fault(chinese: "无法读取督查规则文件 \(path)", english: "cannot read the supervision rules file \(path)")
        }
        do { return try SupervisionRules.parse(text) } catch {
            throw Fault(chinese: "\(path) 第\(error.line)行：\(error.chinese)", english: "\(path) line \(error.line): \(error.english)")
        }
    }
}
