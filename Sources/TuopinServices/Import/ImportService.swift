import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// 导入 — registry exchange files, villages and plans loaded by the county office or an administrator. Every
/// row is checked first; a file with any error writes nothing.
public enum ImportService {
    /// Loads a registry exchange file (CSV or XLSX) through the bulk importer, which writes each household's
    /// audit record in the load's transaction (docs/adr/0010).
    public static func registry(_ file: URL, county: AreaCode?, dryRun: Bool, sheet: String?, in ctx: ServiceContext,
                                progress: (@Sendable (ImportProgress) -> Void)? = nil) async throws -> ImportOutcome {
        try ctx.user.require(.editRegistry)
        guard ctx.user.role == .administrator || ctx.user.role == .countyOffice else {
            throw Refused(.forbidden, "只有县扶贫办或系统管理员可以导入建档立卡数据", "only a county office or an administrator loads registry files")
        }
        if let county { try ctx.requireSight(of: county) }
        let options = ImportOptions(county: county ?? ctx.user.area?.ancestor(at: .county), dryRun: dryRun, actor: ctx.auditActor,
                                    now: ctx.now, today: ctx.today, sheet: sheet, registryFile: ctx.registryFile)
        return try await RegistryImporter.run(file: file, options: options, on: ctx.db, progress: progress)
    }
}
