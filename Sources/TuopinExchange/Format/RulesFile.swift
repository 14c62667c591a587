import Foundation
import TuopinDomain

/// A deployment's rules file (the matching rules, the policies, the supervision rules, the questionnaire): the shipped
/// one from the bundle, or the file an environment variable names. A fault names the file and the line; the server and
/// the commands do not start on one.
public enum RulesFile {
    /// A rules file that cannot be read or has a faulty line.
    public struct Fault: Refusal, Equatable {
        public let chinese: String
        public let english: String
        public var kind: RefusalKind { .misconfigured }
    }

    /// The shipped file's text, `Resources/<directory>/<name>.txt` (checked by the tests: never missing in a build).
    static func shippedText(_ name: String, in directory: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/\(directory)"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("the shipped Resources/\(directory)/\(name).txt is missing") }
        return text
    }

    /// The shipped file parsed (the tests parse every shipped file, so this never fails in a released build).
    static func shipped<T>(_ name: String, in directory: String, _ parse: (String) throws(LineFault) -> T) -> T {
        do { return try parse(shippedText(name, in: directory)) } catch {
            fatalError("the shipped Resources/\(directory)/\(name).txt line \(error.line): \(error.english)")
        }
    }

    /// The file `variable` names in `env` (`what`: the file's name for the messages, Chinese and English), else `shipped`.
    static func fromEnvironment<T>(_ env: [String: String], variable: String, what: (chinese: String, english: String), shipped: @autoclosure () -> T,
                                   _ parse: (String) throws(LineFault) -> T) throws(Fault) -> T {
        guard let path = env[variable], !path.isEmpty else { return shipped() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Fault(chinese: "无法读取\(what.chinese) \(path)", english: "cannot read the \(what.english) \(path)")
        }
        do { return try parse(text) } catch {
            throw Fault(chinese: "\(path) 第\(error.line)行：\(error.chinese)", english: "\(path) line \(error.line): \(error.english)")
        }
    }
}
