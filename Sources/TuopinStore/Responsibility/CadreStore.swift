import FluentKit
import SQLKit
import TuopinDomain

/// 干部 — cadres by phone number (the key county offices keep), with their posts (assignments) and pairings.
/// Writes run inside the caller's transaction; `ResponsibilityService` checks and records them.
public enum CadreStore {
    static func cadre(_ r: any SQLRow) throws -> Cadre {
        Cadre(id: Cadre.ID(try r.decode(column: "id", as: Int64.self)), name: try r.decode(column: "name", as: String.self),
              phone: try r.decode(column: "phone", as: String.self), unit: try r.decode(column: "unit", as: String.self),
              unitLevel: UnitLevel(rawValue: try r.decode(column: "unit_level", as: String.self)) ?? .county,
              post: try r.decode(column: "post", as: String.self),
              rank: CadreRank(rawValue: try r.decode(column: "rank", as: String.self)) ?? .other,
              username: try r.decode(column: "username", as: String?.self), idNumber: try r.decode(column: "id_number", as: String?.self))
    }

    static func all(on db: any Database) async throws -> [Cadre] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM cadres ORDER BY id").all().map(cadre)
    }

    public static func find(_ id: Cadre.ID, on db: any Database) async throws -> Cadre? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM cadres WHERE id = \(bind: id.rawValue)").first().map(cadre)
    }

    public static func find(username: String, on db: any Database) async throws -> Cadre? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM cadres WHERE username = \(bind: username)").first().map(cadre)
    }

    /// The cadres with these IDs, by ID (a page names only the cadres it shows).
    public static func byID(_ ids: [Cadre.ID], on db: any Database) async throws -> [Cadre.ID: Cadre] {
        let unique = Array(Set(ids.map(\.rawValue)))
        var found: [Cadre.ID: Cadre] = [:]
        for start in stride(from: 0, to: unique.count, by: 500) {
            let part = Array(unique[start..<min(start + 500, unique.count)])
            for c in try await (db as! any SQLDatabase).raw("SELECT * FROM cadres WHERE id IN (\(binds: part))").all().map(cadre) { found[c.id!] = c }
        }
        return found
    }

    /// Cadres by phone, for matching a file's rows.
    public static func byPhone(on db: any Database) async throws -> [String: Cadre] {
        Dictionary(try await all(on: db).map { ($0.phone, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Adds a cadre, or updates the one with the same phone; returns it with its ID and what it was before. A cadre
    /// without an ID number keeps the one stored (a cadre file need not carry the column).
    public static func save(_ c: Cadre, on db: any Database) async throws -> (cadre: Cadre, before: Cadre?) {
        let sql = db as! any SQLDatabase
        if let old = try await sql.raw("SELECT * FROM cadres WHERE phone = \(bind: c.phone)").first().map(cadre) {
            var saved = c
            saved.id = old.id
            saved.idNumber = c.idNumber ?? old.idNumber
            try await sql.raw("""
                UPDATE cadres SET name = \(bind: c.name), unit = \(bind: c.unit), unit_level = \(bind: c.unitLevel.rawValue), post = \(bind: c.post),
                rank = \(bind: c.rank.rawValue), username = \(bind: c.username), id_number = \(bind: saved.idNumber) WHERE id = \(bind: old.id!.rawValue)
                """).run()
            return (saved, old)
        }
        let row = try await sql.raw("""
            INSERT INTO cadres (name, phone, unit, unit_level, post, rank, username, id_number)
            VALUES (\(bind: c.name), \(bind: c.phone), \(bind: c.unit), \(bind: c.unitLevel.rawValue), \(bind: c.post), \(bind: c.rank.rawValue), \(bind: c.username),
                    \(bind: c.idNumber))
            RETURNING id
            """).first()
        var saved = c
        saved.id = Cadre.ID(try row!.decode(column: "id", as: Int64.self))
        return (saved, nil)
    }

    // MARK: assignments

    static func assignment(_ r: any SQLRow) throws -> Assignment {
        Assignment(id: Assignment.ID(try r.decode(column: "id", as: Int64.self)), cadre: Cadre.ID(try r.decode(column: "cadre_id", as: Int64.self)),
                   layer: try r.decode(column: "layer", as: String.self), area: AreaCode(try r.decode(column: "area_code", as: String.self))!,
                   start: LocalDate(iso: try r.decode(column: "start_date", as: String.self))!,
                   end: try r.decode(column: "end_date", as: String?.self).flatMap(LocalDate.init(iso:)))
    }

    /// Posts held for areas within `area` (every post when nil), or of one cadre.
    public static func assignments(under area: AreaCode?, cadre: Cadre.ID? = nil, on db: any Database) async throws -> [Assignment] {
        var q: SQLQueryString = "SELECT * FROM assignments WHERE 1 = 1"
        if let area { q.appendInterpolation(" AND \(SQLConditions.within(area, column: "area_code"))" as SQLQueryString) }
        if let cadre { q.appendLiteral(" AND cadre_id = "); q.appendInterpolation(bind: cadre.rawValue) }
        q.appendLiteral(" ORDER BY id")
        return try await (db as! any SQLDatabase).raw(q).all().map(assignment)
    }

    public static func add(_ a: Assignment, on db: any Database) async throws -> Assignment {
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO assignments (cadre_id, layer, area_code, start_date, end_date)
            VALUES (\(bind: a.cadre.rawValue), \(bind: a.layer), \(bind: a.area.value), \(bind: a.start.description), \(bind: a.end?.description))
            RETURNING id
            """).first()
        var saved = a
        saved.id = Assignment.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    /// Ends a post on `end` (the history stays: the holder and the dates).
    public static func end(_ id: Assignment.ID, on end: LocalDate, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE assignments SET end_date = \(bind: end.description) WHERE id = \(bind: id.rawValue)").run()
    }

    public static func assignment(_ id: Assignment.ID, on db: any Database) async throws -> Assignment? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM assignments WHERE id = \(bind: id.rawValue)").first().map(assignment)
    }

    /// 干部名单 of an area: the cadres holding a post there or paired with a household there (every cadre when
    /// `area` is nil), by unit and name, with how many posts and current pairings each has there.
    public static func roster(under area: AreaCode?, on date: LocalDate, on db: any Database) async throws -> [(cadre: Cadre, posts: Int, households: Int)] {
        let posts = try await assignments(under: area, on: db).filter { $0.holds(on: date) }
        let pairs = try await pairings(under: area, on: db).filter { $0.holds(on: date) }
        var postCount: [Cadre.ID: Int] = [:], householdCount: [Cadre.ID: Int] = [:]
        for a in posts { postCount[a.cadre, default: 0] += 1 }
        for p in pairs { householdCount[p.cadre, default: 0] += 1 }
        let cadres: [Cadre] = area == nil ? try await all(on: db) : Array(try await byID(Array(Set(postCount.keys).union(householdCount.keys)), on: db).values)
        return cadres.map { ($0, postCount[$0.id!] ?? 0, householdCount[$0.id!] ?? 0) }
            .sorted { ($0.cadre.unit, $0.cadre.name, $0.cadre.phone) < ($1.cadre.unit, $1.cadre.name, $1.cadre.phone) }
    }

    /// The phone is another cadre's.
    public static func phoneTaken(_ phone: String, by other: Cadre.ID, on db: any Database) async throws -> Bool {
        try await (db as! any SQLDatabase).raw("SELECT id FROM cadres WHERE phone = \(bind: phone) AND id <> \(bind: other.rawValue)").first() != nil
    }

    /// The cadre other than `other` with this ID number, if any.
    public static func holder(idNumber: String, other: Cadre.ID?, on db: any Database) async throws -> Cadre? {
        try await (db as! any SQLDatabase).raw("SELECT * FROM cadres WHERE id_number = \(bind: idNumber) AND id <> \(bind: other?.rawValue ?? 0)").first().map(cadre)
    }

    /// The cadres whose ID number is recorded (the leak rule's officials beside the payroll file).
    public static func withIDNumbers(on db: any Database) async throws -> [Cadre] {
        try await (db as! any SQLDatabase).raw("SELECT * FROM cadres WHERE id_number IS NOT NULL ORDER BY id").all().map(cadre)
    }

    /// Changes a cadre found by ID (the page's edit, which may change the phone too).
    public static func update(_ c: Cadre, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE cadres SET name = \(bind: c.name), phone = \(bind: c.phone), unit = \(bind: c.unit), unit_level = \(bind: c.unitLevel.rawValue),
            post = \(bind: c.post), rank = \(bind: c.rank.rawValue), username = \(bind: c.username), id_number = \(bind: c.idNumber)
            WHERE id = \(bind: c.id!.rawValue)
            """).run()
    }

    // MARK: pairings

    static func pairing(_ r: any SQLRow) throws -> Pairing {
        Pairing(id: Pairing.ID(try r.decode(column: "id", as: Int64.self)), cadre: Cadre.ID(try r.decode(column: "cadre_id", as: Int64.self)),
                household: Household.ID(try r.decode(column: "household_id", as: Int64.self)),
                village: AreaCode(try r.decode(column: "village_code", as: String.self))!,
                start: LocalDate(iso: try r.decode(column: "start_date", as: String.self))!,
                end: try r.decode(column: "end_date", as: String?.self).flatMap(LocalDate.init(iso:)),
                reason: try r.decode(column: "reason", as: String.self))
    }

    /// Pairings of households within `area`, of one cadre, or of one household.
    public static func pairings(under area: AreaCode?, cadre: Cadre.ID? = nil, household: Household.ID? = nil,
                                on db: any Database) async throws -> [Pairing] {
        var q: SQLQueryString = "SELECT * FROM pairings WHERE 1 = 1"
        if let area { q.appendInterpolation(" AND \(SQLConditions.within(area, column: "village_code"))" as SQLQueryString) }
        if let cadre { q.appendLiteral(" AND cadre_id = "); q.appendInterpolation(bind: cadre.rawValue) }
        if let household { q.appendLiteral(" AND household_id = "); q.appendInterpolation(bind: household.rawValue) }
        q.appendLiteral(" ORDER BY id")
        return try await (db as! any SQLDatabase).raw(q).all().map(pairing)
    }

    public static func add(_ p: Pairing, on db: any Database) async throws -> Pairing {
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO pairings (cadre_id, household_id, village_code, start_date, end_date, reason)
            VALUES (\(bind: p.cadre.rawValue), \(bind: p.household.rawValue), \(bind: p.village.value), \(bind: p.start.description),
            \(bind: p.end?.description), \(bind: p.reason))
            RETURNING id
            """).first()
        var saved = p
        saved.id = Pairing.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    /// Ends a pairing on `end` (a change of helper), with the reason.
    public static func end(_ id: Pairing.ID, on end: LocalDate, reason: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE pairings SET end_date = \(bind: end.description), reason = \(bind: reason) WHERE id = \(bind: id.rawValue)
            """).run()
    }
}
