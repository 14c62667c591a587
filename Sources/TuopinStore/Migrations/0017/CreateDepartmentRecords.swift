import FluentKit
import SQLKit

/// 信息比对: departments' files (each a batch with its digest), their rows by ID number (the kind's other columns
/// as JSON), and the county's decisions on the flags they raise (issue #17).
struct CreateDepartmentRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE department_batches (id \(unsafeRaw: id), kind TEXT NOT NULL, file TEXT NOT NULL, digest TEXT NOT NULL, rows_loaded INTEGER NOT NULL,
            county_code TEXT NOT NULL, username TEXT NOT NULL, loaded_on TEXT NOT NULL)
            """).run()
        try await sql.raw("""
            CREATE TABLE department_records (id \(unsafeRaw: id), batch_id BIGINT NOT NULL REFERENCES department_batches (id), kind TEXT NOT NULL,
            id_number TEXT NOT NULL, name TEXT NOT NULL, record_date TEXT, fields TEXT NOT NULL, county_code TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX department_records_county_idx ON department_records (county_code, kind)").run()
        try await sql.raw("""
            CREATE TABLE match_decisions (flag_key TEXT PRIMARY KEY, rule TEXT NOT NULL, id_number TEXT NOT NULL, household_id BIGINT NOT NULL,
            outcome TEXT NOT NULL, reason TEXT NOT NULL, decided_on TEXT NOT NULL, username TEXT NOT NULL, county_code TEXT NOT NULL)
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["match_decisions", "department_records", "department_batches"] { try await sql.raw("DROP TABLE \(unsafeRaw: t)").run() }
    }
}
