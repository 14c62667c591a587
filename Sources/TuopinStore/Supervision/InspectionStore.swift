import FluentKit
import SQLKit
import TuopinDomain

/// 督查 — inspections and the villages and households an unannounced visit drew.
public enum InspectionStore {
    static func inspection(_ r: any SQLRow) throws -> Inspection {
        Inspection(id: Inspection.ID(try r.decode(column: "id", as: Int64.self)),
                   kind: ProblemSource(rawValue: try r.decode(column: "kind", as: String.self)) ?? .openInspection,
                   title: try r.decode(column: "title", as: String.self),
                   team: try r.decode(column: "team", as: String.self).split(separator: " ").map(String.init),
                   start: LocalDate(iso: try r.decode(column: "start_date", as: String.self))!, end: LocalDate(iso: try r.decode(column: "end_date", as: String.self))!,
                   area: AreaCode(try r.decode(column: "area_code", as: String.self))!, method: try r.decode(column: "method", as: String.self),
                   seed: try r.decode(column: "seed", as: Int64?.self).map { UInt64(bitPattern: $0) }, closed: try r.decode(column: "closed", as: Bool.self),
                   issuedBy: AreaCode(try r.decode(column: "issued_by", as: String.self))!)
    }

    public static func add(_ i: Inspection, on db: any Database) async throws -> Inspection {
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO inspections (kind, title, team, start_date, end_date, area_code, method, seed, closed, issued_by)
            VALUES (\(bind: i.kind.rawValue), \(bind: i.title), \(bind: i.team.joined(separator: " ")), \(bind: i.start.description), \(bind: i.end.description),
            \(bind: i.area.value), \(bind: i.method), \(bind: i.seed.map { Int64(bitPattern: $0) }), \(bind: i.closed), \(bind: i.issuedBy.value))
            RETURNING id
            """).first()
        var saved = i
        saved.id = Inspection.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    public static func find(_ id: Inspection.ID, on db: any Database) async throws -> Inspection? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM inspections WHERE id = \(bind: id.rawValue)").first().map(inspection)
    }

    /// Inspections of areas within `area` (or covering it), the latest first.
    public static func list(under area: AreaCode?, on db: any Database) async throws -> [Inspection] {
        var q: SQLQueryString = "SELECT * FROM inspections"
        if let area {
            q.appendInterpolation(" WHERE \(SQLConditions.within(area, column: "area_code"))" as SQLQueryString)
            for up in [AreaLevel.county, .township] where area.level > up {
                if let a = area.ancestor(at: up) { q.appendLiteral(" OR area_code = "); q.appendInterpolation(bind: a.value) }
            }
        }
        q.appendLiteral(" ORDER BY start_date DESC, id DESC LIMIT 200")
        return try await (db as! any SQLDatabase).raw(q).all().map(inspection)
    }

    public static func close(_ id: Inspection.ID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE inspections SET closed = \(bind: true) WHERE id = \(bind: id.rawValue)").run()
    }

    /// Stores a draw (replacing none: an inspection draws once) and its seed.
    public static func saveDraw(_ id: Inspection.ID, seed: UInt64, _ draw: SampleDraw.Result, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("UPDATE inspections SET seed = \(bind: Int64(bitPattern: seed)) WHERE id = \(bind: id.rawValue)").run()
        let drawnVillages = Set(draw.households.map(\.village))
        var rows: [[BulkValue]] = draw.households.map { [.int64(id.rawValue), .text($0.village.value), .int64($0.id.rawValue)] }
        rows += draw.villages.filter { !drawnVillages.contains($0) }.map { [.int64(id.rawValue), .text($0.value), .int64(nil)] }
        try await BulkWriter(db).insert(into: "inspection_draws", columns: ["inspection_id", "village_code", "household_id"], rows: rows)
    }

    /// The villages and households drawn, in order.
    public static func draw(of id: Inspection.ID, on db: any Database) async throws -> (villages: [AreaCode], households: [(id: Household.ID, village: AreaCode)]) {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT village_code, household_id FROM inspection_draws WHERE inspection_id = \(bind: id.rawValue) ORDER BY village_code, household_id
            """).all()
        var villages: [AreaCode] = [], households: [(id: Household.ID, village: AreaCode)] = []
        for r in rows {
            let v = AreaCode(try r.decode(column: "village_code", as: String.self))!
            if villages.last != v && !villages.contains(v) { villages.append(v) }
            if let h = try r.decode(column: "household_id", as: Int64?.self) { households.append((Household.ID(h), v)) }
        }
        return (villages.sorted(), households)
    }

    /// Villages under `area` with their poor households' IDs, for a draw.
    /// Each village under `area` that holds households, with how many (the draw's first stage).
    public static func villageSizes(under area: AreaCode, on db: any Database) async throws -> [(code: AreaCode, households: Int)] {
        try await (db as! any SQLDatabase).raw("""
            SELECT village_code, COUNT(*) AS n FROM households WHERE \(SQLConditions.within(area, column: "village_code")) GROUP BY village_code
            """).all().compactMap { r in
            guard let code = AreaCode(try r.decode(column: "village_code", as: String.self)) else { return nil }
            return (code, try r.decode(column: "n", as: Int.self))
        }
    }

    /// The households of the drawn villages (the draw's second stage).
    public static func frame(villages codes: [AreaCode], on db: any Database) async throws -> [SampleDraw.Village] {
        guard !codes.isEmpty else { return [] }
        var byVillage: [AreaCode: [Household.ID]] = [:]
        for r in try await (db as! any SQLDatabase).raw("""
            SELECT id, village_code FROM households WHERE village_code IN (\(binds: codes.map(\.value)))
            """).all() {
            byVillage[AreaCode(try r.decode(column: "village_code", as: String.self))!, default: []].append(Household.ID(try r.decode(column: "id", as: Int64.self)))
        }
        return byVillage.map { SampleDraw.Village(code: $0.key, households: $0.value) }
    }

    public static func frame(under area: AreaCode, on db: any Database) async throws -> [SampleDraw.Village] {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT id, village_code FROM households WHERE \(SQLConditions.within(area, column: "village_code")) ORDER BY village_code, id
            """).all()
        var byVillage: [AreaCode: [Household.ID]] = [:]
        for r in rows {
            byVillage[AreaCode(try r.decode(column: "village_code", as: String.self))!, default: []].append(Household.ID(try r.decode(column: "id", as: Int64.self)))
        }
        return byVillage.map { SampleDraw.Village(code: $0.key, households: $0.value) }
    }
}
