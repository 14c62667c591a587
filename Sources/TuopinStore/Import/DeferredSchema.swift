import SQLKit

/// What a first load into an empty registry builds after the rows instead of during them: the registry's
/// secondary indexes (building an index over rows in place is a sort; keeping it during the load is one
/// random B-tree insert per row — members by name is the costly one) and, on PostgreSQL, the foreign keys
/// of members and incomes (checked once over the table instead of once per row) and the unique keys of
/// households, members and incomes (a first load there inserts without upsert, and the reader has already
/// refused any file that repeats a household or an ID number). SQLite keeps its unique keys: they are table
/// constraints there, which it cannot drop without rebuilding the table. Same names and definitions as the
/// migrations (`DeferredSchemaTests` checks that a first load leaves the schema exactly as it was). Everything
/// happens inside the load's transaction, so a failed load leaves the schema as it found it.
struct DeferredSchema: Sendable {
    struct Index: Sendable {
        var name: String
        var table: String
        var columns: [String]
    }

    struct ForeignKey: Sendable {
        var name: String
        var table: String
        var definition: String
    }

    static let secondaryIndexes: [Index] = [
        Index(name: "households_village_idx", table: HouseholdRecord.schema, columns: [HouseholdColumn.villageCode.rawValue]),
        Index(name: "households_import_idx", table: HouseholdRecord.schema, columns: [HouseholdColumn.importID.rawValue]),
        Index(name: "members_household_idx", table: MemberRecord.schema, columns: [MemberColumn.householdID.rawValue]),
        Index(name: "members_name_idx", table: MemberRecord.schema, columns: [MemberColumn.name.rawValue]),
        Index(name: "audit_events_entity_idx", table: AuditEventRecord.schema, columns: ["entity", "entity_id"]),
        Index(name: "audit_events_actor_idx", table: AuditEventRecord.schema, columns: ["actor"]),
        Index(name: "audit_events_area_idx", table: AuditEventRecord.schema, columns: ["area_code"]),
    ]

    /// PostgreSQL only: SQLite cannot drop a constraint without rebuilding its table.
    static let foreignKeys: [ForeignKey] = [
        ForeignKey(name: "members_household_id_fkey", table: MemberRecord.schema,
                   definition: "FOREIGN KEY (household_id) REFERENCES households(id) ON DELETE CASCADE"),
        ForeignKey(name: "household_incomes_household_id_fkey", table: HouseholdIncomeRecord.schema,
                   definition: "FOREIGN KEY (household_id) REFERENCES households(id) ON DELETE CASCADE"),
    ]

    /// PostgreSQL only, as for foreign keys; a unique key built over the loaded table is one sort, kept
    /// during the load it is a B-tree insert per row (3.5M ID numbers in random order at province size).
    static let uniqueKeys: [Index] = [
        Index(name: "households_county_no_key", table: HouseholdRecord.schema, columns: HouseholdColumn.key.map(\.rawValue)),
        Index(name: "members_id_number_key", table: MemberRecord.schema, columns: MemberColumn.key.map(\.rawValue)),
        Index(name: "household_incomes_household_year_key", table: HouseholdIncomeRecord.schema, columns: IncomeColumn.key.map(\.rawValue)),
    ]

    var indexes: [Index] = []
    var keys: [ForeignKey] = []
    var uniques: [Index] = []

    /// Drops the deferred parts when the registry holds no household and the load is large enough to
    /// gain from it; `restore` builds them again in the same transaction.
    static func dropForFirstLoad(households: Int, registryIsEmpty: Bool, on sql: any SQLDatabase) async throws -> DeferredSchema {
        guard households >= 10_000, registryIsEmpty else { return DeferredSchema() }
        var deferred = DeferredSchema(indexes: secondaryIndexes)
        if sql.dialect.name == "postgresql" {
            deferred.keys = foreignKeys
            deferred.uniques = uniqueKeys
        }
        for name in deferred.keys.map({ ($0.table, $0.name) }) + deferred.uniques.map({ ($0.table, $0.name) }) {
            try await sql.raw("ALTER TABLE \(ident: name.0) DROP CONSTRAINT \(ident: name.1)").run()
        }
        for index in deferred.indexes { try await sql.drop(index: index.name).run() }
        return deferred
    }

    func restore(on sql: any SQLDatabase) async throws {
        if !uniques.isEmpty {
            // The unique keys are built by sorting; PostgreSQL's default 64 MB sorts 3.5M ID numbers on disk.
            try await sql.raw("SET LOCAL maintenance_work_mem = '512MB'").run()
        }
        for unique in uniques {
            try await sql.raw("ALTER TABLE \(ident: unique.table) ADD CONSTRAINT \(ident: unique.name) UNIQUE (\(unsafeRaw: unique.columns.map { "\"\($0)\"" }.joined(separator: ", ")))").run()
        }
        for index in indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
        for key in keys {
            try await sql.raw("ALTER TABLE \(ident: key.table) ADD CONSTRAINT \(ident: key.name) \(unsafeRaw: key.definition)").run()
        }
    }
}
