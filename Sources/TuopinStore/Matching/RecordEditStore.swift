import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Who edited which household records when, from the audit trail (户信息 edits, new households, 脱贫状态 changes;
/// not imports), for the paper-exit pattern (f).
public enum RecordEditStore {
    public static func edits(under area: AreaCode, from: Date, to: Date, on db: any Database) async throws -> [PaperExitPatterns.RecordEdit] {
        let (lo, hi) = area.villageRange
        return try await (db as! any SQLDatabase).raw("""
            SELECT actor, occurred_at, entity_id FROM audit_events
            WHERE action IN ('household.edit', 'household.status', 'household.create') AND entity = 'household'
              AND area_code BETWEEN \(bind: lo) AND \(bind: hi) AND occurred_at BETWEEN \(bind: from) AND \(bind: to)
            """).all().compactMap { r in
            guard let id = try r.decode(column: "entity_id", as: String?.self).flatMap(Int64.init) else { return nil }
            return PaperExitPatterns.RecordEdit(actor: try r.decode(column: "actor", as: String.self), day: LocalDate(try r.decode(column: "occurred_at", as: Date.self)),
                                                household: Household.ID(id))
        }
    }
}
