import FluentKit
import Foundation
import SQLKit
import TuopinDomain
import TuopinExchange

/// Loads a registry exchange file: reads and checks every row, checks the file against the
/// registry (one person, one household), and — only if there is no error — writes it in one
/// transaction: new households inserted, known ones (by county and 户编号) updated, members
/// matched by ID number, one income record per year, an import batch and an audit record.
public enum RegistryImporter {
    /// Loads the file holding the registry's import lock (`ImportLock`): a second import is refused at once.
    public static func run(file: URL, options: ImportOptions, on db: any Database,
                           progress: (@Sendable (ImportProgress) -> Void)? = nil) async throws -> ImportOutcome {
        if options.dryRun { return try await load(file: file, options: options, on: db, progress: progress) }
        return try await ImportLock.holding(options.registryFile, on: db, actor: options.actor.username, now: options.now) { db in
            try await load(file: file, options: options, on: db, progress: progress)
        }
    }

    static func load(file: URL, options: ImportOptions, on db: any Database,
                     progress: (@Sendable (ImportProgress) -> Void)?) async throws -> ImportOutcome {
        let readStart = Date()
        let readOptions = RegistryReadOptions(county: options.county, today: options.today,
                                              regionHistory: DivisionCatalog.regionHistory,
                                              knownTownships: DivisionCatalog.shipped.townshipCodes, sheet: options.sheet)
        let read = RegistryFileReader.read(file, options: readOptions) { progress?(.reading(rows: $0)) }
        var outcome = ImportOutcome(issues: read.issues, rowCount: read.rowCount, households: read.households.count,
                                    members: read.memberCount, created: 0, updated: 0, written: false, batchID: nil,
                                    readSeconds: 0, writeSeconds: 0)
        guard !read.hasErrors else {
            outcome.readSeconds = Date().timeIntervalSince(readStart)
            return outcome
        }
        progress?(.checking)
        let existing = try await RegistryConflicts.check(read, on: db)
        outcome.issues.append(contentsOf: existing.issues)
        outcome.issues.sort { ($0.row ?? 0) < ($1.row ?? 0) }
        outcome.updated = existing.knownHouseholds
        outcome.created = read.households.count - existing.knownHouseholds
        outcome.readSeconds = Date().timeIntervalSince(readStart)
        guard !outcome.hasErrors, !options.dryRun else { return outcome }

        let writeStart = Date()
        let load = { @Sendable (db: any Database) async throws -> (batchID: Int64, counts: ChunkCounts) in
            let written = try await db.transaction { tx in
                try await Self.write(read, fileName: file.lastPathComponent, options: options, on: tx, progress: progress)
            }
            // After a large load the planner's statistics are stale: refresh them (seconds at province size).
            if read.households.count >= 10_000 { try await (db as! any SQLDatabase).raw("ANALYZE").run() }
            return written
        }
        // A large load into a file no server is using skips the write-ahead log (1M households: write 77 s → 66 s).
        let written: (batchID: Int64, counts: ChunkCounts)
        if read.households.count >= 10_000, let file = options.registryFile, let claim = SQLiteFileClaim.exclusive(file) {
            written = try await SQLiteJournal.withRollbackJournal(on: db) { connection, _ in try await load(connection) }
            withExtendedLifetime(claim) {}
        } else {
            written = try await load(db)
        }
        outcome.batchID = written.batchID
        outcome.created = written.counts.created
        outcome.updated = written.counts.updated
        outcome.unchanged = written.counts.unchanged
        outcome.written = true
        outcome.writeSeconds = Date().timeIntervalSince(writeStart)
        return outcome
    }

