import FluentKit
import SQLKit

/// 干部证件号码: a cadre's ID number, when recorded, ties them to the public payroll for the leak rule 公职人员或其亲属领取.
struct AddCadreIDNumber: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE cadres ADD COLUMN id_number TEXT").run()
        try await sql.raw("CREATE INDEX cadres_id_number_idx ON cadres (id_number)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX cadres_id_number_idx").run()
        try await sql.raw("ALTER TABLE cadres DROP COLUMN id_number").run()
    }
}
