import SQLKit
import TuopinDomain

/// Pieces of WHERE clauses that several queries share, written to work alike on SQLite and PostgreSQL.
enum SQLConditions {
    /// ` WHERE a AND b …`, or nothing for no conditions.
    static func all(_ parts: [SQLQueryString]) -> SQLQueryString {
        guard !parts.isEmpty else { return "" }
        var clause: SQLQueryString = " WHERE "
        for (i, p) in parts.enumerated() {
            if i > 0 { clause.appendLiteral(" AND ") }
            clause.appendInterpolation(p)
        }
        return clause
    }

    /// `column BETWEEN low AND high` for every code under the area (an index range scan); `column` is
    /// written as it is, so it must come from our own code.
    static func within(_ area: AreaCode, column: String) -> SQLQueryString {
        let (lo, hi) = area.villageRange
        return "\(unsafeRaw: column) BETWEEN \(bind: lo) AND \(bind: hi)"
    }

    /// `within` as plain text, for the queries read by position (`PositionalQuery`), which take no binds: an area
    /// code's range is digits only.
    static func withinText(_ area: AreaCode, column: String) -> String {
        let (lo, hi) = area.villageRange
        return "\(column) BETWEEN '\(lo)' AND '\(hi)'"
    }
}
