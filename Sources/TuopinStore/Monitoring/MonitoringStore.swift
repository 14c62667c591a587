import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 防返贫监测 — recorded hardships, and the monitoring list of an area: every exited household the rules
/// flag, with its category and reasons.
public enum MonitoringStore {
    /// One flagged household.
    public struct Flagged: Sendable {
        public var householdID: Household.ID
        public var number: String
        public var head: String
        public var villageCode: AreaCode
        public var finding: MonitoringCheck.Finding
        /// Already a monitoring object (监测对象识别 finished, not cleared).
        public var monitored: Bool
    }

    /// The list and what was looked at.
    public struct Listing: Sendable {
        public var flagged: [Flagged]
        /// Exited households examined.
        public var examined = 0
        /// Exited households with no income recorded for the year (the income rules could not run).
        public var incomeUnknown = 0
        public func count(_ c: MonitoringCategory) -> Int { flagged.filter { $0.finding.category == c }.count }
    }

    /// Stores a hardship recorded for a household.
    public static func record(_ hardship: Hardship, householdID: Household.ID, by username: String, now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO hardships (household_id, kind, occurred_on, cost_fen, note, recorded_by, recorded_at)
            VALUES (\(bind: householdID.rawValue), \(bind: hardship.kind.rawValue), \(bind: hardship.occurredOn.description), \(bind: hardship.cost.fen),
                    \(bind: hardship.note), \(bind: username), \(bind: now))
            """).run()
    }

    /// The hardships of households under an area (or of the given households), by household ID.
    public static func hardships(under area: AreaCode?, householdIDs: [Household.ID]? = nil, on db: any Database) async throws -> [Household.ID: [Hardship]] {
        let sql = db as! any SQLDatabase
        let (lo, hi) = area?.villageRange ?? ("000000000000", "999999999999")
        let rows: [any SQLRow]
        if let ids = householdIDs {
            guard !ids.isEmpty else { return [:] }
            rows = try await sql.raw("SELECT household_id, kind, occurred_on, cost_fen, note FROM hardships WHERE household_id IN (\(binds: ids.map(\.rawValue))) ORDER BY occurred_on").all()
        } else {
            rows = try await sql.raw("""
                SELECT x.household_id, x.kind, x.occurred_on, x.cost_fen, x.note FROM hardships x JOIN households h ON h.id = x.household_id
                WHERE h.village_code BETWEEN \(bind: lo) AND \(bind: hi) ORDER BY x.occurred_on
                """).all()
        }
        var result: [Household.ID: [Hardship]] = [:]
        for r in rows {
            guard let kind = Hardship.Kind(rawValue: try r.decode(column: "kind", as: String.self)),
                  let date = LocalDate(iso: try r.decode(column: "occurred_on", as: String.self)) else { continue }
            result[Household.ID(try r.decode(column: "household_id", as: Int64.self)), default: []].append(
                Hardship(kind: kind, occurredOn: date, cost: Money(fen: try r.decode(column: "cost_fen", as: Int64.self)),
                         note: try r.decode(column: "note", as: String.self)))
        }
        return result
    }

    /// Applies the monitoring rules for `year` to every exited household under `area`.
    public static func list(area: AreaCode?, year: Int, referenceDate: LocalDate? = nil, standards: StandardSet,
                            on db: any Database) async throws -> Listing {
        let hardships = try await self.hardships(under: area, on: db)
        let monitored = try await ProcedureStore.monitoredHouseholds(under: area, on: db)
        var listing = Listing(flagged: [])
        try await HouseholdScan.forEach(area: area, incomeYears: [year - 1, year], on: db) { window in
            for s in window {
                guard let finding = MonitoringCheck.evaluate(s.household, year: year, hardships: hardships[s.id] ?? [],
                                                             referenceDate: referenceDate, standard: standards) else { continue }
                listing.examined += 1
                if finding.incomeUnknown { listing.incomeUnknown += 1 }
                guard finding.category != nil else { continue }
                listing.flagged.append(Flagged(householdID: s.id, number: s.household.number, head: s.household.head?.name ?? "",
                                               villageCode: s.household.villageCode, finding: finding,
                                               monitored: monitored.contains(s.id)))
            }
        }
        return listing
    }
}
