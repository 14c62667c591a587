import FluentKit
import SQLKit
import TuopinDomain

/// 资金 — fund sources, allocations and reimbursements, and the ledger of each allocation (allocated and
/// reimbursed up to a date) from which rates and idle funds are computed.
public enum FundStore {
    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }

    static func id(_ row: (any SQLRow)?) throws -> Int64 { try row!.decode(column: "id", as: Int64.self) }

    public static func addSource(_ s: FundSource, on db: any Database) async throws -> FundSource {
        let row = try await sql(db).raw("""
            INSERT INTO fund_sources (kind, document, title, issued_on, amount_fen, county_code)
            VALUES (\(bind: s.kind.rawValue), \(bind: s.document), \(bind: s.title), \(bind: s.issued.description), \(bind: s.amount.fen), \(bind: s.county.value))
            RETURNING id
            """).first()
        var saved = s
        saved.id = FundSource.ID(try id(row))
        return saved
    }

    public static func addAllocation(_ a: FundAllocation, on db: any Database) async throws -> FundAllocation {
        let row = try await sql(db).raw("""
            INSERT INTO fund_allocations (source_id, area_code, project_id, amount_fen, allocated_on, unit)
            VALUES (\(bind: a.source.rawValue), \(bind: a.area.value), \(bind: a.project?.rawValue), \(bind: a.amount.fen), \(bind: a.date.description), \(bind: a.unit))
            RETURNING id
            """).first()
        var saved = a
        saved.id = FundAllocation.ID(try id(row))
        return saved
    }

    public static func addReimbursement(_ r: Reimbursement, on db: any Database) async throws -> Reimbursement {
        let row = try await sql(db).raw("""
            INSERT INTO reimbursements (allocation_id, project_id, amount_fen, applied_on, voucher, level)
            VALUES (\(bind: r.allocation.rawValue), \(bind: r.project?.rawValue), \(bind: r.amount.fen), \(bind: r.date.description), \(bind: r.voucher), \(bind: r.level.rawValue))
            RETURNING id
            """).first()
        try await sql(db).raw("""
            UPDATE fund_allocations SET reimbursed_fen = reimbursed_fen + \(bind: r.amount.fen),
              last_reimbursed_on = CASE WHEN last_reimbursed_on IS NULL OR last_reimbursed_on < \(bind: r.date.description) THEN \(bind: r.date.description)
                                        ELSE last_reimbursed_on END
            WHERE id = \(bind: r.allocation.rawValue)
            """).run()
        var saved = r
        saved.id = Reimbursement.ID(try id(row))
        return saved
    }

    static func source(_ r: any SQLRow) throws -> FundSource {
        FundSource(id: FundSource.ID(try r.decode(column: "id", as: Int64.self)),
                   kind: FundSource.Kind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .county,
                   document: try r.decode(column: "document", as: String.self), title: try r.decode(column: "title", as: String.self),
                   issued: LocalDate(iso: try r.decode(column: "issued_on", as: String.self))!,
                   amount: Money(fen: try r.decode(column: "amount_fen", as: Int64.self)), county: AreaCode(try r.decode(column: "county_code", as: String.self))!)
    }

    /// The sources of a county (all counties when nil), newest first, each with what has been allocated from it.
    public static func sources(county: AreaCode?, on db: any Database) async throws -> [(source: FundSource, allocated: Money)] {
        var q: SQLQueryString = """
            SELECT s.*, CAST(COALESCE((SELECT SUM(a.amount_fen) FROM fund_allocations a WHERE a.source_id = s.id), 0) AS BIGINT) AS allocated FROM fund_sources s
            """
        if let county { q.appendLiteral(" WHERE s.county_code = "); q.appendInterpolation(bind: county.value) }
        q.appendLiteral(" ORDER BY s.issued_on DESC, s.id DESC")
        return try await sql(db).raw(q).all().map { (try source($0), Money(fen: try $0.decode(column: "allocated", as: Int64.self))) }
    }

    public static func source(_ id: FundSource.ID, on db: any Database) async throws -> FundSource? {
        try await sql(db).raw("SELECT * FROM fund_sources WHERE id = \(bind: id.rawValue)").first().map(source)
    }

    public static func allocated(from source: FundSource.ID, on db: any Database) async throws -> Money {
        Money(fen: try await sql(db).raw("SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS n FROM fund_allocations WHERE source_id = \(bind: source.rawValue)")
            .first()!.decode(column: "n", as: Int64.self))
    }

    /// 资金台账 — one allocation with its source and what was reimbursed against it up to a date.
    public struct LedgerRow: Sendable, Hashable {
        public var allocation: FundAllocation
        public var kind: FundSource.Kind
        public var document: String
        public var reimbursed: Money
        public var rate: ReimbursementRate { ReimbursementRate(reimbursed: reimbursed, allocated: allocation.amount) }
    }

    static let ledgerColumns = ScanColumns(["id", "source_id", "area_code", "project_id", "amount_fen", "allocated_on", "unit", "kind", "document", "reimbursed"])

    /// Every allocation within `area` made on or before `asOf` (or of one project, or one allocation), with its
    /// reimbursements up to `asOf`; in area and date order. Read by position (`file`: the SQLite database file when
    /// there is one): a province's overview is tens of thousands of allocations.
    public static func ledger(area: AreaCode?, asOf: LocalDate, project: Project.ID? = nil, allocation: FundAllocation.ID? = nil, file: String? = nil,
                              on db: any Database) async throws -> [LedgerRow] {
        try await ledgerRows(ledgerQuery(area: area, asOf: asOf, project: project, allocation: allocation) + " ORDER BY a.area_code, a.allocated_on, a.id",
                             file: file, on: db)
    }

    /// The idle allocations of `ledger` (made before `olderThan`, rate under `basisPoints`), oldest first, at most `limit`.
    public static func idle(area: AreaCode?, asOf: LocalDate, olderThan: LocalDate, basisPoints: Int, limit: Int, file: String? = nil,
                            on db: any Database) async throws -> [LedgerRow] {
        // Read in date order off fund_allocations_age_idx: the area as a prefix (no range for the planner to prefer) and
        // the age bound inside, so the scan stops at the `limit`-th idle allocation (docs/adr/0018).
        try await ledgerRows("SELECT * FROM (\(ledgerQuery(area: area, asOf: asOf, areaAsPrefix: true, before: olderThan))) l"
                             + " WHERE \(idleCondition(olderThan: olderThan, basisPoints: basisPoints))"
                             + " ORDER BY allocated_on, area_code, id LIMIT \(max(0, limit))", file: file, on: db)
    }

    /// 合计 of one (area, source kind, unit) group of the ledger: allocated, reimbursed, and the idle part.
    public struct GroupTotal: Sendable, Hashable {
        public var area: AreaCode
        public var kind: FundSource.Kind
        public var unit: String
        public var allocated: Money
        public var reimbursed: Money
        public var idleCount: Int
        public var idleAmount: Money
        public init(area: AreaCode, kind: FundSource.Kind, unit: String, allocated: Money = .zero, reimbursed: Money = .zero, idleCount: Int = 0,
                    idleAmount: Money = .zero) {
            self.area = area; self.kind = kind; self.unit = unit; self.allocated = allocated; self.reimbursed = reimbursed
            self.idleCount = idleCount; self.idleAmount = idleAmount
        }
    }

    /// The ledger summed in the database by allocation area, source kind and unit — what the overview shows, without
    /// reading every allocation (a province has tens of thousands).
    public static func totals(area: AreaCode?, asOf: LocalDate, olderThan: LocalDate, basisPoints: Int, file: String? = nil,
                              on db: any Database) async throws -> [GroupTotal] {
        let idle = idleCondition(olderThan: olderThan, basisPoints: basisPoints)
        let c = ScanColumns(["area_code", "source_id", "unit", "allocated", "reimbursed", "idle_count", "idle_amount"])
        var kinds: [Int64: FundSource.Kind] = [:]
        for row in try await (db as! any SQLDatabase).raw("SELECT id, kind FROM fund_sources").all() {
            kinds[try row.decode(column: "id", as: Int64.self)] = FundSource.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .county
        }
        // Grouped by source ID, in the order of fund_allocations_totals_idx, which holds every column read (no join, no
        // sort: docs/adr/0018); the sources' kinds are joined here.
        var found: [String: GroupTotal] = [:]
        try await PositionalQuery.each("""
            SELECT area_code, source_id, unit, CAST(SUM(amount_fen) AS BIGINT) AS allocated, CAST(SUM(reimbursed) AS BIGINT) AS reimbursed,
            CAST(SUM(CASE WHEN \(idle) THEN 1 ELSE 0 END) AS BIGINT) AS idle_count,
            CAST(SUM(CASE WHEN \(idle) THEN amount_fen - reimbursed ELSE 0 END) AS BIGINT) AS idle_amount
            FROM (\(ledgerQuery(area: area, asOf: asOf, withSource: false))) l GROUP BY area_code, source_id, unit
            """, file: file, on: db) { r in
            guard let area = r.text(c["area_code"]).flatMap(AreaCode.init) else { return }
            let kind = r.int(c["source_id"]).flatMap { kinds[$0] } ?? .county, unit = r.text(c["unit"]) ?? ""
            let key = "\(area.value)|\(kind.rawValue)|\(unit)"
            var g = found[key] ?? GroupTotal(area: area, kind: kind, unit: unit)
            g.allocated = g.allocated + Money(fen: r.int(c["allocated"]) ?? 0)
            g.reimbursed = g.reimbursed + Money(fen: r.int(c["reimbursed"]) ?? 0)
            g.idleCount += Int(r.int(c["idle_count"]) ?? 0)
            g.idleAmount = g.idleAmount + Money(fen: r.int(c["idle_amount"]) ?? 0)
            found[key] = g
        }
        return found.sorted { $0.key < $1.key }.map(\.value)
    }

    /// `IdleFundRule.isIdle` over a ledger row (`IdleFundRule.bounds`): integer division rounds the rate down on both
    /// databases, as the rule does.
    static func idleCondition(olderThan: LocalDate, basisPoints: Int) -> String {
        "(amount_fen > 0 AND allocated_on < '\(olderThan.description)' AND (reimbursed * 10000) / amount_fen < \(basisPoints))"
    }

    /// One row per allocation with its source's kind and document and what was reimbursed against it by `asOf`:
    /// the sum the writes keep on the allocation when its last reimbursement is not after `asOf` (every allocation,
    /// when `asOf` is today), else summed from its reimbursements (docs/adr/0017).
    /// Only dates, codes and IDs are spliced in (digits and dashes).
    /// `withSource`: join the source's kind and document (the totals group by source ID and leave it out); `areaAsPrefix`:
    /// the area as a code prefix instead of a range (the same allocations; the idle list reads by date);
    /// `before`: only allocations made before that day.
    static func ledgerQuery(area: AreaCode?, asOf: LocalDate, project: Project.ID? = nil, allocation: FundAllocation.ID? = nil,
                            withSource: Bool = true, areaAsPrefix: Bool = false, before: LocalDate? = nil) -> String {
        let day = asOf.description
        var q = """
            SELECT a.id, a.source_id, a.area_code, a.project_id, a.amount_fen, a.allocated_on, a.unit\(withSource ? ", s.kind, s.document" : ""),
            CAST(CASE WHEN a.last_reimbursed_on IS NULL OR a.last_reimbursed_on <= '\(day)' THEN a.reimbursed_fen
                      ELSE (SELECT COALESCE(SUM(r.amount_fen), 0) FROM reimbursements r WHERE r.allocation_id = a.id AND r.applied_on <= '\(day)') END
                 AS BIGINT) AS reimbursed
            FROM fund_allocations a\(withSource ? " JOIN fund_sources s ON s.id = a.source_id" : "")
            WHERE a.allocated_on <= '\(day)'
            """
        if let before { q += " AND a.allocated_on < '\(before.description)'" }
        if let area, areaAsPrefix { q += " AND substr(a.area_code, 1, \(area.prefix.count)) = '\(area.prefix)'" }
        else if let area { q += " AND (\(SQLConditions.withinText(area, column: "a.area_code")) OR a.area_code = '\(area.value)')" }
        if let project { q += " AND a.project_id = \(project.rawValue)" }
        if let allocation { q += " AND a.id = \(allocation.rawValue)" }
        return q
    }

    static func ledgerRows(_ query: String, file: String?, on db: any Database) async throws -> [LedgerRow] {
        let c = ledgerColumns
        var rows: [LedgerRow] = []
        try await PositionalQuery.each(query, file: file, on: db) { r in
            guard let id = r.int(c["id"]), let source = r.int(c["source_id"]), let area = r.text(c["area_code"]).flatMap(AreaCode.init),
                  let fen = r.int(c["amount_fen"]), let date = r.text(c["allocated_on"]).flatMap(LocalDate.init(iso:)) else { return }
            rows.append(LedgerRow(allocation: FundAllocation(id: FundAllocation.ID(id), source: FundSource.ID(source), area: area,
                                                             project: r.int(c["project_id"]).map { Project.ID($0) }, amount: Money(fen: fen), date: date,
                                                             unit: r.text(c["unit"]) ?? ""),
                                  kind: r.text(c["kind"]).flatMap(FundSource.Kind.init(rawValue:)) ?? .county, document: r.text(c["document"]) ?? "",
                                  reimbursed: Money(fen: r.int(c["reimbursed"]) ?? 0)))
        }
        return rows
    }

    /// What has been reimbursed against a project, all allocations together.
    public static func reimbursed(project: Project.ID, on db: any Database) async throws -> Money {
        Money(fen: try await sql(db).raw("SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) AS n FROM reimbursements WHERE project_id = \(bind: project.rawValue)")
            .first()!.decode(column: "n", as: Int64.self))
    }

    /// A project's (or an allocation's) reimbursements, in date order.
    public static func reimbursements(project: Project.ID, on db: any Database) async throws -> [Reimbursement] {
        try await sql(db).raw("SELECT * FROM reimbursements WHERE project_id = \(bind: project.rawValue) ORDER BY applied_on, id").all().map { r in
            Reimbursement(id: Reimbursement.ID(try r.decode(column: "id", as: Int64.self)), allocation: FundAllocation.ID(try r.decode(column: "allocation_id", as: Int64.self)),
                          project: try r.decode(column: "project_id", as: Int64?.self).map { Project.ID($0) },
                          amount: Money(fen: try r.decode(column: "amount_fen", as: Int64.self)),
                          date: LocalDate(iso: try r.decode(column: "applied_on", as: String.self))!, voucher: try r.decode(column: "voucher", as: String.self),
                          level: Reimbursement.Level(rawValue: try r.decode(column: "level", as: String.self)) ?? .county)
        }
    }
}
