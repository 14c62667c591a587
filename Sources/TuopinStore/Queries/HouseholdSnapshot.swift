import FluentKit
import SQLKit
import TuopinDomain

/// Whole households (members and incomes) read by database ID with plain SQL — the "before" of a
/// bulk change such as an import, a thousand households per query.
enum HouseholdSnapshot {
    static func load(ids: [Int64], on sql: any SQLDatabase) async throws -> [Int64: Household] {
        var result: [Int64: Household] = [:]
        result.reserveCapacity(ids.count)
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let part = Array(ids[start..<min(start + 1000, ids.count)])
            var members: [Int64: [Member]] = [:]
            for row in try await sql.raw("SELECT * FROM members WHERE household_id IN (\(binds: part)) ORDER BY household_id, position").all() {
                if let m = try RowMapping.member(row) { members[try row.decode(column: "household_id", as: Int64.self), default: []].append(m) }
            }
            var incomes: [Int64: [HouseholdIncome]] = [:]
            for row in try await sql.raw("SELECT * FROM household_incomes WHERE household_id IN (\(binds: part)) ORDER BY household_id, year").all() {
                incomes[try row.decode(column: "household_id", as: Int64.self), default: []].append(try RowMapping.income(row))
            }
            for row in try await sql.raw("SELECT * FROM households WHERE id IN (\(binds: part))").all() {
                let id = try row.decode(column: "id", as: Int64.self)
                result[id] = try RowMapping.household(row, members: members[id] ?? [], incomes: incomes[id] ?? [])
            }
        }
        return result
    }
}
