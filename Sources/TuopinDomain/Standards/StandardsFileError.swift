/// A fault in a standards file, naming the line (1-based; nil for a fault of the whole file).
public struct StandardsFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "扶贫标准文件第\($0)行 / standards file line \($0): \(message)" } ?? "扶贫标准文件 / standards file: \(message)"
    }
}
