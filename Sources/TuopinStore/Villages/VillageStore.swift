import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 贫困村登记 — village profiles (registered population, poor-village flag, exit year) and the
/// poverty-incidence indicators of villages and the areas above them.
public enum VillageStore {
    /// A village's profile fields that a write changed, before and after.
    public struct ProfileChange: Sendable {
        public var code: AreaCode
        public var before: [String: String?]
        public var after: [String: String?]
    }

    /// Writes profiles; returns the villages whose profile changed, with the fields that changed.
    public static func apply(_ profiles: [VillageProfile], on db: any Database) async throws -> [ProfileChange] {
        try await AreaStore.ensure(villages: Set(profiles.map(\.code)), on: db)
        let sql = db as! any SQLDatabase
        // What is stored now, read 500 villages a query.
        var stored: [String: (name: String, fields: [String: String?])] = [:]
        let codes = profiles.map(\.code.value)
        for start in stride(from: 0, to: codes.count, by: 500) {
            let part = Array(codes[start..<min(start + 500, codes.count)])
            for row in try await sql.raw("SELECT code, name, registered_population, poor_village, village_exit_year FROM areas WHERE code IN (\(binds: part))").all() {
                let name = try row.decode(column: "name", as: String.self)
                stored[try row.decode(column: "code", as: String.self)] = (name, fields(
                    name: name, population: try row.decode(column: "registered_population", as: Int?.self),
                    poor: try row.decode(column: "poor_village", as: Bool?.self), exitYear: try row.decode(column: "village_exit_year", as: Int?.self)))
            }
        }
        var changes: [ProfileChange] = []
        for p in profiles {
            guard let (storedName, old) = stored[p.code.value] else { continue }
            let name = p.name ?? storedName
            let new = fields(name: name, population: p.registeredPopulation, poor: p.isPoorVillage, exitYear: p.exitYear)
            guard old != new else { continue }
            try await sql.raw("""
                UPDATE areas SET name = \(bind: name), registered_population = \(bind: p.registeredPopulation),
                poor_village = \(bind: p.isPoorVillage), village_exit_year = \(bind: p.exitYear) WHERE code = \(bind: p.code.value)
                """).run()
            let changed = new.keys.filter { old[$0] != new[$0] }
            changes.append(ProfileChange(code: p.code, before: Dictionary(uniqueKeysWithValues: changed.map { ($0, old[$0] ?? nil) }),
                                         after: Dictionary(uniqueKeysWithValues: changed.map { ($0, new[$0] ?? nil) })))
        }
        return changes
    }

    static func fields(name: String, population: Int?, poor: Bool?, exitYear: Int?) -> [String: String?] {
        ["村名": name, "户籍人口": population.map(String.init), "贫困村": poor.map(YesNo.label), "出列年度": exitYear.map(String.init)]
    }

    /// One village's line of the village table.
    public struct VillageRow: Sendable {
        public var code: AreaCode
        public var name: String
        public var isPoorVillage: Bool?
        public var exitYear: Int?
        public var households: Int
        public var indicator: IncidenceIndicator
    }

