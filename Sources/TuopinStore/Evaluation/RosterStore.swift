import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 户籍人口名单 — a county's roster (replaced whole by each load), its 卡外户 for an evaluation's frame, and the
/// population figures the rates need.
public enum RosterStore {
    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }

    /// How many persons the county's roster holds now.
    public static func count(county: AreaCode, on db: any Database) async throws -> Int {
        try await sql(db).raw("SELECT COUNT(*) AS n FROM roster_persons WHERE county_code = \(bind: county.value)").first()!.decode(column: "n", as: Int.self)
    }

    /// Replaces the county's roster; `registered` maps an ID to the registered household it belongs to.
    public static func replace(county: AreaCode, with persons: [RosterPerson], registered: [String: Household.ID], on db: any Database) async throws {
        try await sql(db).raw("DELETE FROM roster_persons WHERE county_code = \(bind: county.value)").run()
        let rows: [[BulkValue]] = persons.map { p in
            [.text(county.value), .text(p.householdNumber), .text(p.idNumber), .text(p.name), .text(p.relation.rawValue), .text(p.sex.rawValue),
             .text(p.birth.description), .text(p.village.value), registered[p.idNumber].map { .int($0.rawValue) } ?? .null]
        }
        try await BulkWriter(db).insert(into: "roster_persons", columns: ["county_code", "household_no", "id_number", "name", "relation", "sex", "birth_date",
                                                                          "village_code", "household_id"], rows: rows)
    }

    /// 卡外户: roster households none of whose persons is on the register, by village, with their persons —
    /// of the whole county, or of `villages` only (an evaluation's second stage).
    public static func outside(county: AreaCode, villages: [AreaCode]? = nil, on db: any Database) async throws -> [AreaCode: [EvaluationSampler.Unit]] {
        if let villages, villages.isEmpty { return [:] }
        let place: SQLQueryString = villages.map { "village_code IN (\(binds: $0.map(\.value)))" } ?? "county_code = \(bind: county.value)"
        var found: [AreaCode: [EvaluationSampler.Unit]] = [:]
        for r in try await sql(db).raw("""
            SELECT village_code, household_no, COUNT(*) AS persons FROM roster_persons WHERE \(place)
            GROUP BY village_code, household_no HAVING MAX(household_id) IS NULL
            """).all() {
            guard let code = AreaCode(try r.decode(column: "village_code", as: String.self)) else { continue }
            found[code, default: []].append(.init(key: try r.decode(column: "household_no", as: String.self), persons: try r.decode(column: "persons", as: Int.self)))
        }
        return found
    }

    /// The villages that hold at least one 卡外户 (an evaluation's first stage).
    public static func villagesWithOutside(county: AreaCode, on db: any Database) async throws -> [AreaCode] {
        try await sql(db).raw("""
            SELECT DISTINCT village_code FROM roster_persons WHERE county_code = \(bind: county.value)
            GROUP BY village_code, household_no HAVING MAX(household_id) IS NULL
            """).all().compactMap { AreaCode(try $0.decode(column: "village_code", as: String.self)) }
    }

    /// The ID numbers of each roster household (户) that holds one of `idNumbers`.
    public static func households(county: AreaCode, holding idNumbers: [String], on db: any Database) async throws -> [[String]] {
        var groups: [String: [String]] = [:]
        for part in stride(from: 0, to: idNumbers.count, by: 500).map({ Array(idNumbers[$0..<min($0 + 500, idNumbers.count)]) }) {
            for r in try await sql(db).raw("""
                SELECT household_no, id_number FROM roster_persons WHERE county_code = \(bind: county.value) AND household_no IN (
                  SELECT household_no FROM roster_persons WHERE county_code = \(bind: county.value) AND id_number IN (\(binds: part)))
                """).all() {
                groups[try r.decode(column: "household_no", as: String.self), default: []].append(try r.decode(column: "id_number", as: String.self))
            }
        }
        return Array(groups.values)
    }

    /// The head's name of each roster household of `numbers` (for sample lists).
    public static func heads(county: AreaCode, numbers: [String], on db: any Database) async throws -> [String: String] {
        guard !numbers.isEmpty else { return [:] }
        var found: [String: String] = [:]
        for part in stride(from: 0, to: numbers.count, by: 500).map({ Array(numbers[$0..<min($0 + 500, numbers.count)]) }) {
            for r in try await sql(db).raw("""
                SELECT household_no, name FROM roster_persons WHERE county_code = \(bind: county.value) AND relation = '户主'
                AND household_no IN (\(binds: part))
                """).all() {
                found[try r.decode(column: "household_no", as: String.self)] = try r.decode(column: "name", as: String.self)
            }
        }
        return found
    }

    /// The county's population for the rates at the end of `year` (nil: no roster loaded).
    public static func population(county: AreaCode, year: Int, on db: any Database) async throws -> EvaluationPopulation? {
        let rural = try await count(county: county, on: db)
        guard rural > 0 else { return nil }
        var outside: [AreaCode: Int] = [:]
        for (village, units) in try await self.outside(county: county, on: db) { outside[village] = units.reduce(0) { $0 + $1.persons } }
        let r = try await sql(db).raw("""
            SELECT CAST(COALESCE(SUM(CASE WHEN exit_year IS NOT NULL AND exit_year <= \(bind: year) THEN member_count ELSE 0 END), 0) AS BIGINT) AS exited,
                   CAST(COALESCE(SUM(CASE WHEN exit_year IS NULL OR exit_year > \(bind: year) THEN member_count ELSE 0 END), 0) AS BIGINT) AS remaining
            FROM households WHERE \(SQLConditions.within(county, column: "village_code")) AND status IN ('已脱贫', '未脱贫')
            """).first()!
        return EvaluationPopulation(outsideByVillage: outside, remainingPoor: try r.decode(column: "remaining", as: Int.self),
                                    exited: try r.decode(column: "exited", as: Int.self), rural: rural)
    }
}
