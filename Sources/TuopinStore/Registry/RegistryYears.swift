import FluentKit
import SQLKit

/// The years the registry holds data for: the latest exit, income or plan year — what pages open on.
public enum RegistryYears {
    /// The latest year any household exited, any income is recorded for, or any plan is set for (nil: none).
    public static func latest(on db: any Database) async throws -> Int? {
        let sql = db as! any SQLDatabase
        var years: [Int] = []
        for query in ["SELECT MAX(exit_year) AS y FROM households", "SELECT MAX(year) AS y FROM household_incomes",
                      "SELECT MAX(year) AS y FROM exit_targets"] {
            if let y = try await sql.raw(SQLQueryString(query)).first()?.decode(column: "y", as: Int?.self) { years.append(y) }
        }
        return years.max()
    }
}
