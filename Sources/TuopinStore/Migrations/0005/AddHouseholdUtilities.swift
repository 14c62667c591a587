import FluentKit

/// 通生活用电 / 通广播电视: the two household items Sichuan's 一超六有 adds to the national checklist.
struct AddHouseholdUtilities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HouseholdRecord.schema)
            .field("power_supplied", .bool)
            .update()
        try await database.schema(HouseholdRecord.schema)
            .field("broadcast_reception", .bool)
            .update()
    }

    func revert(on database: any Database) async throws {
        for f in ["broadcast_reception", "power_supplied"] {
            try await database.schema(HouseholdRecord.schema).deleteField(FieldKey(stringLiteral: f)).update()
        }
    }
}
