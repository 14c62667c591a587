import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 程序办理 — procedures run for households, step by step, each action with its audit record in the same
/// transaction; a finished procedure changes the household (exit year, removal) and adds to its status
/// history.
public enum ProcedureStore {
    public struct Stored: Sendable {
        public var id: Int64
        public var householdID: Int64?
        public var householdNumber: String
        public var villageCode: AreaCode
        public var procedure: Procedure
        public var version: Int
    }

    /// One entry of a household's status history.
    public struct StatusEvent: Sendable, Equatable {
        public var status: String
        public var effectiveOn: String
        public var actor: String
        public var procedureID: Int64?
    }

    /// Starts a procedure for a household; returns its ID.
    public static func start(_ kind: ProcedureKind, householdID: Int64, actor: User, ip: String?, postingDays: Int, now: Date,
                             on db: any Database) async throws -> Int64 {
        guard actor.role.allows(.runProcedures) else { throw ProcedureRefused(.forbidden, "您的角色无权办理程序", "your role may not run procedures") }
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let detail = try await HouseholdStore.find(householdID, scope: actor.scope, on: tx) else {
                throw ProcedureRefused(.notFound, "没有这一户", "no such household")
            }
            let open = try await list(householdID: householdID, on: tx).filter { !$0.procedure.isFinished }
            if open.contains(where: { $0.procedure.kind == kind }) {
                throw ProcedureRefused(.conflict, "此户已有未完成的“\(kind.rawValue)”程序", "a \(kind.rawValue) procedure is already open for this household")
            }
            let monitored = try await isMonitored(householdID, on: tx)
            if let why = kind.refusal(exited: detail.household.exitYear != nil, monitored: monitored) { throw ProcedureRefused(why) }
            let procedure = Procedure(kind: kind, householdNumber: detail.household.number, postingDays: postingDays)
            let row = try await sql.raw("""
                INSERT INTO procedures (household_id, household_no, village_code, kind, state_json, next_step, version, started_at, updated_at)
                VALUES (\(bind: householdID), \(bind: detail.household.number), \(bind: detail.household.villageCode.value), \(bind: kind.rawValue),
                        \(bind: try json(procedure)), \(bind: procedure.nextStep?.rawValue), 1, \(bind: now), \(bind: now)) RETURNING id
                """).first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await audit("procedure.start", id: id, area: detail.household.villageCode, actor: actor, ip: ip, now: now,
                            after: ["程序": kind.rawValue, "户编号": detail.household.number], reason: nil, on: tx)
            return id
        }
    }

    /// Takes the next step. The exit's 销号 needs the household to meet the exit standard for the step's year.
    public static func take(_ step: ProcedureStep, procedureID: Int64, on date: LocalDate, note: String?, actor: User, ip: String?,
                            standards: StandardSet, now: Date, on db: any Database) async throws {
        guard actor.role.mayTake(step) else {
            throw ProcedureRefused(.forbidden, "“\(step.rawValue)”由\(step.level.label)办理，您的角色（\(actor.role.rawValue)）不能办理", "\(step.rawValue) is taken at \(step.level.key) level")
        }
        try await db.transaction { tx in
            var stored = try await load(procedureID, actor: actor, on: tx)
            if stored.procedure.kind == .exit, step == .deregistration, let id = stored.householdID,
               let detail = try await HouseholdStore.find(id, scope: .everything, on: tx) {
                let verdict = HouseholdExitTest.evaluate(detail.household, year: date.year, standard: standards)
                guard verdict.meets else {
                    throw ProcedureRefused(.conflict, "此户\(date.year)年未达到脱贫标准（\(verdict.missing.map(\.label).joined(separator: "、"))），不能销号", "the household does not meet the \(date.year) exit standard (\(verdict.missingCodes)); it may not be deregistered")
                }
            }
            do { try stored.procedure.take(step, by: actor.name, on: date, note: note) } catch let e as ProcedureError { throw ProcedureRefused(e) }
            try await save(stored, on: tx)
            try await audit("procedure.step", id: stored.id, area: stored.villageCode, actor: actor, ip: ip, now: now,
                            after: ["程序": stored.procedure.kind.rawValue, "步骤": step.rawValue, "日期": date.description, "经办人": actor.name,
                                    "说明": note ?? ""], reason: note, on: tx)
            if stored.procedure.isFinished { try await finish(stored, on: date, actor: actor, ip: ip, now: now, on: tx) }
        }
    }

    /// 提出异议 during a posting.
    public static func object(procedureID: Int64, text: String, on date: LocalDate, actor: User, ip: String?, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            var stored = try await load(procedureID, actor: actor, on: tx)
            do { try stored.procedure.object(text, on: date) } catch let e as ProcedureError { throw ProcedureRefused(e) }
            try await save(stored, on: tx)
            try await audit("procedure.objection", id: stored.id, area: stored.villageCode, actor: actor, ip: ip, now: now,
                            after: ["异议": text, "日期": date.description], reason: text, on: tx)
        }
    }

    /// 处理异议.
    public static func resolve(procedureID: Int64, objection index: Int, resolution: String, on date: LocalDate, actor: User, ip: String?,
                               now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            var stored = try await load(procedureID, actor: actor, on: tx)
            do { try stored.procedure.resolveObjection(index, resolution: resolution, on: date) } catch let e as ProcedureError { throw ProcedureRefused(e) }
            try await save(stored, on: tx)
            try await audit("procedure.resolve", id: stored.id, area: stored.villageCode, actor: actor, ip: ip, now: now,
                            after: ["异议": stored.procedure.objections[index].text, "处理结果": resolution, "日期": date.description],
                            reason: resolution, on: tx)
        }
    }

    /// A household's procedures, oldest first.
    public static func list(householdID: Int64, on db: any Database) async throws -> [Stored] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM procedures WHERE household_id = \(bind: householdID) ORDER BY id").all().map(stored)
    }

    /// A household's status history, oldest first.
    public static func history(householdID: Int64, on db: any Database) async throws -> [StatusEvent] {
        try await (db as! any SQLDatabase).raw("""
            SELECT status, effective_on, actor, procedure_id FROM household_status_events WHERE household_id = \(bind: householdID) ORDER BY id
            """).all().map { r in
            StatusEvent(status: try r.decode(column: "status", as: String.self), effectiveOn: try r.decode(column: "effective_on", as: String.self),
                        actor: try r.decode(column: "actor", as: String.self), procedureID: try r.decode(column: "procedure_id", as: Int64?.self))
        }
    }

    /// Whether the household is a monitoring object: its last monitoring event is an entry, not a clearance.
    public static func isMonitored(_ householdID: Int64, on db: any Database) async throws -> Bool {
        let row = try await (db as! any SQLDatabase).raw("""
            SELECT status FROM household_status_events WHERE household_id = \(bind: householdID)
            AND status IN (\(bind: ProcedureKind.monitoringEntry.outcome), \(bind: ProcedureKind.monitoringClearance.outcome)) ORDER BY id DESC LIMIT 1
            """).first()
        return try row?.decode(column: "status", as: String.self) == ProcedureKind.monitoringEntry.outcome
    }

    /// The households under an area that are monitoring objects now (last monitoring event an entry).
    public static func monitoredHouseholds(under area: AreaCode?, on db: any Database) async throws -> Set<Int64> {
        let (lo, hi) = area?.villageRange ?? ("000000000000", "999999999999")
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT e.household_id, e.status FROM household_status_events e
            WHERE e.household_id IS NOT NULL AND e.village_code BETWEEN \(bind: lo) AND \(bind: hi)
              AND e.status IN (\(bind: ProcedureKind.monitoringEntry.outcome), \(bind: ProcedureKind.monitoringClearance.outcome))
            ORDER BY e.id
            """).all()
        var last: [Int64: String] = [:]
        for r in rows { last[try r.decode(column: "household_id", as: Int64.self)] = try r.decode(column: "status", as: String.self) }
        return Set(last.filter { $0.value == ProcedureKind.monitoringEntry.outcome }.keys)
    }

    /// The household a procedure belongs to (nil once removed) and its village.
    public static func household(of procedureID: Int64, on db: any Database) async throws -> (householdID: Int64?, villageCode: AreaCode) {
        guard let r = try await (db as! any SQLDatabase).raw("SELECT household_id, village_code FROM procedures WHERE id = \(bind: procedureID)").first(),
              let code = AreaCode(try r.decode(column: "village_code", as: String.self)) else {
            throw ProcedureRefused(.notFound, "没有这个程序", "no such procedure")
        }
        return (try r.decode(column: "household_id", as: Int64?.self), code)
    }

    // MARK: - inside a transaction

    private static func load(_ id: Int64, actor: User, on db: any Database) async throws -> Stored {
        guard let row = try await (db as! any SQLDatabase).raw("SELECT * FROM procedures WHERE id = \(bind: id)").first() else {
            throw ProcedureRefused(.notFound, "没有这个程序", "no such procedure")
        }
        let s = try stored(row)
        guard actor.scope.includes(s.villageCode) else { throw ProcedureRefused(.notFound, "没有这个程序", "no such procedure") }
        return s
    }

    private static func save(_ s: Stored, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE procedures SET state_json = \(bind: try json(s.procedure)), next_step = \(bind: s.procedure.nextStep?.rawValue),
            version = version + 1, updated_at = \(bind: Date()) WHERE id = \(bind: s.id)
            """).run()
    }

    /// The finished procedure's effect on the household, and its status-history entry.
    private static func finish(_ s: Stored, on date: LocalDate, actor: User, ip: String?, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if let id = s.householdID, let detail = try await HouseholdStore.find(id, scope: .everything, on: db) {
            var exitYear: Int?? = nil
            switch s.procedure.kind {
            case .exit: exitYear = .some(date.year)
            case .returnToPoverty: exitYear = .some(nil)
            case .removal:
                try await HouseholdEditor.remove(id: id, expectedVersion: detail.version, actor: actor, ip: ip,
                                                 reason: "错评剔除程序完成 / removal procedure finished", now: now, on: db)
            default: break
            }
            if let newExit = exitYear {
                let status = HouseholdStatus.from(exitYear: newExit)
                try await sql.raw("""
                    UPDATE households SET exit_year = \(bind: newExit), status = \(bind: status.rawValue), version = version + 1, updated_at = \(bind: now)
                    WHERE id = \(bind: id)
                    """).run()
                try await AuditTrail.append(.init(actor: actor.username, actorRole: actor.role.rawValue, ip: ip, action: "household.status",
                                                  entity: "household", entityID: String(id), areaCode: s.villageCode.value,
                                                  before: AuditTrail.json(["脱贫年度": detail.household.exitYear.map(String.init)]),
                                                  after: AuditTrail.json(["脱贫年度": newExit.map(String.init)]),
                                                  reason: "\(s.procedure.kind.rawValue)程序完成 / procedure finished", at: now), on: db)
            }
        }
        try await sql.raw("""
            INSERT INTO household_status_events (household_id, household_no, village_code, status, effective_on, procedure_id, actor, recorded_at)
            VALUES (\(bind: s.procedure.kind == .removal ? nil : s.householdID), \(bind: s.householdNumber), \(bind: s.villageCode.value),
                    \(bind: s.procedure.kind.outcome), \(bind: date.description), \(bind: s.id), \(bind: actor.name), \(bind: now))
            """).run()
    }

    private static func audit(_ action: String, id: Int64, area: AreaCode, actor: User, ip: String?, now: Date, after: [String: String],
                              reason: String?, on db: any Database) async throws {
        try await AuditTrail.append(.init(actor: actor.username, actorRole: actor.role.rawValue, ip: ip, action: action, entity: "procedure",
                                          entityID: String(id), areaCode: area.value, before: nil, after: AuditTrail.json(after.mapValues { $0 }),
                                          reason: reason, at: now), on: db)
    }

    private static func json(_ p: Procedure) throws -> String {
        String(decoding: try JSONEncoder().encode(p), as: UTF8.self)
    }

    private static func stored(_ r: any SQLRow) throws -> Stored {
        let procedure = try JSONDecoder().decode(Procedure.self, from: Data(try r.decode(column: "state_json", as: String.self).utf8))
        return Stored(id: try r.decode(column: "id", as: Int64.self), householdID: try r.decode(column: "household_id", as: Int64?.self),
                      householdNumber: try r.decode(column: "household_no", as: String.self),
                      villageCode: AreaCode(try r.decode(column: "village_code", as: String.self)) ?? AreaCode("110101001001")!,
                      procedure: procedure, version: try r.decode(column: "version", as: Int.self))
    }
}
