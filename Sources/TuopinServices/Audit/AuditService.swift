import Foundation
import TuopinDomain
import TuopinStore

/// 痕迹查询 — the audit trail searched within the actor's area, exported (which is itself recorded), and
/// its hash chain verified.
public enum AuditService {
    /// One page of records, newest first.
    public static func search(_ filter: AuditQuery.Filter, page: Int, perPage: Int, in ctx: ServiceContext) async throws -> Page<AuditQuery.Record> {
        try ctx.user.require(.viewAudit)
        return try await AuditQuery.search(filter, scope: ctx.user.scope, page: page, perPage: perPage, on: ctx.db)
    }

    /// Every record the filter finds (up to 100,000), for the CSV; the export is recorded.
    public static func export(_ filter: AuditQuery.Filter, in ctx: ServiceContext) async throws -> [AuditQuery.Record] {
        try ctx.user.require(.viewAudit)
        let result = try await AuditQuery.search(filter, scope: ctx.user.scope, page: 1, perPage: 100_000, on: ctx.db)
        try await ctx.transaction { tx in
            try await tx.record(ExportEvent.audit(records: result.items.count, userArea: tx.user.area))
        }
        return result.items
    }

    /// Walks the whole chain and reports the first broken link.
    public static func verify(in ctx: ServiceContext, progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditVerifier.Report {
        try ctx.user.require(.viewAudit)
        return try await AuditVerifier.verify(on: ctx.db, progress: progress)
    }
}
