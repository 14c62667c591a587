import Foundation
import TuopinDomain
import TuopinServices
import Vapor

/// Download of an area's registry in the exchange format (personal data: the permission is checked and
/// the export recorded by `ExportService`).
enum ExportController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("areas", ":code", "export", ":format", use: download)
    }

    @Sendable static func download(req: Request) async throws -> Response {
        let code = try req.areaCode()
        let format = req.parameters.get("format") ?? ""
        guard format == "csv" || format == "xlsx" else { throw Refused.notFound("只能导出 csv 或 xlsx", "only csv or xlsx") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-export-\(UUID().uuidString).\(format)")
        do {
            _ = try await ExportService.registry(area: code, to: file, in: try req.context)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        // Sent from the file in chunks (a county is tens of MB), and removed once sent or abandoned.
        let type: HTTPMediaType = format == "csv" ? .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            : .init(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        let response = try await req.fileio.asyncStreamFile(at: file.path, mediaType: type) { _ in
            try? FileManager.default.removeItem(at: file)
        }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"registry-\(code.prefix).\(format)\"")
        return response
    }
}
