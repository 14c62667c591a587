import Foundation
import TuopinDomain
import TuopinExchange

/// How `tuopin import` loads a file.
public struct ImportOptions: Sendable {
    public var county: AreaCode?
    public var dryRun: Bool
    /// Who loads it, for the import batch and the audit trail.
    public var actor: AuditActor
    public var now: Date
    public var today: LocalDate
    public var sheet: String?
    /// The registry's SQLite file, when it is one: a large load that finds no server using the file
    /// (`SQLiteFileClaim`) writes it without the write-ahead log.
    public var registryFile: String?

    public init(county: AreaCode? = nil, dryRun: Bool = false, actor: AuditActor = .commandLine,
                now: Date, today: LocalDate, sheet: String? = nil, registryFile: String? = nil) {
        self.county = county
        self.dryRun = dryRun
        self.actor = actor
        self.now = now
        self.today = today
        self.sheet = sheet
        self.registryFile = registryFile
    }
}
