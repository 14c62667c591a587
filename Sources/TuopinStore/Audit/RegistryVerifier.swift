import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// `tuopin audit verify --registry`: every household as stored now against the state its latest audit record
/// says it has (`HouseholdState`). Names each household changed, added or deleted behind the application's
/// back. Only as good as the chain it reads: run it with the chain's own check (`AuditVerifier`).
public enum RegistryVerifier {
    /// One household whose stored state the trail does not account for.
    public struct Finding: Sendable, Equatable {
        public var householdID: Int64
        public var number: String?
        public var villageCode: String?
        public var problem: String
    }

    public struct Report: Sendable, Equatable {
        public var checked = 0
        public var findings: [Finding] = []
        public var isIntact: Bool { findings.isEmpty }
    }

    public static func verify(on db: any Database, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Report {
        let sql = db as! any SQLDatabase
        var recorded = try await latestStates(on: sql)
        var report = Report()
        var lastID: Int64 = 0
        while true {
            let rows = try await sql.raw("SELECT * FROM households WHERE id > \(bind: lastID) ORDER BY id LIMIT 2000").all()
            guard let last = rows.last else { break }
            lastID = try last.decode(column: "id", as: Int64.self)
            for (id, h) in try await HouseholdSnapshot.households(rows, idRange: true, on: sql) {
                report.checked += 1
                let state = HouseholdState.hash(h)
                switch recorded.removeValue(forKey: id) {
                case state?: continue
                case nil:
                    report.findings.append(Finding(householdID: id, number: h.number, villageCode: h.villageCode.value, problem:
                        "痕迹中没有这户的状态记录：在应用之外新增（或升级前的数据，见 docs/SECURITY.md） / no audit record gives this household's state: added outside the application (or data from before the upgrade)"))
                case HouseholdState.absent?:
                    report.findings.append(Finding(householdID: id, number: h.number, villageCode: h.villageCode.value, problem:
                        "痕迹记录这户已删除，登记库中却还有：在应用之外恢复 / the trail records this household as removed, yet it is stored: restored outside the application"))
                default:
                    report.findings.append(Finding(householdID: id, number: h.number, villageCode: h.villageCode.value, problem:
                        "户信息、成员或收入与痕迹记录的状态不符：在应用之外被改动 / the household, a member or an income differs from the state its latest audit record gives: changed outside the application"))
                }
            }
            progress?(report.checked)
        }
        for (id, state) in recorded.sorted(by: { $0.key < $1.key }) where state != HouseholdState.absent {
            report.findings.append(Finding(householdID: id, number: nil, villageCode: nil, problem:
                "登记库中已没有这户，痕迹中却没有删除记录：在应用之外被删除 / the household is gone, with no removal in the trail: deleted outside the application"))
        }
        report.findings.sort { $0.householdID < $1.householdID }
        return report
    }

    /// The households (ID, village) no record gives a state for, in ID order.
    public static func unrecorded(on db: any Database) async throws -> [(id: Int64, village: AreaCode)] {
        let sql = db as! any SQLDatabase
        let recorded = try await latestStates(on: sql)
        var missing: [(id: Int64, village: AreaCode)] = []
        for row in try await sql.raw("SELECT id, village_code FROM households ORDER BY id").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            if recorded[id] == nil, let village = AreaCode(try row.decode(column: "village_code", as: String.self)) { missing.append((id, village)) }
        }
        return missing
    }

    /// The state hash of each household's latest record that carries one.
    static func latestStates(on sql: any SQLDatabase) async throws -> [Int64: String] {
        let rows = try await sql.raw("""
            SELECT a.entity_id, a.state_hash FROM audit_events a
            JOIN (SELECT entity_id, MAX(seq) AS last FROM audit_events
                  WHERE entity = \(bind: AuditEntity.household.rawValue) AND state_hash IS NOT NULL GROUP BY entity_id) m
            ON a.seq = m.last
            """).all()
        var states: [Int64: String] = [:]
        states.reserveCapacity(rows.count)
        for row in rows {
            guard let id = Int64(try row.decode(column: "entity_id", as: String.self)) else { continue }
            states[id] = try row.decode(column: "state_hash", as: String.self)
        }
        return states
    }
}
