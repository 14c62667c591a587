import TuopinServices
import Vapor

/// Reads, for a signed-in page, what its header shows beyond the viewer: how many change requests wait for
/// the viewer's decision (待我审批), kept until the registry changes.
struct NavigationMiddleware: AsyncMiddleware {
    struct WaitingKey: StorageKey { typealias Value = Int? }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, request.viewer != nil, !request.url.path.hasPrefix("/api/") {
            request.storage[WaitingKey.self] = try await ChangeService.waitingCount(in: try request.context)
        }
        return try await next.respond(to: request)
    }
}
