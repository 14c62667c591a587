import Vapor

/// Maps every error to one answer: JSON `{error, reason}` under /api and /health, a Chinese page elsewhere.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct ErrorJSON: Content {
        var error: Bool
        var reason: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            let reason: String
            if let abort = error as? any AbortError {
                status = abort.status
                reason = abort.status == .notFound && abort.reason == "Not Found" ? "找不到该地址 / no such address" : abort.reason
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                reason = "服务器内部错误，请联系管理员 / internal server error; please tell the administrator"
            }
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                let response = Response(status: status)
                try response.content.encode(ErrorJSON(error: true, reason: reason))
                return response
            }
            return .html(ErrorView.render(status: Int(status.code), message: reason), status: status)
        }
    }
}
