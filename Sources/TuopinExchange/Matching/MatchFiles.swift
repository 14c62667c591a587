import Foundation
import TuopinDomain

/// The matching rules file (docs/MATCHING.md, "The rules file"): the shipped one, or a deployment's own
/// (TUOPIN_MATCH_RULES). A fault names the file and line; the server does not start on one.
public enum MatchFiles {
    public struct Fault: Refusal, Equatable {
        public let chinese: String
        public let english: String
        public var kind: RefusalKind { .misconfigured }
    }

    /// The shipped file's text (a deployment starts its own from it).
    public static let shippedText: String = {
        guard let url = Bundle.module.url(forResource: "rules", withExtension: "txt", subdirectory: "Resources/matching"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("the shipped Resources/matching/rules.txt is missing") }
        return text
    }()

    /// The shipped rules (checked by the tests, so this never fails in a released build).
    public static let shipped: MatchRules = {
        guard let rules = try? MatchRules.parse(shippedText) else { fatalError("the shipped Resources/matching/rules.txt is faulty") }
        return rules
    }()

    /// The file `TUOPIN_MATCH_RULES` names, else the shipped rules.
    public static func fromEnvironment(_ env: [String: String]) throws -> MatchRules {
        guard let path = env["TUOPIN_MATCH_RULES"], !path.isEmpty else { return shipped }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Fault(chinese: "无法读取信息比对规则文件 \(path)", english: "cannot read the matching rules file \(path)")
        }
        do { return try MatchRules.parse(text) } catch {
            throw Fault(chinese: "\(path) 第\(error.line)行：\(error.chinese)", english: "\(path) line \(error.line): \(error.english)")
        }
    }
}
