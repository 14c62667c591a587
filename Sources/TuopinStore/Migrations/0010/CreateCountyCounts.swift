import FluentKit
import SQLKit

/// 县级汇总表 — households and persons per county, status and household type, kept by their own triggers
/// on `households` beside those of `village_counts` (same transaction, same rules). A province's or a
/// prefecture's summary reads a few hundred county rows instead of tens of thousands of village rows
/// (about 50 ms → a few ms at 1,000,000 households).
struct CreateCountyCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE county_counts (county_code TEXT NOT NULL, status TEXT NOT NULL, household_type TEXT NOT NULL,
            households BIGINT NOT NULL, persons BIGINT NOT NULL, PRIMARY KEY (county_code, status, household_type))
            """).run()
        for statement in sql.dialect.name == "sqlite" ? Self.sqliteTriggers : Self.postgresTriggers {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await sql.raw("""
            INSERT INTO county_counts (county_code, status, household_type, households, persons)
            SELECT county_code, status, household_type, COUNT(*), SUM(member_count) FROM households GROUP BY county_code, status, household_type
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["county_counts_insert", "county_counts_delete", "county_counts_update"] {
            try await sql.raw(SQLQueryString(sql.dialect.name == "sqlite" ? "DROP TRIGGER IF EXISTS \(t)" : "DROP TRIGGER IF EXISTS \(t) ON households")).run()
        }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS county_counts_apply()").run() }
        try await sql.raw("DROP TABLE county_counts").run()
    }

    static func add(_ row: String, sign: String) -> String {
        """
        INSERT INTO county_counts (county_code, status, household_type, households, persons)
        VALUES (\(row).county_code, \(row).status, \(row).household_type, \(sign)1, \(sign)\(row).member_count)
        ON CONFLICT (county_code, status, household_type) DO UPDATE
        SET households = county_counts.households + excluded.households, persons = county_counts.persons + excluded.persons;
        """
    }

    static let sqliteTriggers = [
        "CREATE TRIGGER county_counts_insert AFTER INSERT ON households BEGIN \(add("NEW", sign: "")) END",
        "CREATE TRIGGER county_counts_delete AFTER DELETE ON households BEGIN \(add("OLD", sign: "-")) END",
        """
        CREATE TRIGGER county_counts_update AFTER UPDATE OF county_code, status, household_type, member_count ON households
        BEGIN \(add("OLD", sign: "-")) \(add("NEW", sign: "")) END
        """,
    ]

    static let postgresTriggers = [
        """
        CREATE FUNCTION county_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            INSERT INTO county_counts (county_code, status, household_type, households, persons)
            SELECT county_code, status, household_type, -COUNT(*), -SUM(member_count) FROM old_rows GROUP BY county_code, status, household_type
            ON CONFLICT (county_code, status, household_type) DO UPDATE
            SET households = county_counts.households + excluded.households, persons = county_counts.persons + excluded.persons;
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO county_counts (county_code, status, household_type, households, persons)
            SELECT county_code, status, household_type, COUNT(*), SUM(member_count) FROM new_rows GROUP BY county_code, status, household_type
            ON CONFLICT (county_code, status, household_type) DO UPDATE
            SET households = county_counts.households + excluded.households, persons = county_counts.persons + excluded.persons;
          END IF;
          RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER county_counts_insert AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION county_counts_apply()",
        "CREATE TRIGGER county_counts_delete AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION county_counts_apply()",
        "CREATE TRIGGER county_counts_update AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION county_counts_apply()",
    ]
}
