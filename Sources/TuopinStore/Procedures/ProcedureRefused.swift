import TuopinDomain

/// A procedure action that was refused; nothing was written.
public struct ProcedureRefused: Refusal {
    public var kind: RefusalKind
    public var chinese: String
    public var english: String

    public init(_ kind: RefusalKind, _ chinese: String, _ english: String) {
        self.kind = kind
        self.chinese = chinese
        self.english = english
    }

    /// A refusal of the procedure's state machine.
    public init(_ refusal: some Refusal) {
        self.init(refusal.kind, refusal.chinese, refusal.english)
    }
}
