import TuopinDomain

/// What a use case answers to a form: done, or rejected with the faults to show beside each field (and
/// a message for the whole form). Nothing was written when it is rejected; the page shows the form again
/// with what was typed.
public enum FormResult<Value: Sendable>: Sendable {
    case done(Value)
    case rejected(FormRejection)
}

/// Why a form was not accepted: faults by field name, a message for the whole form, and the kind of
/// refusal (which decides the page's HTTP status).
public struct FormRejection: Sendable, Equatable {
    public var faults: [String: String]
    public var message: String?
    public var kind: RefusalKind

    public init(faults: [String: String] = [:], message: String? = nil, kind: RefusalKind = .invalid) {
        self.faults = faults
        self.message = message
        self.kind = kind
    }

    /// A refusal, shown at its field when it names one, above the form otherwise.
    public init(_ refusal: some Refusal) {
        if let field = refusal.field {
            self.init(faults: [field: refusal.message], kind: refusal.kind)
        } else {
            self.init(message: refusal.message, kind: refusal.kind)
        }
    }
}

extension FormResult {
    /// Runs `body`; a refusal it throws becomes a rejection of the form (anything else is thrown on).
    static func catching(_ body: () async throws -> Value) async throws -> FormResult {
        do {
            return .done(try await body())
        } catch let refusal as any Refusal {
            return .rejected(FormRejection(refusal))
        }
    }
}
