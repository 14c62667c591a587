/// 拒绝 — why something asked of the system was not done (nothing was written). Every error of the
/// domain, the store and the file formats that a user can meet adopts it, so that pages, the JSON API and
/// the commands report it the same way from one place: the web module maps `kind` to the HTTP status and
/// shows `message`; a command prints `message` and exits non-zero.
public protocol Refusal: Error, Sendable, CustomStringConvertible {
    var kind: RefusalKind { get }
    /// The reason, in Chinese.
    var chinese: String { get }
    /// The same reason, in English.
    var english: String { get }
    /// The form field, query parameter or file column the refusal concerns, when there is one.
    var field: String? { get }
}

extension Refusal {
    public var field: String? { nil }
    /// "中文 / English", as every page, API answer and command shows it.
    public var message: String { english.isEmpty ? chinese : "\(chinese) / \(english)" }
    public var description: String { message }
}

/// What kind of refusal it is; decides the HTTP status.
public enum RefusalKind: Sendable, Hashable {
    /// The request itself is malformed (a bad parameter): 400.
    case badRequest
    /// The input was read but breaks a rule (a form field, a file row): 422.
    case invalid
    /// The actor may not do this: 403.
    case forbidden
    /// No such thing — or one outside the actor's area, which must look the same: 404.
    case notFound
    /// The thing changed meanwhile, or is in a state that does not allow this: 409.
    case conflict
    /// Not signed in: 401.
    case unauthorized
    /// A setting or file the system needs is missing or wrong: 500 on a page, a stop at start-up.
    case misconfigured
    /// Too many attempts from one place in a short time: 429.
    case tooManyAttempts
    /// The server is too busy to take this now; try again shortly: 503.
    case busy
    /// The request is larger than the server reads: 414 for an address, 413 for a body.
    case tooLong

    public var httpStatus: Int {
        switch self {
        case .badRequest: 400
        case .invalid: 422
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .unauthorized: 401
        case .misconfigured: 500
        case .tooManyAttempts: 429
        case .busy: 503
        case .tooLong: 414
        }
    }
}

/// A refusal stated where it happens, when no named error type fits.
public struct Refused: Refusal, Equatable {
    public var kind: RefusalKind
    public var chinese: String
    public var english: String
    public var field: String?

    public init(_ kind: RefusalKind, _ chinese: String, _ english: String, field: String? = nil) {
        self.kind = kind
        self.chinese = chinese
        self.english = english
        self.field = field
    }

    /// Something that does not exist, or lies outside the actor's area (the two must look alike).
    public static func notFound(_ chinese: String, _ english: String) -> Refused { Refused(.notFound, chinese, english) }
}
