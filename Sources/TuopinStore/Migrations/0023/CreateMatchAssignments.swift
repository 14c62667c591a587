import FluentKit
import SQLKit

/// 交办: the county's assignment of a flag to the township or to the household's 帮扶责任人, and an index to read a
/// household's department records by ID number (its page lists its flags).
struct CreateMatchAssignments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE match_assignments (flag_key TEXT PRIMARY KEY, county_code TEXT NOT NULL, household_id BIGINT NOT NULL, township_code TEXT NOT NULL,
            cadre_id BIGINT, assignee TEXT NOT NULL, assigned_on TEXT NOT NULL, username TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX department_records_id_idx ON department_records (id_number)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX department_records_id_idx").run()
        try await sql.raw("DROP TABLE match_assignments").run()
    }
}
