import FluentKit
import SQLKit

/// 数据版本 — a number that moves whenever anything the pages show changes.
///
/// Every change to the registry, its villages, targets, procedures, users and API tokens appends an
/// audit record in its own transaction (the rule of the audit trail), and every append moves the chain
/// head's sequence number in that transaction. The head's `seq` is therefore a version of the whole
/// database as the pages see it: a value computed after reading version V is current until the head
/// moves past V. Imports from the command line move it too, so a server sees their work at once.
public enum RegistryVersion {
    public static func current(on db: any Database) async throws -> Int64 {
        guard let row = try await (db as! any SQLDatabase).raw("SELECT seq FROM audit_chain_head WHERE id = 1").first() else {
            throw AuditTrail.AuditChainMissing()
        }
        return try row.decode(column: "seq", as: Int64.self)
    }
}
