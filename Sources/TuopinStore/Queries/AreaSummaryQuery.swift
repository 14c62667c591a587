import FluentKit
import SQLKit
import TuopinDomain

/// Counts of households and persons per area, rolled up the hierarchy.
public enum AreaSummaryQuery {
    /// One row per village, status and type under `root` (the whole registry when nil).
    static func villageRows(under root: AreaCode?, on db: any Database) async throws -> [(village: AreaCode, status: String, type: String, households: Int, persons: Int)] {
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = "SELECT village_code, status, household_type, COUNT(*) AS n, CAST(SUM(member_count) AS BIGINT) AS p FROM households"
        if let r = root { query.appendInterpolation(SQLConditions.all([SQLConditions.within(r, column: "village_code")])) }
        query.appendLiteral(" GROUP BY village_code, status, household_type")
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

    /// An area's own counts and those of each area directly under it (nil outside the scope).
    public static func summary(of code: AreaCode, scope: AccessScope, on db: any Database) async throws -> AreaNode? {
        guard scope.includes(code) else { return nil }
        let trees = try await tree(under: code, scope: scope, on: db)
        guard var node = trees.first(where: { $0.area.code == code }) else { return nil }
        node.children = node.children.map { var c = $0; c.children = []; return c }
        return node
    }

    static func names(of codes: [AreaCode], on db: any Database) async throws -> [AreaCode: String] {
        var result: [AreaCode: String] = [:]
        let all = codes.map(\.value)
        for start in stride(from: 0, to: all.count, by: 500) {
            let slice = Array(all[start..<min(start + 500, all.count)])
            for r in try await AreaRecord.query(on: db).filter(\.$id ~~ slice).all() {
                if let a = r.area { result[a.code] = a.name }
            }
        }
        return result
    }
}
