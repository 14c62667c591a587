import SQLKit

/// The registry's secondary indexes, dropped before a first load into an empty registry and built once
/// after it: building an index over rows already in place is a sort, keeping it during the load is one
/// random B-tree insert per row (members by name is the costly one). The unique indexes stay, because
/// the load's upserts need them. Same names and columns as migration 0001 (`DeferredIndexTests` checks
/// that a first load leaves the schema's indexes exactly as they were).
enum DeferredIndexes {
    struct Index: Sendable {
        var name: String
        var table: String
        var columns: [String]
    }

    static let secondary: [Index] = [
        Index(name: "households_village_idx", table: HouseholdRecord.schema, columns: ["village_code"]),
        Index(name: "households_import_idx", table: HouseholdRecord.schema, columns: ["import_id"]),
        Index(name: "members_household_idx", table: MemberRecord.schema, columns: ["household_id"]),
        Index(name: "members_name_idx", table: MemberRecord.schema, columns: ["name"]),
        Index(name: "audit_events_entity_idx", table: AuditEventRecord.schema, columns: ["entity", "entity_id"]),
        Index(name: "audit_events_actor_idx", table: AuditEventRecord.schema, columns: ["actor"]),
        Index(name: "audit_events_area_idx", table: AuditEventRecord.schema, columns: ["area_code"]),
    ]

    /// Drops the secondary indexes when the registry holds no household and the load is large enough to
    /// gain from it; returns what was dropped, to be built again by `build` in the same transaction.
    static func dropForFirstLoad(households: Int, on sql: any SQLDatabase) async throws -> [Index] {
        guard households >= 10_000,
              try await sql.raw("SELECT id FROM households LIMIT 1").first() == nil else { return [] }
        for index in secondary { try await sql.drop(index: index.name).run() }
        return secondary
    }

    static func build(_ indexes: [Index], on sql: any SQLDatabase) async throws {
        for index in indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
    }
}
