import FluentKit

/// 贫困村登记: a village's registered population, poor-village flag and exit year, on its area row.
struct AddVillageProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AreaRecord.schema)
            .field("registered_population", .int)
            .update()
        try await database.schema(AreaRecord.schema)
            .field("poor_village", .bool)
            .update()
        try await database.schema(AreaRecord.schema)
            .field("village_exit_year", .int)
            .update()
    }

    func revert(on database: any Database) async throws {
        for f in ["village_exit_year", "poor_village", "registered_population"] {
            try await database.schema(AreaRecord.schema).deleteField(FieldKey(stringLiteral: f)).update()
        }
    }
}
