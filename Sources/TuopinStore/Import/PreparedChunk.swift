import Foundation
import TuopinDomain

/// One chunk of an import made ready for the database: its rows laid out and its audit texts written.
/// The importer prepares the next chunk on another core while the database writes this one (at 1M
/// households the audit texts alone take a fifth of the time), so nothing here touches the database.
struct PreparedChunk: Sendable {
    var households: [Household]
    /// Database IDs of the households already registered, keyed by `key(_:)`.
    var known: [String: Int64]
    var householdRows: [[BulkValue]]
    /// Member rows of each household, with household ID 0 until the household has its ID.
    var memberRows: [[[BulkValue]]]
    /// Income rows of each household, the same way.
    var incomeRows: [[[BulkValue]]]
    /// The audit record of each household, entity ID to be filled in; nil when the file changes nothing of it.
    var audits: [AuditTrail.Entry?]

    /// How the importer keys a household: county and 户编号 (a 户编号 is unique within its county).
    static func key(_ h: Household) -> String { h.villageCode.countyPart + "/" + h.number }

    /// Lays out `households`; `before` holds the stored state of the known ones, by ID.
    init(_ households: [Household], known: [String: Int64], before: [Int64: Household], batchID: Int64,
         fileName: String, options: ImportOptions) {
        self.households = households
        self.known = known
        householdRows = households.map { RegistryRows.household($0, importID: batchID, now: options.now) }
        memberRows = households.map { h in h.members.enumerated().map { RegistryRows.member($1, householdID: 0, position: $0, importID: batchID) } }
        incomeRows = households.map { h in h.incomes.map { RegistryRows.income($0, householdID: 0) } }
        audits = households.map { h in
            RegistryImporter.auditEntry(h, before: known[Self.key(h)].flatMap { before[$0] }, batchID: batchID,
                                        fileName: fileName, options: options)
        }
    }

    /// A household's member or income rows with its ID in place.
    static func withID(_ rows: [[BulkValue]], _ id: Int64) -> [[BulkValue]] {
        rows.map { row in
            var row = row
            row[0] = .int(id)
            return row
        }
    }
}
