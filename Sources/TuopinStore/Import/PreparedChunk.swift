import Foundation
import TuopinDomain

/// One chunk of an import made ready for the database: its rows laid out and its audit texts written.
/// The importer prepares the next chunk on another core while the database writes this one (at 1M
/// households the audit texts alone take a fifth of the time), so nothing here touches the database.
struct PreparedChunk: Sendable {
    var households: [Household]
    /// Database IDs of the households already registered, keyed by `HouseholdKey`.
    var known: [String: Int64]
    var householdRows: [[BulkValue]]
    /// Member rows of each household, with household ID 0 until the household has its ID.
    var memberRows: [[[BulkValue]]]
    /// Income rows of each household, the same way.
    var incomeRows: [[[BulkValue]]]
    /// The audit record of each household, entity ID to be filled in; nil when the file changes nothing of it.
    var audits: [AuditTrail.Entry?]
    /// Whether each household is new or differs from what is stored; a reload writes, versions and audits only these.
    var changed: [Bool] = []
    /// A first load's chunk instead comes laid out whole, its household IDs given in advance.
    var assigned: Assigned?

    /// A chunk of a first load, ready to write: every row with its household ID, the audit records hashed.
    struct Assigned: Sendable {
        /// Household rows with the ID first.
        var households: [[BulkValue]]
        var members: [[BulkValue]]
        var incomes: [[BulkValue]]
        var audit: AuditTrail.Chained
    }

    /// Lays out `households`; `before` holds the stored state of the known ones, by ID.
    init(_ households: [Household], known: [String: Int64], before: [Int64: Household], batchID: Int64,
         fileName: String, options: ImportOptions) {
        self.households = households
        self.known = known
        changed = households.map { h in
            guard let stored = known[HouseholdKey.of(h)].flatMap({ before[$0] }) else { return true }
            return Self.asStored(Self.merged(h, over: stored)) != stored
        }
        householdRows = households.map { RegistryRows.household($0, importID: batchID, now: options.now) }
        memberRows = households.map { h in h.members.enumerated().map { RegistryRows.member($1, householdID: 0, position: $0, importID: batchID) } }
        incomeRows = households.map { h in h.incomes.map { RegistryRows.income($0, householdID: 0) } }
        audits = zip(households, changed).map { h, changed in
            guard changed else { return nil }
            return Self.auditEntry(h, before: known[HouseholdKey.of(h)].flatMap { before[$0] }, batchID: batchID,
                                   fileName: fileName, options: options)
        }
    }

    /// The household as the registry will hold it after this file: the file's incomes added to the years stored.
    static func merged(_ h: Household, over stored: Household) -> Household {
        var after = h
        after.incomes = stored.incomes.filter { old in !h.incomes.contains { $0.year == old.year } } + h.incomes
        after.incomes.sort { $0.year < $1.year }
        return after
    }

    /// A household as reading it back from the database gives it (an ID number read from a file may carry
    /// the note that it was upgraded from 15 digits; the stored one does not), for comparing with what is stored.
    static func asStored(_ h: Household) -> Household {
        var h = h
        for i in h.members.indices where h.members[i].id.upgradedFromLegacy {
            h.members[i].id = ResidentID.stored(h.members[i].id.registryText) ?? h.members[i].id
        }
        return h
    }

    /// A first load's chunk: `ids` are the households' IDs (taken in advance: nothing in the registry can
    /// conflict), `chain` where the audit chain ends before it. All of it is done off the database's path,
    /// even the hashes, so that the database only writes.
    static func firstLoad(_ households: [Household], ids: [Int64], chain: AuditTrail.ChainEnd, batchID: Int64,
                          fileName: String, options: ImportOptions) -> PreparedChunk {
        var assigned = Assigned(households: [], members: [], incomes: [], audit: AuditTrail.Chained(rows: [], end: chain))
        assigned.households.reserveCapacity(households.count)
        assigned.members.reserveCapacity(households.count * 4)
        assigned.incomes.reserveCapacity(households.count)
        var audits: [AuditTrail.Entry] = []
        audits.reserveCapacity(households.count)
        for (h, id) in zip(households, ids) {
            assigned.households.append([.int(id)] + RegistryRows.household(h, importID: batchID, now: options.now))
            for (position, m) in h.members.enumerated() {
                assigned.members.append(RegistryRows.member(m, householdID: id, position: position, importID: batchID))
            }
            for income in h.incomes { assigned.incomes.append(RegistryRows.income(income, householdID: id)) }
            if var audit = auditEntry(h, before: nil, batchID: batchID, fileName: fileName, options: options) {
                audit.entityID = String(id)
                audits.append(audit)
            }
        }
        assigned.audit = AuditTrail.chained(audits, after: chain)
        var chunk = PreparedChunk(households: households, known: [:], householdRows: [], memberRows: [], incomeRows: [],
                                  audits: [])
        chunk.assigned = assigned
        return chunk
    }

    private init(households: [Household], known: [String: Int64], householdRows: [[BulkValue]], memberRows: [[[BulkValue]]],
                 incomeRows: [[[BulkValue]]], audits: [AuditTrail.Entry?]) {
        self.households = households
        self.known = known
        self.householdRows = householdRows
        self.memberRows = memberRows
        self.incomeRows = incomeRows
        self.audits = audits
    }

    /// A household's member or income rows with its ID in place.
    static func withID(_ rows: [[BulkValue]], _ id: Int64) -> [[BulkValue]] {
        rows.map { row in
            var row = row
            row[0] = .int(id)
            return row
        }
    }

    /// The audit record of one household the import creates or changes (nil when it changes nothing):
    /// everything recorded for a new household, the changed fields, members and incomes for a known one.
    /// The entity ID is left for the caller: a new household has none until it is written.
    private static func auditEntry(_ h: Household, before: Household?, batchID: Int64, fileName: String,
                           options: ImportOptions) -> AuditTrail.Entry? {
        let reason = "导入文件 \(fileName)（批次 \(batchID)） / import of \(fileName) (batch \(batchID))"
        guard let before else {
            return .init(actor: options.actor.username, actorRole: options.actor.role?.rawValue, ip: options.actor.ip,
                         action: HouseholdEvent.Action.importRecord.rawValue, entity: AuditEntity.household.rawValue,
                         areaCode: h.villageCode.value, after: AuditTrail.json(HouseholdDiff.everythingList(h).map { ($0, $1) }),
                         reason: reason, at: options.now, stateHash: HouseholdState.hash(asStored(h)))
        }
        // The file's incomes are added to the years already stored; years it does not give stay as they are.
        let after = merged(h, over: before)
        let diff = HouseholdDiff.changes(from: before, to: after)
        // Called only for a household that differs from what is stored; a difference the readable diff does
        // not name is still recorded.
        let shown = diff.after.isEmpty && diff.before.isEmpty ? ["记录": "按导入文件重写 / rewritten from the file"] : diff.after
        return .init(actor: options.actor.username, actorRole: options.actor.role?.rawValue, ip: options.actor.ip,
                     action: HouseholdEvent.Action.importRecord.rawValue, entity: AuditEntity.household.rawValue,
                     areaCode: h.villageCode.value, before: AuditTrail.json(diff.before.mapValues { $0 }),
                     after: AuditTrail.json(shown.mapValues { $0 }), reason: reason, at: options.now,
                     stateHash: HouseholdState.hash(asStored(after)))
    }
}
