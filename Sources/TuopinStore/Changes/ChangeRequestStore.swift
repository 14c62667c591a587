import FluentKit
import Foundation
import SQLKit
import TuopinDomain
import TuopinExchange

/// Stored change requests and their steps. Runs inside the caller's transaction; `ChangeService` takes
/// the steps through the domain's state machine, carries out approved changes and records the audit events.
public enum ChangeRequestStore {
    public struct Stored: Sendable {
        public var id: ChangeRequest.ID
        public var householdID: Household.ID?
        public var baseVersion: Int
        public var request: ChangeRequest
        public var createdAt: Date
        /// What a person reads for the household and the requester: 户编号, 户主, village, name and unit.
        public var names = Names()

        public struct Names: Sendable {
            public var householdNumber: String?
            public var head: String?
            public var village: String?
            public var requester: String?
            public var requesterUnit: String?
        }
    }

    /// Saves a new request with the whole proposed household (applied as it is when the last level approves).
    public static func insert(_ r: ChangeRequest, householdID: Household.ID?, baseVersion: Int, proposed: Household, now: Date,
                              on db: any Database) async throws -> ChangeRequest.ID {
        let sql = db as! any SQLDatabase
        let inserted = try await sql.raw("""
            INSERT INTO change_requests (kind, household_id, area_code, requester, reason, attachments, before_json, after_json,
                proposed_json, state, remaining, base_version, created_at, updated_at)
            VALUES (\(bind: r.kind.rawValue), \(bind: householdID?.rawValue), \(bind: r.area.value), \(bind: r.requester), \(bind: r.reason),
                \(bind: r.attachments.joined(separator: "\n")), \(bind: AuditTrail.json(r.before.mapValues { $0 })),
                \(bind: AuditTrail.json(r.after.mapValues { $0 })), \(bind: try proposedJSON(proposed)), \(bind: r.stateKey),
                \(bind: r.remaining.map { String($0.rawValue) }.joined(separator: ",")), \(bind: baseVersion), \(bind: now), \(bind: now))
            RETURNING id
            """).first()
        let id = ChangeRequest.ID(try inserted!.decode(column: "id", as: Int64.self))
        try await saveSteps(r.steps, id: id, on: sql)
        return id
    }

