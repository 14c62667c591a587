import TuopinDomain
import Vapor

/// An address longer than any page of ours makes (8 KB) is answered 414 with a message instead of being read
/// (issue #19 item 16). Past 80 KB the HTTP parser itself (SwiftNIO's fixed header limit) closes the connection
/// before any middleware runs; answering those too needs a handler in front of the parser, which Vapor's
/// server does not let an application add (docs/SECURITY.md).
struct AddressLengthMiddleware: AsyncMiddleware {
    static let limit = 8 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.string.utf8.count <= Self.limit else {
            throw Refused(.tooLong, "地址过长（超过8 KB），请减少查询条件后重试", "the address is longer than 8 KB; use fewer search terms")
        }
        return try await next.respond(to: request)
    }
}
