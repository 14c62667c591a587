import FluentKit
import SQLKit
import TuopinDomain

/// Counts of households and persons per area, rolled up the hierarchy.
public enum AreaSummaryQuery {
    /// One row per village, status and type under `root` (the whole registry when nil), from the summary
    /// table the registry's triggers keep current (`village_counts`, migration 0009).
    static func villageRows(under root: AreaCode?, on db: any Database) async throws -> [(village: AreaCode, status: String, type: String, households: Int, persons: Int)] {
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = "SELECT village_code, status, household_type, households AS n, persons AS p FROM village_counts"
        query.appendInterpolation(SQLConditions.all((root.map { [SQLConditions.within($0, column: "village_code")] } ?? []) + ["households <> 0"]))
        return try await sql.raw(query).all().compactMap { row in
            guard let v = AreaCode(try row.decode(column: "village_code", as: String.self)) else { return nil }
            return (v, try row.decode(column: "status", as: String.self), try row.decode(column: "household_type", as: String.self),
                    try row.decode(column: "n", as: Int.self), try row.decode(column: "p", as: Int?.self) ?? 0)
        }
    }

    /// The tree of areas holding households that the scope lets the viewer see, from the top of
    /// their area (the provinces for the whole registry) down to the villages.
    public static func tree(under requested: AreaCode? = nil, scope: AccessScope, on db: any Database) async throws -> [AreaNode] {
        let root: AreaCode?
        switch scope.narrow(requested) {
        case .nothing: return []
        case .everything: root = nil
        case .area(let a): root = a
        }
        let rows = try await villageRows(under: root, on: db)
        var counts: [AreaCode: AreaCounts] = [:]
        for r in rows {
            var c: AreaCode? = r.village
            while let code = c {
                counts[code, default: AreaCounts()].add(status: r.status, type: r.type, households: r.households, persons: r.persons)
                c = code.parent
            }
        }
        let names = try await names(of: Array(counts.keys), on: db)
        var childrenOf: [AreaCode: [AreaCode]] = [:]
        var tops: [AreaCode] = []
        for code in counts.keys {
            if let p = code.parent, counts[p] != nil { childrenOf[p, default: []].append(code) } else { tops.append(code) }
        }
        func node(_ code: AreaCode) -> AreaNode {
            AreaNode(area: Area(code: code, name: names[code] ?? code.value), counts: counts[code]!,
                     children: (childrenOf[code] ?? []).sorted().map(node))
        }
        let start: [AreaCode]
        if let r = root, counts[r] != nil { start = [r] } else { start = tops.sorted() }
        return start.map(node)
    }

    /// An area's own counts and those of each area directly under it (nil outside the scope or without
    /// households): a summary table rolled up in SQL to the level below — the county table for a
    /// province or a prefecture (a few hundred rows), the village table below that.
    public static func summary(of code: AreaCode, scope: AccessScope, on db: any Database) async throws -> AreaNode? {
        guard scope.includes(code) else { return nil }
        let childLevel = AreaLevel(rawValue: min(code.level.rawValue + 1, AreaLevel.village.rawValue))!
        let length = String(childLevel.prefixLength)
        let (table, column, range): (String, String, SQLQueryString)
        if code.level < .county {
            let (lo, hi) = code.villageRange
            (table, column) = ("county_counts", "county_code")
            range = "county_code BETWEEN \(bind: String(lo.prefix(6))) AND \(bind: String(hi.prefix(6)))"
        } else {
            (table, column, range) = ("village_counts", "village_code", SQLConditions.within(code, column: "village_code"))
        }
        var query: SQLQueryString = "SELECT substr(\(unsafeRaw: column), 1, \(unsafeRaw: length)) AS part, status, household_type, "
        query.appendLiteral("CAST(SUM(households) AS BIGINT) AS n, CAST(SUM(persons) AS BIGINT) AS p FROM \(table)")
        query.appendInterpolation(SQLConditions.all([range, "households <> 0"]))
        query.appendLiteral(" GROUP BY substr(\(column), 1, \(length)), status, household_type")
        var total = AreaCounts()
        var parts: [AreaCode: AreaCounts] = [:]
        for row in try await (db as! any SQLDatabase).raw(query).all() {
            guard let part = AreaCode.padded(try row.decode(column: "part", as: String.self)) else { continue }
            let status = try row.decode(column: "status", as: String.self), type = try row.decode(column: "household_type", as: String.self)
            let n = try row.decode(column: "n", as: Int.self), p = try row.decode(column: "p", as: Int.self)
            total.add(status: status, type: type, households: n, persons: p)
            if childLevel != code.level { parts[part, default: AreaCounts()].add(status: status, type: type, households: n, persons: p) }
        }
        guard total.households > 0 else { return nil }
        let names = try await self.names(of: Array(parts.keys) + [code], on: db)
        let children = parts.keys.sorted().map { AreaNode(area: Area(code: $0, name: names[$0] ?? $0.value), counts: parts[$0]!) }
        return AreaNode(area: Area(code: code, name: names[code] ?? code.value), counts: total, children: children)
    }

    static func names(of codes: [AreaCode], on db: any Database) async throws -> [AreaCode: String] {
        var result: [AreaCode: String] = [:]
        let all = codes.map(\.value)
        for start in stride(from: 0, to: all.count, by: 500) {
            let slice = Array(all[start..<min(start + 500, all.count)])
            // Plain rows, not models: a township page names hundreds of villages.
            for r in try await (db as! any SQLDatabase).raw("SELECT code, name FROM areas WHERE code IN (\(binds: slice))").all() {
                if let code = AreaCode(try r.decode(column: "code", as: String.self)) { result[code] = try r.decode(column: "name", as: String.self) }
            }
        }
        return result
    }
}