    /// Saves a request's new state and the steps taken since `stepsBefore`.
    public static func update(_ id: ChangeRequest.ID, _ r: ChangeRequest, stepsBefore: Int, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            UPDATE change_requests SET state = \(bind: r.stateKey), remaining = \(bind: r.remaining.map { String($0.rawValue) }.joined(separator: ",")),
            updated_at = \(bind: now) WHERE id = \(bind: id.rawValue)
            """).run()
        try await saveSteps(Array(r.steps[stepsBefore...]), id: id, on: sql)
    }

    /// The household a request proposes, as it was when submitted.
    public static func proposed(_ id: ChangeRequest.ID, on db: any Database) async throws -> Household {
        guard let text = try await (db as! any SQLDatabase).raw("SELECT proposed_json FROM change_requests WHERE id = \(bind: id.rawValue)").first()?
                .decode(column: "proposed_json", as: String.self),
              let household = try? JSONDecoder().decode(Household.self, from: Data(text.utf8)) else { throw NotFound() }
        return household
    }

    static func saveSteps(_ steps: [ChangeRequest.Step], id: ChangeRequest.ID, on sql: any SQLDatabase) async throws {
        for s in steps {
            try await sql.raw("""
                INSERT INTO change_request_steps (request_id, actor, role, decision, at, note)
                VALUES (\(bind: id.rawValue), \(bind: s.actor), \(bind: s.role.rawValue), \(bind: s.decision.rawValue), \(bind: s.at), \(bind: s.note))
                """).run()
        }
    }

    /// The request's columns with the names a person reads (household number, head, village, requester).
    static let selectNamed = """
        SELECT c.*, h.household_no AS named_household_no, m.name AS named_head, a.name AS named_village, u.name AS named_requester,
               u.unit AS named_requester_unit
        FROM change_requests c
        LEFT JOIN households h ON h.id = c.household_id
        LEFT JOIN members m ON m.household_id = c.household_id AND m.relation = '户主'
        LEFT JOIN areas a ON a.code = c.area_code
        LEFT JOIN users u ON u.username = c.requester
        """

    public static func find(_ id: ChangeRequest.ID, scope: AccessScope, on db: any Database) async throws -> Stored? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("\(unsafeRaw: selectNamed) WHERE c.id = \(bind: id.rawValue)").first() else { return nil }
        let stored = try decode(row, steps: try await sql.raw("SELECT * FROM change_request_steps WHERE request_id = \(bind: id.rawValue) ORDER BY id").all())
        return stored.flatMap { scope.includes($0.request.area) ? $0 : nil }
    }

    /// Requests in the scope, newest first; with `waitingFor`, only those waiting for that level's decision.
    public static func list(scope: AccessScope, waitingFor level: AreaLevel? = nil, on db: any Database) async throws -> [Stored] {
        let sql = db as! any SQLDatabase
        guard let conditions = conditions(scope: scope, waitingFor: level) else { return [] }
        var query: SQLQueryString = "\(unsafeRaw: selectNamed)"
        query.appendInterpolation(conditions)
        query.appendLiteral(" ORDER BY c.id DESC LIMIT 500")
        return try await sql.raw(query).all().compactMap { try decode($0, steps: []) }
    }

    /// How many requests in the scope wait for `level`'s decision.
    public static func countWaiting(for level: AreaLevel, scope: AccessScope, on db: any Database) async throws -> Int {
        guard let conditions = conditions(scope: scope, waitingFor: level) else { return 0 }
        var query: SQLQueryString = "SELECT COUNT(*) AS n FROM change_requests c"
        query.appendInterpolation(conditions)
        return try await (db as! any SQLDatabase).raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func conditions(scope: AccessScope, waitingFor level: AreaLevel?) -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        switch scope {
        case .nothing: return nil
        case .everything: break
        case .area(let a): parts.append(SQLConditions.within(a, column: "c.area_code"))
        }
        if let level { parts.append("c.state = \(bind: "pending:\(level.rawValue)")") }
        return SQLConditions.all(parts)
    }

    static func decode(_ row: any SQLRow, steps: [any SQLRow]) throws -> Stored? {
        guard let kind = ChangeKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let area = AreaCode(try row.decode(column: "area_code", as: String.self)),
              let state = ChangeRequest.state(fromKey: try row.decode(column: "state", as: String.self)) else { return nil }
        func dict(_ c: String) throws -> [String: String] {
            let text = try row.decode(column: c, as: String.self)
            return ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String]) ?? [:]
        }
        let remaining = try row.decode(column: "remaining", as: String.self).split(separator: ",").compactMap { Int($0).flatMap(AreaLevel.init(rawValue:)) }
        let restoredSteps = try steps.compactMap { s -> ChangeRequest.Step? in
            guard let role = Role(rawValue: try s.decode(column: "role", as: String.self)),
                  let decision = ChangeRequest.Decision(rawValue: try s.decode(column: "decision", as: String.self)) else { return nil }
            return ChangeRequest.Step(actor: try s.decode(column: "actor", as: String.self), role: role, decision: decision,
                                      at: try s.decode(column: "at", as: Date.self), note: try s.decode(column: "note", as: String?.self))
        }
        let attachments = try row.decode(column: "attachments", as: String.self).split(separator: "\n").map(String.init)
        let request = ChangeRequest(restoring: kind, area: area, requester: try row.decode(column: "requester", as: String.self),
                                    reason: try row.decode(column: "reason", as: String.self), attachments: attachments,
                                    before: try dict("before_json"), after: try dict("after_json"), remaining: remaining,
                                    state: state, steps: restoredSteps)
        var stored = Stored(id: ChangeRequest.ID(try row.decode(column: "id", as: Int64.self)),
                            householdID: try row.decode(column: "household_id", as: Int64?.self).map { Household.ID($0) },
                            baseVersion: try row.decode(column: "base_version", as: Int.self), request: request,
                            createdAt: try row.decode(column: "created_at", as: Date.self))
        func named(_ c: String) -> String? { (try? row.decode(column: c, as: String?.self)) ?? nil }
        stored.names = .init(householdNumber: named("named_household_no") ?? request.after["户编号"] ?? request.before["户编号"],
                             head: named("named_head") ?? request.after["户主"] ?? request.before["户主"], village: named("named_village"),
                             requester: named("named_requester"), requesterUnit: named("named_requester_unit"))
        return stored
    }

    /// The whole proposed household, applied as it is when the last level approves.
    static func proposedJSON(_ h: Household) throws -> String {
        String(decoding: try JSONEncoder().encode(h), as: UTF8.self)
    }

    public struct NotFound: Refusal {
        public var kind: RefusalKind { .notFound }
        public var chinese: String { "没有这个变更申请" }
        public var english: String { "no such change request" }
    }
}
