import FluentKit
import SQLKit

/// 已报账金额 kept on each allocation by the write that adds a reimbursement (`reimbursed_fen`, and the latest
/// `last_reimbursed_on`), so the funds overview sums allocations without summing every reimbursement again
/// (docs/adr/0017). Existing rows are filled from the reimbursements.
struct AddAllocationReimbursed: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE fund_allocations ADD COLUMN reimbursed_fen BIGINT NOT NULL DEFAULT 0").run()
        try await sql.raw("ALTER TABLE fund_allocations ADD COLUMN last_reimbursed_on TEXT").run()
        try await sql.raw("""
            UPDATE fund_allocations SET
              reimbursed_fen = COALESCE((SELECT SUM(r.amount_fen) FROM reimbursements r WHERE r.allocation_id = fund_allocations.id), 0),
              last_reimbursed_on = (SELECT MAX(r.applied_on) FROM reimbursements r WHERE r.allocation_id = fund_allocations.id)
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE fund_allocations DROP COLUMN last_reimbursed_on").run()
        try await sql.raw("ALTER TABLE fund_allocations DROP COLUMN reimbursed_fen").run()
    }
}
