import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 年度减贫计划（挂图作战）— stored plans, and progress against them from the registry.
public enum TargetStore {
    /// Writes plans (a plan for an area and year replaces the one stored); returns each plan that changed
    /// with the one it replaced.
    public static func apply(_ targets: [ExitTarget], now: Date, on db: any Database) async throws -> [(plan: ExitTarget, before: ExitTarget?)] {
        let sql = db as! any SQLDatabase
        var changed: [(plan: ExitTarget, before: ExitTarget?)] = []
        for t in targets {
            let stored = try await sql.raw("""
                SELECT area_code, year, households, persons, villages, county_exit_year FROM exit_targets
                WHERE area_code = \(bind: t.area.value) AND year = \(bind: t.year)
                """).first().flatMap(target)
            guard stored != t else { continue }
            if stored == nil {
                try await sql.raw("""
                    INSERT INTO exit_targets (area_code, year, households, persons, villages, county_exit_year, updated_at)
                    VALUES (\(bind: t.area.value), \(bind: t.year), \(bind: t.households), \(bind: t.persons), \(bind: t.villages),
                            \(bind: t.countyExitYear), \(bind: now))
                    """).run()
            } else {
                try await sql.raw("""
                    UPDATE exit_targets SET households = \(bind: t.households), persons = \(bind: t.persons), villages = \(bind: t.villages),
                    county_exit_year = \(bind: t.countyExitYear), updated_at = \(bind: now)
                    WHERE area_code = \(bind: t.area.value) AND year = \(bind: t.year)
                    """).run()
            }
            changed.append((t, stored))
        }
        return changed
    }

    /// The plans of a year for `area` and every area under it, by area code.
    public static func targets(under area: AreaCode, year: Int, on db: any Database) async throws -> [AreaCode: ExitTarget] {
        let (lo, hi) = area.villageRange
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT area_code, year, households, persons, villages, county_exit_year FROM exit_targets
            WHERE year = \(bind: year) AND area_code BETWEEN \(bind: lo) AND \(bind: hi)
            """).all()
        var result: [AreaCode: ExitTarget] = [:]
        for r in rows { if let t = try target(r) { result[t.area] = t } }
        return result
    }

    /// Plans and exits of `year` for `area` and each area one level down that has a plan, an exited household
    /// or an exited village (the exit test of those not yet exited is `TargetService`'s, through `ExitService`).
    public static func progress(of area: AreaCode, year: Int, on db: any Database) async throws -> (total: TargetProgress, parts: [TargetProgress]) {
        let sql = db as! any SQLDatabase
        let childLevel = AreaLevel(rawValue: min(area.level.rawValue + 1, AreaLevel.village.rawValue))!
        let length = childLevel.prefixLength
        let (lo, hi) = area.villageRange
        let plans = try await targets(under: area, year: year, on: db)
        var total = TargetProgress(area: area, year: year, target: plans[area])
        var parts: [AreaCode: TargetProgress] = [:]
        func part(_ code: AreaCode) -> TargetProgress { parts[code] ?? TargetProgress(area: code, year: year, target: plans[code]) }
        for (code, plan) in plans where code.level == childLevel && code.parent == area || code == area && childLevel == area.level {
            parts[code] = TargetProgress(area: code, year: year, target: plan)
        }
        for r in try await sql.raw("""
            SELECT substr(village_code, 1, \(unsafeRaw: String(length))) AS part, COUNT(*) AS households, CAST(SUM(member_count) AS BIGINT) AS persons
            FROM households WHERE exit_year = \(bind: year) AND village_code BETWEEN \(bind: lo) AND \(bind: hi)
            GROUP BY substr(village_code, 1, \(unsafeRaw: String(length)))
            """).all() {
            guard let code = AreaCode.padded(try r.decode(column: "part", as: String.self)) else { continue }
            var p = part(code)
            p.exitedHouseholds = try r.decode(column: "households", as: Int.self)
            p.exitedPersons = try r.decode(column: "persons", as: Int.self)
            total.exitedHouseholds += p.exitedHouseholds
            total.exitedPersons += p.exitedPersons
            parts[code] = p
        }
        for r in try await sql.raw("""
            SELECT substr(code, 1, \(unsafeRaw: String(length))) AS part, COUNT(*) AS villages FROM areas
            WHERE level = \(bind: AreaLevel.village.rawValue) AND village_exit_year = \(bind: year) AND code BETWEEN \(bind: lo) AND \(bind: hi)
            GROUP BY substr(code, 1, \(unsafeRaw: String(length)))
            """).all() {
            guard let code = AreaCode.padded(try r.decode(column: "part", as: String.self)) else { continue }
            var p = part(code)
            p.exitedVillages = try r.decode(column: "villages", as: Int.self)
            total.exitedVillages += p.exitedVillages
            parts[code] = p
        }
        return (total, parts.values.sorted { $0.area < $1.area })
    }

    private static func target(_ r: any SQLRow) throws -> ExitTarget? {
        guard let code = AreaCode(try r.decode(column: "area_code", as: String.self)) else { return nil }
        return ExitTarget(area: code, year: try r.decode(column: "year", as: Int.self), households: try r.decode(column: "households", as: Int.self),
                          persons: try r.decode(column: "persons", as: Int.self), villages: try r.decode(column: "villages", as: Int?.self),
                          countyExitYear: try r.decode(column: "county_exit_year", as: Int?.self))
    }
}
