import FluentKit
import TuopinExchange

/// Loads the shipped provinces, prefectures, counties and townships (2025-12-31 list).
struct SeedDivisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let rows = DivisionCatalog.shipped.areas.map { area in
            [BulkValue.text(area.code.value), area.parentCode.map { .text($0.value) } ?? .null, .int(Int64(area.level.rawValue)), .text(area.name)]
        }
        try await database.transaction { tx in
            try await BulkWriter(tx).insert(into: AreaRecord.schema, columns: ["code", "parent_code", "level", "name"], rows: rows)
        }
    }

    func revert(on database: any Database) async throws {
        try await AreaRecord.query(on: database).delete()
    }
}