    /// Every village under `area` that has registered households or a profile, with its incidence at the end of `year`;
    /// 户籍人口 is the profile's figure, or the roster's count of the village where no figure was given.
    public static func villages(under area: AreaCode?, year: Int, standards: StandardSet, on db: any Database) async throws -> [VillageRow] {
        let sql = db as! any SQLDatabase
        let (lo, hi) = area?.villageRange ?? ("000000000000", "999999999999")
        let rows = try await sql.raw("""
            SELECT a.code, a.name, COALESCE(a.registered_population, r.persons) AS registered_population, a.poor_village, a.village_exit_year,
                   COALESCE(p.households, 0) AS households, COALESCE(p.persons, 0) AS persons, COALESCE(p.remaining, 0) AS remaining
            FROM areas a LEFT JOIN (
                SELECT h.village_code, COUNT(*) AS households, CAST(SUM(h.member_count) AS BIGINT) AS persons,
                       CAST(SUM(CASE WHEN h.exit_year IS NULL OR h.exit_year > \(bind: year) THEN h.member_count ELSE 0 END) AS BIGINT) AS remaining
                FROM households h
                WHERE h.village_code BETWEEN \(bind: lo) AND \(bind: hi) AND h.member_count > 0
                GROUP BY h.village_code) p ON p.village_code = a.code
            LEFT JOIN (
                SELECT village_code, CAST(COUNT(*) AS BIGINT) AS persons FROM roster_persons
                WHERE village_code BETWEEN \(bind: lo) AND \(bind: hi) GROUP BY village_code) r ON r.village_code = a.code
            WHERE a.level = \(bind: AreaLevel.village.rawValue) AND a.code BETWEEN \(bind: lo) AND \(bind: hi)
              AND (p.households IS NOT NULL OR a.registered_population IS NOT NULL)
            ORDER BY a.code
            """).all()
        return try rows.compactMap { r in
            guard let code = AreaCode(try r.decode(column: "code", as: String.self)) else { return nil }
            let indicator = IncidenceIndicator(area: code, registeredPoor: try r.decode(column: "persons", as: Int.self),
                                               poorRemaining: try r.decode(column: "remaining", as: Int.self),
                                               population: try r.decode(column: "registered_population", as: Int?.self),
                                               threshold: standards.villageIncidence, western: standards.isWestern(code))
            return VillageRow(code: code, name: try r.decode(column: "name", as: String.self),
                              isPoorVillage: try r.decode(column: "poor_village", as: Bool?.self),
                              exitYear: try r.decode(column: "village_exit_year", as: Int?.self),
                              households: try r.decode(column: "households", as: Int.self), indicator: indicator)
        }
    }

    /// The incidence of an area above the villages (township, county): its villages summed; the population
    /// counts only villages that have one loaded, and is nil if none has.
    public static func incidence(of area: AreaCode, rows: [VillageRow], threshold: RateThreshold, standards: StandardSet) -> IncidenceIndicator {
        let inside = rows.filter { area.contains($0.code) }
        let populations = inside.compactMap(\.indicator.population)
        return IncidenceIndicator(area: area, registeredPoor: inside.reduce(0) { $0 + $1.indicator.registeredPoor },
                                  poorRemaining: inside.reduce(0) { $0 + $1.indicator.poorRemaining },
                                  population: populations.isEmpty ? nil : populations.reduce(0, +), threshold: threshold,
                                  western: standards.isWestern(area))
    }

    /// The villages under `area` that are poor in `year`: registered poor villages not yet exited (出列) by then;
    /// where no village profile is loaded, the villages with a household not yet exited.
    public static func poorVillages(under area: AreaCode, year: Int, on db: any Database) async throws -> [AreaCode] {
        let sql = db as! any SQLDatabase
        let flagged = try await sql.raw("""
            SELECT code, poor_village, village_exit_year FROM areas WHERE level = \(bind: AreaLevel.village.rawValue)
            AND poor_village IS NOT NULL AND \(SQLConditions.within(area, column: "code"))
            """).all()
        if !flagged.isEmpty {
            return try flagged.compactMap { r in
                guard try r.decode(column: "poor_village", as: Bool.self) else { return nil }
                if let exit = try r.decode(column: "village_exit_year", as: Int?.self), exit < year { return nil }
                return AreaCode(try r.decode(column: "code", as: String.self))
            }.sorted()
        }
        return try await sql.raw("""
            SELECT DISTINCT village_code FROM households WHERE exit_year IS NULL AND \(SQLConditions.within(area, column: "village_code")) ORDER BY village_code
            """).all().compactMap { AreaCode(try $0.decode(column: "village_code", as: String.self)) }
    }
}
