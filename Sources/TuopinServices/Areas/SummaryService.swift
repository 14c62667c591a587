import Foundation
import TuopinDomain
import TuopinStore

/// 汇总表 — the per-village and per-county counts that pages read, checked against the registry and rebuilt
/// from it when they differ (`tuopin check-aggregates`).
public enum SummaryService {
    public static func check(in ctx: ServiceContext) async throws -> AggregateCheck.Report {
        try ctx.user.require(.readRegistry)
        return try await AggregateCheck.run(on: ctx.db)
    }

    /// Rebuilds the summary tables from the registry (administrators: it rewrites what every page counts).
    public static func rebuild(reason: String, in ctx: ServiceContext) async throws {
        guard ctx.user.role == .administrator else {
            throw Refused(.forbidden, "只有系统管理员可以重建汇总表", "only an administrator may rebuild the summary tables")
        }
        try await ctx.transaction { tx in
            try await AggregateCheck.rebuild(on: tx.db)
            try await tx.record(SummaryEvent.rebuilt(reason: reason))
        }
    }
}