    /// Writes checked households; the caller supplies the transaction.
    static func write(_ read: RegistryReadResult, fileName: String, options: ImportOptions, on tx: any Database,
                      progress: (@Sendable (ImportProgress) -> Void)?) async throws -> (batchID: Int64, counts: ChunkCounts) {
        if let sql = tx as? any SQLDatabase, sql.dialect.name == "sqlite" {
            // SQLite's default page cache is 2 MB; a large load inserts into unique indexes far bigger
            // than that in random order. 256 bytes per household, between 64 and 512 MB (1M: write 290 s → 177 s).
            let kilobytes = max(65_536, min(524_288, read.households.count / 4))
            try await sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(kilobytes))").run()
            // Statement journals (each multi-row INSERT keeps one) and index-build sorts in memory, not temp files.
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
        }
        try await AreaStore.ensure(villages: Set(read.households.map(\.villageCode)), on: tx)
        let batch = ImportBatchRecord()
        batch.fileName = fileName
        batch.countyCode = options.county?.countyPart
        batch.startedAt = options.now
        batch.households = read.households.count
        batch.members = read.memberCount
        batch.warnings = read.warningCount
        batch.actor = options.actor.username
        try await batch.create(on: tx)
        let batchID = batch.id!
        let writer = BulkWriter(tx)
        let sql = tx as! any SQLDatabase
        // A first load finds no household of its file in the registry: nothing to look up, nothing to
        // conflict with, no member to leave a household.
        let startsEmpty = try await HouseholdStore.registryIsEmpty(on: sql)
        let deferred = try await DeferredSchema.dropForFirstLoad(households: read.households.count, registryIsEmpty: startsEmpty, on: sql)
        // PostgreSQL plans the ID lookups from statistics; a table that grows from nothing inside this
        // transaction has none, and the lookup then reads the whole county per chunk (275 ms at 1M rows
        // instead of 2 ms). ANALYZE sees the transaction's own rows: run it each time the table doubles.
        // A first load looks nothing up.
        let analyzeAsItGrows = sql.dialect.name == "postgresql" && !startsEmpty
        var analyzedAt = 0
        // In chunks, so that the rows for the database never all sit in memory at once; each chunk is
        // prepared (rows laid out, audit texts written) on another core while the one before it is written.
        // A chunk's reads see nothing of the chunk before it: a file holds each household once.
        let step = 5_000
        let ranges = stride(from: 0, to: read.households.count, by: step).map { $0..<min($0 + step, read.households.count) }
        // A first load takes its household IDs in advance and holds the audit chain's head from here to the
        // commit, so that each chunk is laid out whole — rows with IDs, audit records hashed — on another core
        // while the database writes the one before (1M: the database no longer waits ~11 s for them).
        let firstChain = startsEmpty ? try await AuditTrail.lockHead(on: tx) : nil
        var nextID: Int64?
        func prepare(_ range: Range<Int>, after chain: AuditTrail.ChainEnd?) async throws -> Task<PreparedChunk, Never> {
            let households = Array(read.households[range])
            let fileName = fileName, options = options
            if let chain {
                let ids = try await reserveHouseholdIDs(households.count, next: &nextID, on: sql)
                return Task.detached {
                    PreparedChunk.firstLoad(households, ids: ids, chain: chain, batchID: batchID, fileName: fileName, options: options)
                }
            }
            let known = try await householdIDs(households, on: sql)
            let before = try await HouseholdSnapshot.load(ids: Array(known.values), on: sql)
            return Task.detached {
                PreparedChunk(households, known: known, before: before, batchID: batchID, fileName: fileName, options: options)
            }
        }
        var next = ranges.isEmpty ? nil : try await prepare(ranges[0], after: firstChain)
        var done = 0
        var counts = ChunkCounts()
        for index in ranges.indices {
            let chunk = await next!.value
            next = index + 1 < ranges.count ? try await prepare(ranges[index + 1], after: chunk.assigned?.audit.end) : nil
            let wrote = try await write(chunk, with: writer, on: tx)
            counts.created += wrote.created
            counts.updated += wrote.updated
            counts.unchanged += wrote.unchanged
            let inserted = chunk.households.count - chunk.known.count
            if analyzeAsItGrows, inserted > 0, done + chunk.households.count >= max(step, analyzedAt * 2) {
                try await sql.raw("ANALYZE households").run()
                analyzedAt = done + chunk.households.count
            }
            done += chunk.households.count
            progress?(.writing(households: done, of: read.households.count))
        }
        try await deferred.restore(on: sql)
        if analyzeAsItGrows, analyzedAt > 0 { try await sql.raw("ANALYZE members").run() }
        // Members no longer listed under a household in this file leave it.
        if !startsEmpty {
            try await sql.raw("""
                DELETE FROM members WHERE (import_id IS NULL OR import_id <> \(bind: batchID))
                AND household_id IN (SELECT id FROM households WHERE import_id = \(bind: batchID))
                """).run()
        }
        try await AuditTrail.append(ImportEvent.loaded(batch: batchID, county: options.county, file: fileName, households: read.households.count,
                                                       members: read.memberCount, warnings: read.warningCount),
                                    by: options.actor, at: options.now, on: tx)
        return (batchID, counts)
    }

    /// Writes one prepared chunk: its households (the statement gives their IDs back), their members and
    /// incomes, and their audit records. A first load's chunk comes with everything laid out: its rows go in
    /// plainly (no upsert, no RETURNING: nothing is there to conflict with; on PostgreSQL by COPY straight
    /// into the tables).
    static func write(_ chunk: PreparedChunk, with writer: BulkWriter, on tx: any Database) async throws -> ChunkCounts {
        if let assigned = chunk.assigned {
            try await writer.insert(into: HouseholdRecord.schema, columns: ["id"] + RegistryRows.householdColumns, rows: assigned.households)
            try await writer.insert(into: MemberRecord.schema, columns: RegistryRows.memberColumns, rows: assigned.members)
            try await writer.insert(into: HouseholdIncomeRecord.schema, columns: RegistryRows.incomeColumns, rows: assigned.incomes)
            try await AuditTrail.append(assigned.audit, on: tx)
            return ChunkCounts(created: chunk.households.count)
        }
        // Only households that are new or differ from what is stored are written (and versioned, and audited):
        // a reload of an unchanged file writes nothing, and open change requests keep their version.
        let written = chunk.households.indices.filter { chunk.changed[$0] }
        var counts = ChunkCounts()
        for i in chunk.households.indices {
            if chunk.known[HouseholdKey.of(chunk.households[i])] == nil { counts.created += 1 }
            else if chunk.changed[i] { counts.updated += 1 } else { counts.unchanged += 1 }
        }
        guard !written.isEmpty else { return counts }
        let ids = try await writer.insertReturningIDs(into: HouseholdRecord.schema, columns: RegistryRows.householdColumns,
                                                      rows: written.map { chunk.householdRows[$0] }, upsert: RegistryRows.householdUpsert,
                                                      keyedBy: HouseholdKey.columns)
        var members: [[BulkValue]] = [], incomes: [[BulkValue]] = [], audits: [AuditTrail.Entry] = []
        members.reserveCapacity(written.count * 4)
        audits.reserveCapacity(written.count)
        for i in written {
            guard let id = ids[HouseholdKey.of(chunk.households[i])] else { continue }
            members.append(contentsOf: PreparedChunk.withID(chunk.memberRows[i], id))
            incomes.append(contentsOf: PreparedChunk.withID(chunk.incomeRows[i], id))
            if var audit = chunk.audits[i] {
                audit.entityID = String(id)
                audits.append(audit)
            }
        }
        try await writer.insert(into: MemberRecord.schema, columns: RegistryRows.memberColumns, rows: members, upsert: RegistryRows.memberUpsert)
        try await writer.insert(into: HouseholdIncomeRecord.schema, columns: RegistryRows.incomeColumns, rows: incomes, upsert: RegistryRows.incomeUpsert)
        try await AuditTrail.append(contentsOf: audits, on: tx)
        return counts
    }

    /// What one chunk did to the registry's households.
    struct ChunkCounts: Sendable {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    /// `count` unused household IDs: from the table's sequence on PostgreSQL; on SQLite counted on from
    /// after the highest ID (`next` keeps the count between chunks, as the rows go in later; one writer,
    /// so nobody else takes them).
    static func reserveHouseholdIDs(_ count: Int, next: inout Int64?, on sql: any SQLDatabase) async throws -> [Int64] {
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("""
                SELECT nextval(pg_get_serial_sequence('households', 'id')) AS id FROM generate_series(1, \(bind: count))
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        if next == nil {
            next = 1 + (try await sql.raw("SELECT COALESCE(MAX(id), 0) AS id FROM households").first()?.decode(column: "id", as: Int64.self) ?? 0)
        }
        let first = next!
        next = first + Int64(count)
        return (0..<Int64(count)).map { first + $0 }
    }

    /// Database IDs of a chunk of households, keyed by `HouseholdKey`.
    static func householdIDs(_ chunk: some Collection<Household>, on sql: any SQLDatabase) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        ids.reserveCapacity(chunk.count)
        for (county, list) in Dictionary(grouping: chunk, by: { $0.villageCode.countyPart }) {
            for start in stride(from: 0, to: list.count, by: 1000) {
                let numbers = list[start..<min(start + 1000, list.count)].map(\.number)
                for row in try await sql.raw("SELECT id, household_no FROM households WHERE county_code = \(bind: county) AND household_no IN (\(binds: numbers))").all() {
                    ids[HouseholdKey.make(county: county, number: try row.decode(column: "household_no", as: String.self))] = try row.decode(column: "id", as: Int64.self)
                }
            }
        }
        return ids
    }
}
