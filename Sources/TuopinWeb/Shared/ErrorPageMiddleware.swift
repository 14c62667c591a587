import Foundation
import TuopinDomain
import Vapor

/// Maps every error to one answer — the one place refusals become HTTP: a `Refusal` (from the domain, the
/// store, the file formats or a request's own parameters) answers its kind's status with its message in
/// Chinese and English; Vapor's own errors (an unknown route) keep their status; anything else is a 500
/// whose details go to the log, not the page. Under /api and /health the answer is JSON
/// `{error, reason, field}`; elsewhere a Chinese page.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct ErrorJSON: Content {
        var error: Bool
        var reason: String
        var field: String?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var (status, reason, field) = Self.answer(for: error, on: request)
            // A path no route of this method answers, but one of another method does: 405, not 404.
            let unrouted = (error as? any AbortError)?.status == .notFound && !(error is any Refusal)
            let allowed = unrouted ? Self.methods(allowedFor: request) : []
            if !allowed.isEmpty {
                status = .methodNotAllowed
                reason = "该地址不接受 \(request.method.rawValue) 请求（可用：\(allowed.joined(separator: ", "))） / \(request.method.rawValue) is not allowed here"
            }
            let response: Response
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                response = Response(status: status)
                try response.content.encode(ErrorJSON(error: true, reason: reason, field: field))
            } else {
                response = .html(ErrorView.render(status: Int(status.code), message: reason), status: status)
            }
            if !allowed.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", ")) }
            return response
        }
    }

    /// The methods that the request's path does answer to, when it was sent with another one (405, not 404).
    static func methods(allowedFor request: Request) -> [String] {
        let parts = request.url.path.split(separator: "/").map(String.init)
        let matching = request.application.routes.all.filter { route in
            guard route.method != request.method, route.path.count == parts.count else { return false }
            return zip(route.path, parts).allSatisfy { component, part in
                if case .constant(let c) = component { return c == part }
                return true
            }
        }
        let methods = Set(matching.map(\.method.rawValue))
        return methods.isEmpty ? [] : (methods.contains("GET") ? methods.union(["HEAD"]) : methods).sorted()
    }

    static func answer(for error: any Error, on request: Request) -> (HTTPResponseStatus, String, String?) {
        switch error {
        case let refusal as any Refusal:
            if refusal.kind == .misconfigured { request.logger.report(error: error) }
            return (HTTPResponseStatus(statusCode: refusal.kind.httpStatus), refusal.message, refusal.field)
        case let abort as any AbortError:
            let reason = abort.status == .notFound && abort.reason == "Not Found" ? "找不到该地址 / no such address" : abort.reason
            return (abort.status, reason, nil)
        default:
            request.logger.report(error: error)
            return (.internalServerError, "服务器内部错误，请联系管理员 / internal server error; please tell the administrator", nil)
        }
    }
}
