import FluentKit
import Foundation
import SQLKit
import TuopinDomain
import TuopinExchange

/// Stored change requests: submitted, decided step by step, and applied when the last level approves.
public enum ChangeRequestStore {
    public struct Stored: Sendable {
        public var id: Int64
        public var householdID: Int64?
        public var baseVersion: Int
        public var request: ChangeRequest
        public var createdAt: Date
    }

    /// Saves a new request (or applies it at once when no level above must approve).
    @discardableResult
    public static func submit(_ r: ChangeRequest, householdID: Int64?, baseVersion: Int, edited: Household, by user: User,
                              ip: String?, now: Date, on db: any Database) async throws -> Int64 {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let inserted = try await sql.raw("""
                INSERT INTO change_requests (kind, household_id, area_code, requester, reason, attachments, before_json, after_json,
                    proposed_json, state, remaining, base_version, created_at, updated_at)
                VALUES (\(bind: r.kind.rawValue), \(bind: householdID), \(bind: r.area.value), \(bind: r.requester), \(bind: r.reason),
                    \(bind: r.attachments.joined(separator: "\n")), \(bind: AuditTrail.json(r.before.mapValues { $0 })),
                    \(bind: AuditTrail.json(r.after.mapValues { $0 })), \(bind: try proposedJSON(edited)), \(bind: r.stateKey),
                    \(bind: r.remaining.map { String($0.rawValue) }.joined(separator: ",")), \(bind: baseVersion), \(bind: now), \(bind: now))
                RETURNING id
                """).first()
            let id = try inserted!.decode(column: "id", as: Int64.self)
            try await saveSteps(r.steps, id: id, on: sql)
            try await AuditTrail.append(.init(actor: user.username, actorRole: user.role.rawValue, ip: ip, action: "change.submit",
                                              entity: "household", entityID: householdID.map(String.init), areaCode: r.area.value,
                                              before: AuditTrail.json(r.before.mapValues { $0 }), after: AuditTrail.json(r.after.mapValues { $0 }),
                                              reason: "变更申请 #\(id)（\(r.kind.rawValue)）：\(r.reason)", at: now), on: tx)
            if r.state == .approved {
                try await carryOut(r.kind, edited, householdID: householdID, baseVersion: baseVersion, user: user, ip: ip,
                                   reason: "变更申请 #\(id)", now: now, on: tx)
            }
            return id
        }
    }

    static func saveSteps(_ steps: [ChangeRequest.Step], id: Int64, on sql: any SQLDatabase) async throws {
        for s in steps {
            try await sql.raw("""
                INSERT INTO change_request_steps (request_id, actor, role, decision, at, note)
                VALUES (\(bind: id), \(bind: s.actor), \(bind: s.role.rawValue), \(bind: s.decision.rawValue), \(bind: s.at), \(bind: s.note))
                """).run()
        }
    }

    public static func find(_ id: Int64, scope: AccessScope, on db: any Database) async throws -> Stored? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("SELECT * FROM change_requests WHERE id = \(bind: id)").first() else { return nil }
        let stored = try decode(row, steps: try await sql.raw("SELECT * FROM change_request_steps WHERE request_id = \(bind: id) ORDER BY id").all())
        return stored.flatMap { scope.includes($0.request.area) ? $0 : nil }
    }

    /// Requests in the scope, newest first.
    public static func list(scope: AccessScope, on db: any Database) async throws -> [Stored] {
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = "SELECT * FROM change_requests"
        switch scope {
        case .nothing: return []
        case .everything: break
        case .area(let a):
            query.appendInterpolation(SQLConditions.all([SQLConditions.within(a, column: "area_code")]))
        }
        query.appendLiteral(" ORDER BY id DESC LIMIT 500")
        return try await sql.raw(query).all().compactMap { try decode($0, steps: []) }
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
        return Stored(id: try row.decode(column: "id", as: Int64.self), householdID: try row.decode(column: "household_id", as: Int64?.self),
                      baseVersion: try row.decode(column: "base_version", as: Int.self), request: request,
                      createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    public enum Action: Sendable {
        case approve(note: String?)
        case giveBack(reason: String)
        case withdraw
    }

    /// Takes one step by `user`; when the last level approves, the change is applied over the
    /// version it was made against (a newer version refuses the approval and changes nothing).
    public static func decide(_ id: Int64, _ action: Action, by user: User, ip: String?, now: Date,
                              on db: any Database) async throws -> ChangeRequest {
        try await db.transaction { tx in
            guard var stored = try await find(id, scope: user.scope, on: tx) else { throw NotFound() }
            let before = stored.request.steps.count
            switch action {
            case .approve(let note): try stored.request.approve(by: user, note: note, now: now)
            case .giveBack(let reason): try stored.request.giveBack(by: user, reason: reason, now: now)
            case .withdraw: try stored.request.withdraw(by: user, now: now)
            }
            let r = stored.request
            let sql = tx as! any SQLDatabase
            try await sql.raw("""
                UPDATE change_requests SET state = \(bind: r.stateKey), remaining = \(bind: r.remaining.map { String($0.rawValue) }.joined(separator: ",")),
                updated_at = \(bind: now) WHERE id = \(bind: id)
                """).run()
            try await saveSteps(Array(r.steps[before...]), id: id, on: sql)
            let step = r.steps.last!
            try await AuditTrail.append(.init(actor: user.username, actorRole: user.role.rawValue, ip: ip, action: "change.\(decisionKey(step.decision))",
                                              entity: "household", entityID: stored.householdID.map(String.init), areaCode: r.area.value,
                                              reason: "变更申请 #\(id)：\(step.note ?? step.decision.rawValue)", at: now), on: tx)
            if r.state == .approved, stored.householdID != nil || r.kind == .newHousehold {
                let hid = stored.householdID
                guard let text = try await sql.raw("SELECT proposed_json FROM change_requests WHERE id = \(bind: id)").first()?
                        .decode(column: "proposed_json", as: String.self),
                      let edited = try? JSONDecoder().decode(Household.self, from: Data(text.utf8)) else { throw NotFound() }
                try await carryOut(r.kind, edited, householdID: hid, baseVersion: stored.baseVersion, user: user, ip: ip,
                                   reason: "变更申请 #\(id) 审批通过", now: now, on: tx)
            }
            return r
        }
    }

    /// Carries out an approved change: a removal deletes the household; every other kind writes the proposed household.
    static func carryOut(_ kind: ChangeKind, _ edited: Household, householdID: Int64?, baseVersion: Int, user: User, ip: String?,
                         reason: String, now: Date, on tx: any Database) async throws {
        guard let householdID else {
            try await HouseholdEditor.create(edited, actor: user, ip: ip, reason: reason, now: now, on: tx)
            return
        }
        if kind == .removal {
            try await HouseholdEditor.remove(id: householdID, expectedVersion: baseVersion, actor: user, ip: ip, reason: reason, now: now, on: tx)
        } else {
            try await HouseholdEditor.apply(edited, id: householdID, expectedVersion: baseVersion, actor: user, ip: ip, reason: reason, now: now, on: tx)
        }
    }

    /// The whole proposed household, applied as it is when the last level approves.
    static func proposedJSON(_ h: Household) throws -> String {
        String(decoding: try JSONEncoder().encode(h), as: UTF8.self)
    }

    static func decisionKey(_ d: ChangeRequest.Decision) -> String {
        switch d {
        case .submit: "submit"
        case .approve: "approve"
        case .giveBack: "return"
        case .withdraw: "withdraw"
        }
    }

    public struct NotFound: Refusal {
        public var kind: RefusalKind { .notFound }
        public var chinese: String { "没有这个变更申请" }
        public var english: String { "no such change request" }
    }
}
