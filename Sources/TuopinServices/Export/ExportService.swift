import Foundation
import TuopinDomain
import TuopinStore

/// 导出 — the registry (or one area of it) written in the exchange format, CSV or XLSX. It holds personal
/// data: the permission is checked and every export is recorded.
public enum ExportService {
    /// Writes the households under `area` (nil: all the actor sees) to `url`; the format follows its extension.
    public static func registry(area requested: AreaCode?, to url: URL, in ctx: ServiceContext,
                                progress: (@Sendable (Int) -> Void)? = nil) async throws -> RegistryExport.Outcome {
        try ctx.user.require(.exportPersonalData)
        if let requested { try ctx.requireSight(of: requested) }
        let area = try ctx.area(requested)
        let outcome = try await RegistryExport.write(area: area, to: url, on: ctx.db, progress: progress)
        try await ctx.transaction { tx in
            try await tx.record(ExportEvent.registry(area: area, households: outcome.households, persons: outcome.members,
                                                     format: url.pathExtension.lowercased()))
        }
        return outcome
    }
}
