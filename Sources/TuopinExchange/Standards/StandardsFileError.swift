import TuopinDomain

/// A fault in a standards file, naming the line (1-based; nil for a fault of the whole file).
public struct StandardsFileError: Refusal, Hashable {
    public var line: Int?
    private var chineseDetail: String
    private var englishDetail: String

    public init(line: Int?, _ chinese: String, _ english: String) {
        self.line = line
        chineseDetail = chinese
        englishDetail = english
    }

    public var kind: RefusalKind { .misconfigured }
    public var chinese: String { line.map { "扶贫标准文件第\($0)行：\(chineseDetail)" } ?? "扶贫标准文件：\(chineseDetail)" }
    public var english: String { line.map { "standards file line \($0): \(englishDetail)" } ?? "standards file: \(englishDetail)" }
}
