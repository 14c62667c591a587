/// A procedure action that was refused, with the reason in Chinese and English; nothing was written.
public struct ProcedureRefused: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
