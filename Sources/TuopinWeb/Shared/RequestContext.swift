import Foundation
import TuopinDomain
import TuopinServices
import Vapor

extension Request {
    /// The use-case context of the signed-in viewer: who, from where, now, on this request's database, under
    /// the standards and approval routes in force, reading through the registry-version cache.
    var context: ServiceContext {
        get throws {
            let viewer = try requireViewer()
            let settings = application.webSettings
            var ctx = ServiceContext(user: viewer.user, ip: clientIP, now: Date(), db: db, standards: settings.standards,
                                     approvals: settings.approvals, reads: RequestReads(request: self))
            ctx.registryFile = application.registryFile
            ctx.responsibility = settings.responsibility
            ctx.supervision = settings.supervision
            ctx.matching = settings.matching
            ctx.questionnaire = settings.questionnaire
            ctx.benefits = settings.benefits
            ctx.attachments = settings.attachments
            return ctx
        }
    }
}

/// Reads kept until the registry changes, through the application's `CurrentReadCache`.
struct RequestReads: CurrentReads {
    let request: Request

    func value<T: Sendable>(_ key: String, compute: @escaping @Sendable () async throws -> T) async throws -> T {
        try await request.current(key, compute: compute)
    }
}
