import FluentKit
import SQLKit

/// 问责: actions taken against units and persons (or commendations), and the problems each concerns.
struct CreateAccountability: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE accountabilities (id \(unsafeRaw: id), action TEXT NOT NULL, basis TEXT NOT NULL, unit TEXT NOT NULL, person TEXT NOT NULL,
            cadre_id BIGINT, action_date TEXT NOT NULL, note TEXT NOT NULL, area_code TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX accountabilities_area_idx ON accountabilities (area_code, action_date)").run()
        try await sql.raw("CREATE INDEX accountabilities_cadre_idx ON accountabilities (cadre_id)").run()
        try await sql.raw("""
            CREATE TABLE accountability_problems (accountability_id BIGINT NOT NULL REFERENCES accountabilities (id), problem_id BIGINT NOT NULL,
            PRIMARY KEY (accountability_id, problem_id))
            """).run()
        try await sql.raw("CREATE INDEX accountability_problems_idx ON accountability_problems (problem_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["accountability_problems", "accountabilities"] { try await sql.raw("DROP TABLE \(unsafeRaw: t)").run() }
    }
}
