import FluentKit
import SQLKit

/// 资金总览 at province size (50,000 allocations): the totals are grouped straight off an index that holds every
/// column they read (area, source, unit, date, amounts), and the oldest idle allocations are read off one in date order,
/// so neither sorts nor reads the table (docs/adr/0018).
struct AddFundLedgerIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE INDEX fund_allocations_totals_idx ON fund_allocations
            (area_code, source_id, unit, allocated_on, amount_fen, reimbursed_fen, last_reimbursed_on)
            """).run()
        try await sql.raw("""
            CREATE INDEX fund_allocations_age_idx ON fund_allocations (allocated_on, area_code, amount_fen, reimbursed_fen, last_reimbursed_on)
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX fund_allocations_age_idx").run()
        try await sql.raw("DROP INDEX fund_allocations_totals_idx").run()
    }
}
