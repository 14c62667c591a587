import FluentKit
import SQLKit
import TuopinDomain

/// Reads and writes of areas.
public enum AreaStore {
    /// Makes sure each village and every area above it exists; areas first met here are named by code.
    static func ensure(villages: Set<AreaCode>, on db: any Database) async throws {
        var needed = Set<AreaCode>()
        for v in villages {
            var code: AreaCode? = v
            while let c = code { needed.insert(c); code = c.parent }
        }
        let sql = db as! any SQLDatabase
        var known = Set<String>()
        let all = Array(needed.map(\.value))
        for start in stride(from: 0, to: all.count, by: 500) {
            let slice = Array(all[start..<min(start + 500, all.count)])
            for row in try await sql.raw("SELECT code FROM areas WHERE code IN (\(binds: slice))").all() {
                known.insert(try row.decode(column: "code", as: String.self))
            }
        }
        let missing = needed.filter { !known.contains($0.value) }.sorted()
        let rows: [[BulkValue]] = missing.map { code in
            let area = code.level == .village ? Area.unnamedVillage(code) : Area(code: code, name: "\(code.level.label) \(code.prefix)")
            return [.text(code.value), .text(code.parent?.value), .int(Int64(code.level.rawValue)), .text(area.name)]
        }
        try await BulkWriter(db).insert(into: AreaRecord.schema, columns: ["code", "parent_code", "level", "name"], rows: rows)
    }

    /// One area, if known.
    public static func find(_ code: AreaCode, on db: any Database) async throws -> Area? {
        try await AreaRecord.find(code.value, on: db)?.area
    }

    /// The areas from the top down to `code` (for breadcrumbs).
    public static func lineage(_ code: AreaCode, on db: any Database) async throws -> [Area] {
        var codes: [String] = []
        var c: AreaCode? = code
        while let x = c { codes.append(x.value); c = x.parent }
        let records = try await AreaRecord.query(on: db).filter(\.$id ~~ codes).all()
        return records.compactMap(\.area).sorted { $0.level < $1.level }
    }

    /// The counties that hold households or a yearly plan, in code order.
    public static func countiesWithHouseholds(on db: any Database) async throws -> [AreaCode] {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT DISTINCT substr(village_code, 1, 6) AS county FROM households
            UNION SELECT DISTINCT substr(area_code, 1, 6) AS county FROM exit_targets
            """).all()
        return try rows.compactMap { AreaCode(try $0.decode(column: "county", as: String.self)) }.sorted()
    }

    /// Names of many areas in one query.
    public static func names(of codes: [AreaCode], on db: any Database) async throws -> [AreaCode: String] {
        guard !codes.isEmpty else { return [:] }
        let records = try await AreaRecord.query(on: db).filter(\.$id ~~ codes.map(\.value)).all()
        var result: [AreaCode: String] = [:]
        for r in records { if let a = r.area { result[a.code] = a.name } }
        return result
    }
}
