import FluentKit
import SQLKit

/// 汇总表 — households and persons per village, status and household type, kept current by triggers on
/// `households` in the same transaction as every write (import, edit, procedure, removal), so that area
/// pages read a few thousand summary rows instead of the registry. SQLite: row triggers; PostgreSQL:
/// statement triggers over transition tables (one aggregate per COPY or multi-row statement).
struct CreateVillageCounts: AsyncMigration {
    static let keys = "village_code, status, household_type"

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE village_counts (village_code TEXT NOT NULL, status TEXT NOT NULL, household_type TEXT NOT NULL,
            households BIGINT NOT NULL, persons BIGINT NOT NULL, PRIMARY KEY (village_code, status, household_type))
            """).run()
        if sql.dialect.name == "sqlite" {
            for statement in Self.sqliteTriggers { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            for statement in Self.postgresTriggers { try await sql.raw(SQLQueryString(statement)).run() }
        }
        try await sql.raw("""
            INSERT INTO village_counts (village_code, status, household_type, households, persons)
            SELECT village_code, status, household_type, COUNT(*), SUM(member_count) FROM households GROUP BY village_code, status, household_type
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for t in ["village_counts_insert", "village_counts_delete", "village_counts_update"] {
                try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(t)")).run()
            }
        } else {
            for t in ["village_counts_insert", "village_counts_delete", "village_counts_update"] {
                try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(t) ON households")).run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS village_counts_apply()").run()
        }
        try await sql.raw("DROP TABLE village_counts").run()
    }

    static func add(_ row: String, sign: String) -> String {
        """
        INSERT INTO village_counts (village_code, status, household_type, households, persons)
        VALUES (\(row).village_code, \(row).status, \(row).household_type, \(sign)1, \(sign)\(row).member_count)
        ON CONFLICT (village_code, status, household_type) DO UPDATE
        SET households = village_counts.households + excluded.households, persons = village_counts.persons + excluded.persons;
        """
    }

    static let sqliteTriggers = [
        "CREATE TRIGGER village_counts_insert AFTER INSERT ON households BEGIN \(add("NEW", sign: "")) END",
        "CREATE TRIGGER village_counts_delete AFTER DELETE ON households BEGIN \(add("OLD", sign: "-")) END",
        """
        CREATE TRIGGER village_counts_update AFTER UPDATE OF village_code, status, household_type, member_count ON households
        BEGIN \(add("OLD", sign: "-")) \(add("NEW", sign: "")) END
        """,
    ]

    /// One function for the three statement triggers: subtract what left, add what came, grouped.
    static let postgresTriggers = [
        """
        CREATE FUNCTION village_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            INSERT INTO village_counts (village_code, status, household_type, households, persons)
            SELECT village_code, status, household_type, -COUNT(*), -SUM(member_count) FROM old_rows GROUP BY village_code, status, household_type
            ON CONFLICT (village_code, status, household_type) DO UPDATE
            SET households = village_counts.households + excluded.households, persons = village_counts.persons + excluded.persons;
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO village_counts (village_code, status, household_type, households, persons)
            SELECT village_code, status, household_type, COUNT(*), SUM(member_count) FROM new_rows GROUP BY village_code, status, household_type
            ON CONFLICT (village_code, status, household_type) DO UPDATE
            SET households = village_counts.households + excluded.households, persons = village_counts.persons + excluded.persons;
          END IF;
          RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER village_counts_insert AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION village_counts_apply()",
        "CREATE TRIGGER village_counts_delete AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION village_counts_apply()",
        "CREATE TRIGGER village_counts_update AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION village_counts_apply()",
    ]
}
