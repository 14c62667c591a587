import FluentKit
import SQLKit

/// 资金项目: fund sources, allocations, reimbursements, the project pool and each project's steps (issue #16).
/// Money in fen (BIGINT), dates as ISO text like every other table.
struct CreateFunds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
        try await sql.raw("""
            CREATE TABLE fund_sources (id \(unsafeRaw: id), kind TEXT NOT NULL, document TEXT NOT NULL, title TEXT NOT NULL, issued_on TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, county_code TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE UNIQUE INDEX fund_sources_document_idx ON fund_sources (county_code, document)").run()
        try await sql.raw("""
            CREATE TABLE projects (id \(unsafeRaw: id), name TEXT NOT NULL, category TEXT NOT NULL, nature TEXT NOT NULL, proposer TEXT NOT NULL,
            county_code TEXT NOT NULL, area_code TEXT NOT NULL, villages TEXT NOT NULL, unit TEXT NOT NULL, tasks TEXT NOT NULL,
            planned_fen BIGINT NOT NULL, funding TEXT NOT NULL, plan_year INTEGER NOT NULL, start_on TEXT NOT NULL, end_on TEXT NOT NULL,
            households TEXT NOT NULL, beneficiaries INTEGER NOT NULL, targets TEXT NOT NULL, mechanism TEXT NOT NULL, stage TEXT NOT NULL,
            posted_on TEXT, accepted_on TEXT, announced_on TEXT, removal TEXT)
            """).run()
        try await sql.raw("CREATE INDEX projects_area_idx ON projects (area_code, plan_year)").run()
        try await sql.raw("""
            CREATE TABLE project_steps (id \(unsafeRaw: id), project_id BIGINT NOT NULL REFERENCES projects (id), step_on TEXT NOT NULL,
            username TEXT NOT NULL, action TEXT NOT NULL, stage TEXT NOT NULL, note TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX project_steps_idx ON project_steps (project_id)").run()
        try await sql.raw("""
            CREATE TABLE fund_allocations (id \(unsafeRaw: id), source_id BIGINT NOT NULL REFERENCES fund_sources (id), area_code TEXT NOT NULL,
            project_id BIGINT REFERENCES projects (id), amount_fen BIGINT NOT NULL, allocated_on TEXT NOT NULL, unit TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX fund_allocations_area_idx ON fund_allocations (area_code, allocated_on)").run()
        try await sql.raw("CREATE INDEX fund_allocations_project_idx ON fund_allocations (project_id)").run()
        try await sql.raw("""
            CREATE TABLE reimbursements (id \(unsafeRaw: id), allocation_id BIGINT NOT NULL REFERENCES fund_allocations (id),
            project_id BIGINT REFERENCES projects (id), amount_fen BIGINT NOT NULL, applied_on TEXT NOT NULL, voucher TEXT NOT NULL, level TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX reimbursements_allocation_idx ON reimbursements (allocation_id, applied_on)").run()
        try await sql.raw("CREATE INDEX reimbursements_project_idx ON reimbursements (project_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for t in ["reimbursements", "fund_allocations", "project_steps", "projects", "fund_sources"] { try await sql.raw("DROP TABLE \(unsafeRaw: t)").run() }
    }
}
