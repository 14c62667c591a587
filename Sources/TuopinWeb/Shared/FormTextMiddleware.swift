import TuopinDomain
import Vapor

/// No form field may carry control characters or bidirectional overrides (`TextRule`): a posted form that
/// does is refused naming the field, before any use case reads it (issue #19 item 11). Runs after
/// `CSRFMiddleware`, which has collected the body.
struct FormTextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST, let fields = Self.textFields(request) {
            for key in fields.keys.sorted() {
                if let fault = TextRule.fault(key, .cell) ?? fields[key].flatMap({ TextRule.fault($0, .freeText) }) {
                    throw Refused(.invalid, "字段 \(key)：" + (fault.components(separatedBy: " / ").first ?? fault),
                                  "field \(key): " + (fault.components(separatedBy: " / ").last ?? fault), field: key)
                }
            }
        }
        return try await next.respond(to: request)
    }

    /// The text fields of a posted form, plain or multipart (whose file parts are not text).
    static func textFields(_ request: Request) -> [String: String]? {
        if request.headers.contentType == .urlEncodedForm { return try? request.content.decode([String: String].self) }
        return request.multipartForm?.text
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
