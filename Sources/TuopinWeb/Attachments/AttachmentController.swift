import Foundation
import TuopinDomain
import TuopinServices
import Vapor

/// 附件 — serves an uploaded file to a viewer whose area covers its record: inline (a photo shows in the page,
/// a PDF opens), with its own type and nothing the browser may sniff otherwise.
enum AttachmentController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("attachments", ":attachment", use: file)
    }

    @Sendable static func file(req: Request) async throws -> Response {
        let id: Attachment.ID = try req.pathID("attachment", or: Refused.notFound("没有这个附件", "no such attachment"))
        let (a, content) = try await AttachmentService.file(id, in: try req.context)
        let response = Response(status: .ok, body: .init(data: content))
        response.headers.replaceOrAdd(name: .contentType, value: a.type.mediaType)
        let encoded = a.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"attachment-\(a.id!.rawValue)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: a.sha256)
        return response
    }
}
