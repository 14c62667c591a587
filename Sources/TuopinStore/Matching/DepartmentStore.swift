import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 部门比对数据 — loaded batches, their records for a county, and the decisions on the flags they raise.
public enum DepartmentStore {
    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }

    public static func loaded(digest: String, kind: DepartmentRecord.Kind, county: AreaCode, on db: any Database) async throws -> Bool {
        try await sql(db).raw("SELECT id FROM department_batches WHERE digest = \(bind: digest) AND kind = \(bind: kind.rawValue) AND county_code = \(bind: county.value)")
            .first() != nil
    }

    public static func load(_ records: [DepartmentRecord], kind: DepartmentRecord.Kind, file: String, digest: String, county: AreaCode, username: String,
                            date: LocalDate, on db: any Database) async throws {
        let batch = try await startBatch(kind: kind, file: file, digest: digest, rows: records.count, county: county, username: username, date: date, on: db)
        try await loading(rows: records.count, on: db) {
            try await append(records, batch: batch, county: county, on: db)
        }
    }

    /// The batch's row, before its records (`append`); `finishBatch` sets the count when it is known only at the end.
    public static func startBatch(kind: DepartmentRecord.Kind, file: String, digest: String, rows: Int, county: AreaCode, username: String,
                                  date: LocalDate, on db: any Database) async throws -> Int64 {
        let row = try await sql(db).raw("""
            INSERT INTO department_batches (kind, file, digest, rows_loaded, county_code, username, loaded_on)
            VALUES (\(bind: kind.rawValue), \(bind: file), \(bind: digest), \(bind: rows), \(bind: county.value), \(bind: username), \(bind: date.description))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int64.self)
    }

    public static func finishBatch(_ id: Int64, rows: Int, on db: any Database) async throws {
        try await sql(db).raw("UPDATE department_batches SET rows_loaded = \(bind: rows) WHERE id = \(bind: id)").run()
    }

    /// `body` writes about `rows` records: from the deferred-index size on, the table's indexes are built after them.
    public static func loading<T>(rows: Int, on db: any Database, _ body: () async throws -> T) async throws -> T {
        try await DeferredIndexes.around("department_records", rows: rows, on: db, body)
    }

    /// Records of the batch, written in bulk; the fields as a JSON object of strings, keys sorted, written by hand
    /// (JSONEncoder cost more than the insert).
    public static func append(_ records: [DepartmentRecord], batch: Int64, county: AreaCode, on db: any Database) async throws {
        let rows: [[BulkValue]] = records.map { r in
            [.int(batch), .text(r.kind.rawValue), .text(r.idNumber), .text(r.name), r.date.map { .text($0.description) } ?? .null,
             .text(AuditTrail.json(r.fields.map { ($0.key, $0.value) })), .text(county.value)]
        }
        try await BulkWriter(db).insert(into: "department_records", columns: ["batch_id", "kind", "id_number", "name", "record_date", "fields", "county_code"],
                                        rows: rows)
    }

    /// A record's fields: read by hand, or by `JSONDecoder` where the text is not a flat object of strings.
    static func fields(_ text: String, _ decoder: JSONDecoder) throws -> [String: String] {
        try FlatJSON.object(text) ?? decoder.decode([String: String].self, from: Data(text.utf8))
    }

    static let recordColumns = ScanColumns(["kind", "id_number", "name", "record_date", "fields"])

    /// The records of a county, or only those of the persons `idNumbers` names, or of the `kinds` given.
    /// A whole county's are read by position (`file`: the SQLite database file when there is one), as the registry scan reads.
    public static func records(county: AreaCode, idNumbers: [String]? = nil, kinds: [DepartmentRecord.Kind]? = nil, file: String? = nil,
                               on db: any Database) async throws -> [DepartmentRecord] {
        let decoder = JSONDecoder()
        guard let ids = idNumbers else {
            if let kinds, kinds.isEmpty { return [] }
            let c = recordColumns
            let only = kinds.map { " AND kind IN (\($0.map { "'\($0.rawValue)'" }.joined(separator: ", ")))" } ?? ""
            var found: [DepartmentRecord] = []
            try await PositionalQuery.each("SELECT \(c.selectList) FROM department_records WHERE county_code = '\(county.value)'\(only) ORDER BY id",
                                           file: file, on: db) { r in
                guard let kind = r.text(c["kind"]).flatMap(DepartmentRecord.Kind.init(rawValue:)), let idNumber = r.text(c["id_number"]) else { return }
                found.append(DepartmentRecord(kind: kind, idNumber: idNumber, name: r.text(c["name"]) ?? "", date: r.text(c["record_date"]).flatMap(LocalDate.init(iso:)),
                                              fields: try fields(r.text(c["fields"]) ?? "{}", decoder)))
            }
            return found
        }
        var query: SQLQueryString = "SELECT * FROM department_records WHERE county_code = \(bind: county.value)"
        query.appendInterpolation(" AND id_number IN (\(binds: ids.isEmpty ? [""] : ids))" as SQLQueryString)
        if let kinds { query.appendInterpolation(" AND kind IN (\(binds: kinds.map(\.rawValue)))" as SQLQueryString) }
        query.appendLiteral(" ORDER BY id")
        return try await sql(db).raw(query).all().compactMap { r in
            guard let kind = DepartmentRecord.Kind(rawValue: try r.decode(column: "kind", as: String.self)) else { return nil }
            return DepartmentRecord(kind: kind, idNumber: try r.decode(column: "id_number", as: String.self), name: try r.decode(column: "name", as: String.self),
                                    date: try r.decode(column: "record_date", as: String?.self).flatMap { LocalDate(iso: $0) },
                                    fields: try fields(try r.decode(column: "fields", as: String.self), decoder))
        }
    }

    /// Whether a school roll (学籍) is loaded for the county.
    public static func hasSchoolRoll(county: AreaCode, on db: any Database) async throws -> Bool {
        try await sql(db).raw("SELECT id FROM department_batches WHERE county_code = \(bind: county.value) AND kind = 'school' LIMIT 1").first() != nil
    }

    public struct Decision: Sendable, Hashable {
        public var outcome: String, reason: String, date: LocalDate, username: String
    }

    public static func decisions(county: AreaCode, on db: any Database) async throws -> [String: Decision] {
        var found: [String: Decision] = [:]
        for r in try await sql(db).raw("SELECT * FROM match_decisions WHERE county_code = \(bind: county.value)").all() {
            found[try r.decode(column: "flag_key", as: String.self)] = Decision(outcome: try r.decode(column: "outcome", as: String.self),
                                                                                reason: try r.decode(column: "reason", as: String.self),
                                                                                date: LocalDate(iso: try r.decode(column: "decided_on", as: String.self))!,
                                                                                username: try r.decode(column: "username", as: String.self))
        }
        return found
    }

    public static func decide(_ f: VerifiedFlag, outcome: String, reason: String, date: LocalDate, username: String, county: AreaCode,
                              on db: any Database) async throws {
        try await sql(db).raw("DELETE FROM match_decisions WHERE flag_key = \(bind: f.key)").run()
        try await sql(db).raw("""
            INSERT INTO match_decisions (flag_key, rule, id_number, household_id, outcome, reason, decided_on, username, county_code)
            VALUES (\(bind: f.key), \(bind: f.rule), \(bind: f.idNumber), \(bind: f.household.rawValue), \(bind: outcome), \(bind: reason),
            \(bind: date.description), \(bind: username), \(bind: county.value))
            """).run()
    }

    /// 交办 — to whom a flag was handed (the township, and the cadre when it went to the household's 帮扶责任人).
    public struct Assignment: Sendable, Hashable {
        public var township: AreaCode, cadre: Cadre.ID?, assignee: String, date: LocalDate, username: String
        public init(township: AreaCode, cadre: Cadre.ID?, assignee: String, date: LocalDate, username: String) {
            self.township = township; self.cadre = cadre; self.assignee = assignee; self.date = date; self.username = username
        }
    }

    public static func assignments(county: AreaCode, on db: any Database) async throws -> [String: Assignment] {
        var found: [String: Assignment] = [:]
        for r in try await sql(db).raw("SELECT * FROM match_assignments WHERE county_code = \(bind: county.value)").all() {
            found[try r.decode(column: "flag_key", as: String.self)] = Assignment(
                township: AreaCode(try r.decode(column: "township_code", as: String.self))!, cadre: try r.decode(column: "cadre_id", as: Int64?.self).map { Cadre.ID($0) },
                assignee: try r.decode(column: "assignee", as: String.self), date: LocalDate(iso: try r.decode(column: "assigned_on", as: String.self))!,
                username: try r.decode(column: "username", as: String.self))
        }
        return found
    }

    public static func assign(_ f: VerifiedFlag, _ a: Assignment, county: AreaCode, on db: any Database) async throws {
        try await sql(db).raw("DELETE FROM match_assignments WHERE flag_key = \(bind: f.key)").run()
        try await sql(db).raw("""
            INSERT INTO match_assignments (flag_key, county_code, household_id, township_code, cadre_id, assignee, assigned_on, username)
            VALUES (\(bind: f.key), \(bind: county.value), \(bind: f.household.rawValue), \(bind: a.township.value), \(bind: a.cadre?.rawValue), \(bind: a.assignee),
            \(bind: a.date.description), \(bind: a.username))
            """).run()
    }

    /// The flags handed to a cadre and not yet verified: the rule (the key's first part), the household, the day.
    public static func assigned(to cadre: Cadre.ID, on db: any Database) async throws -> [(rule: String, household: Household.ID, date: LocalDate)] {
        try await sql(db).raw("""
            SELECT a.flag_key, a.household_id, a.assigned_on FROM match_assignments a LEFT JOIN match_decisions d ON d.flag_key = a.flag_key
            WHERE a.cadre_id = \(bind: cadre.rawValue) AND d.flag_key IS NULL ORDER BY a.assigned_on, a.household_id
            """).all().map { r in
            (rule: String(try r.decode(column: "flag_key", as: String.self).split(separator: "|").first ?? ""),
             household: Household.ID(try r.decode(column: "household_id", as: Int64.self)),
             date: LocalDate(iso: try r.decode(column: "assigned_on", as: String.self))!)
        }
    }
}
