import FluentKit
import SQLKit
import TuopinDomain

/// The paged, searchable, filterable household list of an area.
public enum HouseholdListQuery {
    /// One page of households matching the filter, within what the scope lets the viewer see.
    public static func page(_ requested: HouseholdFilter, scope: AccessScope, page: Int, perPage: Int, on db: any Database) async throws -> Page<HouseholdSummary> {
        let sql = db as! any SQLDatabase
        let page = min(max(1, page), 1_000_000), perPage = min(max(1, perPage), 500)
        var filter = requested
        switch scope.narrow(requested.area) {
        case .nothing: return Page(items: [], total: 0, page: page, perPage: perPage)
        case .everything: filter.area = nil
        case .area(let a): filter.area = a
        }
        let condition = whereClause(filter)
        var count: SQLQueryString = "SELECT COUNT(*) AS n FROM households h"
        count.appendInterpolation(condition)
        let total = try await sql.raw(count).first()?.decode(column: "n", as: Int.self) ?? 0
        let listed: [HouseholdColumn] = [.id, .householdNo, .villageCode, .status, .householdType, .mainCause, .exitYear, .memberCount]
        var list: SQLQueryString = """
            SELECT \(unsafeRaw: listed.map { "h." + $0.rawValue }.joined(separator: ", ")),
                   a.name AS village_name, m.name AS head_name, m.id_number AS head_id
            FROM households h
            LEFT JOIN members m ON m.household_id = h.id AND m.relation = '户主'
            LEFT JOIN areas a ON a.code = h.village_code
            """
        list.appendInterpolation(condition)
        list.appendLiteral(" ORDER BY h.village_code, h.household_no LIMIT \(perPage) OFFSET \((page - 1) * perPage)")
        let items = try await sql.raw(list).all().map { row in
            HouseholdSummary(id: Household.ID(try row.decode(column: HouseholdColumn.id.rawValue, as: Int64.self)),
                             number: try row.decode(column: HouseholdColumn.householdNo.rawValue, as: String.self),
                             villageCode: try row.decode(column: HouseholdColumn.villageCode.rawValue, as: String.self),
                             villageName: try row.decode(column: "village_name", as: String?.self),
                             headName: try row.decode(column: "head_name", as: String?.self),
                             headIDNumber: try row.decode(column: "head_id", as: String?.self),
                             memberCount: try row.decode(column: HouseholdColumn.memberCount.rawValue, as: Int.self),
                             status: try row.decode(column: HouseholdColumn.status.rawValue, as: String.self),
                             type: try row.decode(column: HouseholdColumn.householdType.rawValue, as: String.self),
                             mainCause: try row.decode(column: HouseholdColumn.mainCause.rawValue, as: String.self),
                             exitYear: try row.decode(column: HouseholdColumn.exitYear.rawValue, as: Int?.self))
        }
        return Page(items: items, total: total, page: page, perPage: perPage)
    }

    /// The WHERE clause of a filter; search and ranges are written to use indexes on both databases.
    static func whereClause(_ f: HouseholdFilter) -> SQLQueryString {
        var parts: [SQLQueryString] = []
        if let area = f.area { parts.append(SQLConditions.within(area, column: "h.village_code")) }
        if let s = f.status { parts.append("h.status = \(bind: s.rawValue)") }
        if let t = f.type { parts.append("h.household_type = \(bind: t.rawValue)") }
        if let c = f.cause { parts.append("h.main_cause = \(bind: c.rawValue)") }
        if let y = f.exitYear { parts.append("h.exit_year = \(bind: y)") }
        if let q = f.search {
            let upper = q.uppercased()
            // Prefix search by range: name ≥ q and < q + U+FFFF uses the name index.
            let end = q + "\u{FFFF}"
            parts.append("""
                (h.household_no = \(bind: q) OR h.id IN (SELECT household_id FROM members WHERE id_number = \(bind: upper)
                 OR (name >= \(bind: q) AND name < \(bind: end))))
                """)
        }
        return SQLConditions.all(parts)
    }
}
