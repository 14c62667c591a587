/// A fault on one line of a deployment's rules file (规则文件: the matching rules, the policies, the supervision rules,
/// the questionnaire): its line number and what is wrong, in Chinese and English.
public struct LineFault: Error, Equatable, Sendable {
    public var line: Int
    public var chinese: String
    public var english: String

    public init(line: Int, chinese: String, english: String) {
        self.line = line
        self.chinese = chinese
        self.english = english
    }
}
