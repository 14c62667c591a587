import FluentKit
import SQLKit

/// 户籍人口名单: a county's rural household-registration roster, each person linked to the registered
/// household whose member has the same ID (NULL: not on the poverty register).
struct CreateRosterPersons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE roster_persons (county_code TEXT NOT NULL, household_no TEXT NOT NULL, id_number TEXT NOT NULL, name TEXT NOT NULL,
            relation TEXT NOT NULL, sex TEXT NOT NULL, birth_date TEXT NOT NULL, village_code TEXT NOT NULL, household_id BIGINT,
            PRIMARY KEY (county_code, id_number))
            """).run()
        try await sql.raw("CREATE INDEX roster_persons_village ON roster_persons (village_code, household_no)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE roster_persons").run()
    }
}
