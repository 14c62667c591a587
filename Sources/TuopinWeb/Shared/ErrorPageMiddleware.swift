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
            let (status, reason, field) = Self.answer(for: error, on: request)
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                let response = Response(status: status)
                try response.content.encode(ErrorJSON(error: true, reason: reason, field: field))
                return response
            }
            return .html(ErrorView.render(status: Int(status.code), message: reason), status: status)
        }
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
