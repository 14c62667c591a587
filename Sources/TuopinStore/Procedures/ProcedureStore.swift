import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 程序办理 — stored procedures (each a `Procedure` state machine kept whole) and the households' status
/// history. Runs inside the caller's transaction; `ProcedureService` decides who may take which step,
/// applies the domain's rules and records the audit events.
public enum ProcedureStore {
    public struct Stored: Sendable {
        public var id: Procedure.ID
        public var householdID: Household.ID?
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
        public var procedureID: Procedure.ID?
    }

    /// Stores a new procedure for a household; returns its ID.
    public static func insert(_ procedure: Procedure, householdID: Household.ID, village: AreaCode, now: Date, on db: any Database) async throws -> Procedure.ID {
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO procedures (household_id, household_no, village_code, kind, state_json, next_step, version, started_at, updated_at)
            VALUES (\(bind: householdID.rawValue), \(bind: procedure.householdNumber), \(bind: village.value), \(bind: procedure.kind.rawValue),
                    \(bind: try json(procedure)), \(bind: procedure.nextStep?.rawValue), 1, \(bind: now), \(bind: now)) RETURNING id
            """).first()
        return Procedure.ID(try row!.decode(column: "id", as: Int64.self))
    }

    /// A stored procedure, or nil.
    public static func find(_ id: Procedure.ID, on db: any Database) async throws -> Stored? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM procedures WHERE id = \(bind: id.rawValue)").first().map(stored)
    }

    /// Saves a procedure's new state.
    public static func save(_ s: Stored, now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE procedures SET state_json = \(bind: try json(s.procedure)), next_step = \(bind: s.procedure.nextStep?.rawValue),
            version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: s.id.rawValue)
            """).run()
    }

    /// Sets a household's 脱贫年度 (and the status that follows from it), as a finished exit or return does.
    public static func setExitYear(_ exitYear: Int?, householdID: Household.ID, now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE households SET exit_year = \(bind: exitYear), status = \(bind: HouseholdStatus.from(exitYear: exitYear).rawValue),
            version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: householdID.rawValue)
            """).run()
    }

    /// Adds the outcome of a finished procedure to the household's status history (kept after a removal).
    public static func appendStatus(of s: Stored, on date: LocalDate, actor: String, now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO household_status_events (household_id, household_no, village_code, status, effective_on, procedure_id, actor, recorded_at)
            VALUES (\(bind: s.procedure.kind == .removal ? nil : s.householdID?.rawValue), \(bind: s.householdNumber), \(bind: s.villageCode.value),
                    \(bind: s.procedure.kind.outcome), \(bind: date.description), \(bind: s.id.rawValue), \(bind: actor), \(bind: now))
            """).run()
    }

    /// A household's procedures, oldest first.
    public static func list(householdID: Household.ID, on db: any Database) async throws -> [Stored] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM procedures WHERE household_id = \(bind: householdID.rawValue) ORDER BY id").all().map(stored)
    }

    /// A household's status history, oldest first.
    public static func history(householdID: Household.ID, on db: any Database) async throws -> [StatusEvent] {
        try await (db as! any SQLDatabase).raw("""
            SELECT status, effective_on, actor, procedure_id FROM household_status_events WHERE household_id = \(bind: householdID.rawValue) ORDER BY id
            """).all().map { r in
            StatusEvent(status: try r.decode(column: "status", as: String.self), effectiveOn: try r.decode(column: "effective_on", as: String.self),
                        actor: try r.decode(column: "actor", as: String.self),
                        procedureID: try r.decode(column: "procedure_id", as: Int64?.self).map { Procedure.ID($0) })
        }
    }

    /// Whether the household is a monitoring object: its last monitoring event is an entry, not a clearance.
    public static func isMonitored(_ householdID: Household.ID, on db: any Database) async throws -> Bool {
        let row = try await (db as! any SQLDatabase).raw("""
            SELECT status FROM household_status_events WHERE household_id = \(bind: householdID.rawValue)
            AND status IN (\(bind: ProcedureKind.monitoringEntry.outcome), \(bind: ProcedureKind.monitoringClearance.outcome)) ORDER BY id DESC LIMIT 1
            """).first()
        return try row?.decode(column: "status", as: String.self) == ProcedureKind.monitoringEntry.outcome
    }

    /// The households under an area that are monitoring objects now (last monitoring event an entry).
    public static func monitoredHouseholds(under area: AreaCode?, on db: any Database) async throws -> Set<Household.ID> {
        let (lo, hi) = area?.villageRange ?? ("000000000000", "999999999999")
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT e.household_id, e.status FROM household_status_events e
            WHERE e.household_id IS NOT NULL AND e.village_code BETWEEN \(bind: lo) AND \(bind: hi)
              AND e.status IN (\(bind: ProcedureKind.monitoringEntry.outcome), \(bind: ProcedureKind.monitoringClearance.outcome))
            ORDER BY e.id
            """).all()
        var last: [Household.ID: String] = [:]
        for r in rows { last[Household.ID(try r.decode(column: "household_id", as: Int64.self))] = try r.decode(column: "status", as: String.self) }
        return Set(last.filter { $0.value == ProcedureKind.monitoringEntry.outcome }.keys)
    }

    private static func json(_ p: Procedure) throws -> String {
        String(decoding: try JSONEncoder().encode(p), as: UTF8.self)
    }

    private static func stored(_ r: any SQLRow) throws -> Stored {
        let procedure = try JSONDecoder().decode(Procedure.self, from: Data(try r.decode(column: "state_json", as: String.self).utf8))
        let code = try r.decode(column: "village_code", as: String.self)
        guard let village = AreaCode(code) else { throw Refused(.misconfigured, "程序记录的村代码“\(code)”无效", "a stored procedure has a bad village code '\(code)'") }
        return Stored(id: Procedure.ID(try r.decode(column: "id", as: Int64.self)),
                      householdID: try r.decode(column: "household_id", as: Int64?.self).map { Household.ID($0) },
                      householdNumber: try r.decode(column: "household_no", as: String.self),
                      villageCode: village, procedure: procedure, version: try r.decode(column: "version", as: Int.self))
    }
}
