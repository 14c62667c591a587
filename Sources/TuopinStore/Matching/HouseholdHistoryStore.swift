import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// The registry's history as the audit trail keeps it, for the paper-exit pattern (d): members removed from a
/// household's record (edits and imports; a member's key is "成员 姓名（证件尾号1234）"), and when each household's
/// 脱贫年度 was first set to a year; and for the second half of (f), edits made after an exit was announced.
public enum HouseholdHistoryStore {
    public struct History: Sendable {
        public var moves: [PaperExitPatterns.MemberMove] = []
        /// The first record that set the household's 脱贫年度 to `year`.
        public var exits: [Household.ID: PaperExitPatterns.ExitRecord] = [:]
    }

    public static func history(under area: AreaCode, exitYear year: Int, on db: any Database) async throws -> History {
        let (lo, hi) = area.villageRange
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT seq, occurred_at, entity_id, before_json, after_json FROM audit_events
            WHERE action IN ('household.edit', 'household.import', 'household.status', 'household.create') AND entity = 'household'
              AND area_code BETWEEN \(bind: lo) AND \(bind: hi)
              AND (before_json LIKE '%成员 %' OR after_json LIKE \(bind: "%\"脱贫年度\":\"\(year)\"%"))
            ORDER BY seq
            """).all()
        var history = History()
        for r in rows {
            guard let id = try entity(r) else { continue }
            let seq = try r.decode(column: "seq", as: Int64.self), day = LocalDate(try r.decode(column: "occurred_at", as: Date.self))
            let before = fields(try r.decode(column: "before_json", as: String?.self)), after = fields(try r.decode(column: "after_json", as: String?.self))
            if after["脱贫年度"] == String(year), history.exits[id] == nil { history.exits[id] = .init(day: day, sequence: seq) }
            for (key, was) in before where !was.isEmpty && (after[key] ?? "").isEmpty {
                guard let (name, suffix) = member(key) else { continue }
                history.moves.append(.init(from: id, name: name, idSuffix: suffix, day: day, sequence: seq))
            }
        }
        return history
    }

    /// Hand edits of household records (户信息 edits, approved change requests) made after the household's exit
    /// procedure reached 公告, with the fields each changed.
    public static func amendedAfterExit(under area: AreaCode, on db: any Database) async throws -> [PaperExitPatterns.AmendedRecord] {
        let (lo, hi) = area.villageRange
        let sql = db as! any SQLDatabase
        var announced: [Household.ID: (seq: Int64, day: LocalDate)] = [:]
        for r in try await sql.raw("""
            SELECT a.seq, p.household_id, a.after_json FROM audit_events a JOIN procedures p ON a.entity_id = CAST(p.id AS TEXT)
            WHERE a.entity = 'procedure' AND a.action = 'procedure.step' AND p.kind = \(bind: ProcedureKind.exit.rawValue)
              AND p.household_id IS NOT NULL AND p.village_code BETWEEN \(bind: lo) AND \(bind: hi)
              AND a.after_json LIKE \(bind: "%\"步骤\":\"\(ProcedureStep.announcement.rawValue)\"%")
            ORDER BY a.seq
            """).all() {
            let id = Household.ID(try r.decode(column: "household_id", as: Int64.self))
            guard announced[id] == nil, let day = fields(try r.decode(column: "after_json", as: String?.self))["日期"].flatMap(LocalDate.init(iso:)) else { continue }
            announced[id] = (try r.decode(column: "seq", as: Int64.self), day)
        }
        guard let first = announced.values.map(\.seq).min() else { return [] }
        var amended: [PaperExitPatterns.AmendedRecord] = []
        for r in try await sql.raw("""
            SELECT seq, actor, occurred_at, entity_id, before_json, after_json FROM audit_events
            WHERE action = 'household.edit' AND entity = 'household' AND area_code BETWEEN \(bind: lo) AND \(bind: hi) AND seq > \(bind: first)
            ORDER BY seq
            """).all() {
            guard let id = try entity(r),
                  let exit = announced[id], try r.decode(column: "seq", as: Int64.self) > exit.seq else { continue }
            let changed = Set(fields(try r.decode(column: "before_json", as: String?.self)).keys)
                .union(fields(try r.decode(column: "after_json", as: String?.self)).keys)
            amended.append(.init(household: id, actor: try r.decode(column: "actor", as: String.self),
                                 day: LocalDate(try r.decode(column: "occurred_at", as: Date.self)), announced: exit.day, fields: changed.sorted()))
        }
        return amended
    }

    static func entity(_ r: any SQLRow) throws -> Household.ID? {
        guard let text = try r.decode(column: "entity_id", as: String?.self), let id = Int64(text) else { return nil }
        return Household.ID(id)
    }

    /// "成员 姓名（证件尾号1234）" → (姓名, 1234).
    static func member(_ key: String) -> (String, String)? {
        guard key.hasPrefix("成员 "), key.hasSuffix("）"), let open = key.range(of: "（证件尾号", options: .backwards) else { return nil }
        let name = key[key.index(key.startIndex, offsetBy: 3)..<open.lowerBound]
        let suffix = key[open.upperBound..<key.index(before: key.endIndex)]
        return name.isEmpty || suffix.isEmpty ? nil : (String(name), String(suffix))
    }

    /// An audit record's before or after image as text fields (a null value, as for a field cleared, left out).
    static func fields(_ json: String?) -> [String: String] {
        guard let json else { return [:] }
        if let flat = FlatJSON.object(json) { return flat }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}
