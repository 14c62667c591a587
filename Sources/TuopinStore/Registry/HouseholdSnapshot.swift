import FluentKit
import SQLKit
import TuopinDomain

/// Whole households (members and incomes) read with plain SQL, a thousand per query — the "before" of
/// a bulk change such as an import, and each chunk of an export.
enum HouseholdSnapshot {
    /// Households by database ID.
    static func load(ids: [Int64], on sql: any SQLDatabase) async throws -> [Int64: Household] {
        var result: [Int64: Household] = [:]
        result.reserveCapacity(ids.count)
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let part = Array(ids[start..<min(start + 1000, ids.count)])
            let rows = try await sql.raw("SELECT * FROM households WHERE id IN (\(binds: part))").all()
            for (id, h) in try await households(rows, idRange: false, on: sql) { result[id] = h }
        }
        return result
    }

    /// `households` rows with their members and incomes, in the rows' order. With `idRange`, members and incomes
    /// are read by the range of the rows' IDs (an index range scan, for rows read in ID order; rows outside the
    /// list are skipped); otherwise by the list of IDs (at most a thousand rows).
    static func households(_ rows: [any SQLRow], idRange: Bool, on sql: any SQLDatabase) async throws -> [(id: Int64, household: Household)] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        guard let low = ids.min(), let high = ids.max() else { return [] }
        let which: SQLQueryString = idRange ? "household_id BETWEEN \(bind: low) AND \(bind: high)" : "household_id IN (\(binds: ids))"
        var members: [Int64: [Member]] = [:]
        for row in try await sql.raw("SELECT * FROM members WHERE \(which) ORDER BY household_id, position").all() {
            if let m = try RowMapping.member(row) { members[try row.decode(column: "household_id", as: Int64.self), default: []].append(m) }
        }
        var incomes: [Int64: [HouseholdIncome]] = [:]
        for row in try await sql.raw("SELECT * FROM household_incomes WHERE \(which) ORDER BY household_id, year").all() {
            incomes[try row.decode(column: "household_id", as: Int64.self), default: []].append(try RowMapping.income(row))
        }
        return try zip(ids, rows).compactMap { id, row in
            try RowMapping.household(row, members: members[id] ?? [], incomes: incomes[id] ?? []).map { (id, $0) }
        }
    }
}
