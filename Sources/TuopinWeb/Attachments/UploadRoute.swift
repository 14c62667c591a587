import TuopinServices
import Vapor

/// The routes whose forms carry files: registered with the upload body limit (every file at its limit), which
/// `CSRFMiddleware` reads when it collects the body; every other route keeps the default of 1 MB. The files
/// of such a form are read by `Request.uploads`.
enum UploadRoute {
    static let key = "tuopin.uploadLimit"

    @discardableResult
    static func post(_ routes: any RoutesBuilder, _ path: PathComponent..., limit: Int,
                     use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let route = routes.on(.POST, path, body: .collect(maxSize: ByteCount(value: limit)), use: closure)
        route.userInfo[key] = limit
        return route
    }

    /// The most a request's body may hold on its route.
    static func bodyLimit(_ request: Request) -> Int {
        (request.route?.userInfo[key] as? Int) ?? request.application.routes.defaultMaxBodySize.value
    }
}

extension Request {
    /// The files of a multipart form's `files[]` field (none for any other form); a file input left empty
    /// sends one nameless empty part, which `AttachmentService.check` skips.
    func uploads() -> [AttachmentService.Upload] {
        (multipartForm?.files ?? []).map { AttachmentService.Upload(name: $0.filename, content: Data($0.data.readableBytesView)) }
    }
}
