import FluentKit
import SQLKit
import TuopinDomain

/// 项目库 — projects and the steps each has taken.
public enum ProjectStore {
    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }

    static func project(_ r: any SQLRow) throws -> Project {
        func date(_ c: String) throws -> LocalDate? { try r.decode(column: c, as: String?.self).flatMap { LocalDate(iso: $0) } }
        return Project(id: Project.ID(try r.decode(column: "id", as: Int64.self)), name: try r.decode(column: "name", as: String.self),
                       category: Project.Category(rawValue: try r.decode(column: "category", as: String.self)) ?? .other,
                       nature: Project.Nature(rawValue: try r.decode(column: "nature", as: String.self)) ?? .new,
                       proposer: Project.Proposer(rawValue: try r.decode(column: "proposer", as: String.self)) ?? .village,
                       county: AreaCode(try r.decode(column: "county_code", as: String.self))!,
                       villages: try r.decode(column: "villages", as: String.self).split(separator: " ").compactMap { AreaCode(String($0)) },
                       unit: try r.decode(column: "unit", as: String.self), tasks: try r.decode(column: "tasks", as: String.self),
                       planned: Money(fen: try r.decode(column: "planned_fen", as: Int64.self)), funding: try r.decode(column: "funding", as: String.self),
                       year: try r.decode(column: "plan_year", as: Int.self), start: try date("start_on")!, end: try date("end_on")!,
                       households: try r.decode(column: "households", as: String.self).split(separator: " ").compactMap { Int64($0).map { Household.ID($0) } },
                       beneficiaries: try r.decode(column: "beneficiaries", as: Int.self), targets: try r.decode(column: "targets", as: String.self),
                       mechanism: try r.decode(column: "mechanism", as: String.self),
                       stage: ProjectStage(rawValue: try r.decode(column: "stage", as: String.self)) ?? .proposed,
                       posted: try date("posted_on"), accepted: try date("accepted_on"), announced: try date("announced_on"),
                       removal: try r.decode(column: "removal", as: String?.self))
    }

    public static func add(_ p: Project, on db: any Database) async throws -> Project {
        let row = try await sql(db).raw("""
            INSERT INTO projects (name, category, nature, proposer, county_code, area_code, villages, unit, tasks, planned_fen, funding, plan_year,
            start_on, end_on, households, beneficiaries, targets, mechanism, stage, posted_on, accepted_on, announced_on, removal)
            VALUES (\(bind: p.name), \(bind: p.category.rawValue), \(bind: p.nature.rawValue), \(bind: p.proposer.rawValue), \(bind: p.county.value),
            \(bind: p.area.value), \(bind: p.villages.map(\.value).joined(separator: " ")), \(bind: p.unit), \(bind: p.tasks), \(bind: p.planned.fen),
            \(bind: p.funding), \(bind: p.year), \(bind: p.start.description), \(bind: p.end.description),
            \(bind: p.households.map(\.description).joined(separator: " ")), \(bind: p.beneficiaries), \(bind: p.targets), \(bind: p.mechanism),
            \(bind: p.stage.rawValue), \(bind: p.posted?.description), \(bind: p.accepted?.description), \(bind: p.announced?.description), \(bind: p.removal))
            RETURNING id
            """).first()
        var saved = p
        saved.id = Project.ID(try row!.decode(column: "id", as: Int64.self))
        return saved
    }

    /// Writes what a step may change: the stage, its dates, the plan and the removal.
    public static func update(_ p: Project, on db: any Database) async throws {
        try await sql(db).raw("""
            UPDATE projects SET stage = \(bind: p.stage.rawValue), posted_on = \(bind: p.posted?.description), accepted_on = \(bind: p.accepted?.description),
            announced_on = \(bind: p.announced?.description), removal = \(bind: p.removal), planned_fen = \(bind: p.planned.fen) WHERE id = \(bind: p.id!.rawValue)
            """).run()
    }

    public static func find(_ id: Project.ID, on db: any Database) async throws -> Project? {
        try await sql(db).raw("SELECT * FROM projects WHERE id = \(bind: id.rawValue)").first().map(project)
    }

    /// Projects within an area (by where they are built), of a year and stage when given; newest first.
    public static func list(area: AreaCode?, year: Int? = nil, stage: ProjectStage? = nil, limit: Int = 500, on db: any Database) async throws -> [Project] {
        var q: SQLQueryString = "SELECT * FROM projects WHERE 1 = 1"
        if let area { q.appendInterpolation(" AND (\(SQLConditions.within(area, column: "area_code")) OR area_code = \(bind: area.value))" as SQLQueryString) }
        if let year { q.appendLiteral(" AND plan_year = "); q.appendInterpolation(bind: year) }
        if let stage { q.appendLiteral(" AND stage = "); q.appendInterpolation(bind: stage.rawValue) }
        q.appendLiteral(" ORDER BY plan_year DESC, id DESC LIMIT ")
        q.appendInterpolation(bind: limit)
        return try await sql(db).raw(q).all().map(project)
    }

    /// 项目流转记录
    public struct Step: Sendable, Hashable {
        public var date: LocalDate, username: String, action: String, stage: ProjectStage, note: String
        public init(date: LocalDate, username: String, action: String, stage: ProjectStage, note: String) {
            self.date = date; self.username = username; self.action = action; self.stage = stage; self.note = note
        }
    }

    public static func addStep(_ id: Project.ID, _ s: Step, on db: any Database) async throws {
        try await sql(db).raw("""
            INSERT INTO project_steps (project_id, step_on, username, action, stage, note)
            VALUES (\(bind: id.rawValue), \(bind: s.date.description), \(bind: s.username), \(bind: s.action), \(bind: s.stage.rawValue), \(bind: s.note))
            """).run()
    }

    public static func steps(_ id: Project.ID, on db: any Database) async throws -> [Step] {
        try await sql(db).raw("SELECT * FROM project_steps WHERE project_id = \(bind: id.rawValue) ORDER BY id").all().map { r in
            Step(date: LocalDate(iso: try r.decode(column: "step_on", as: String.self))!, username: try r.decode(column: "username", as: String.self),
                 action: try r.decode(column: "action", as: String.self),
                 stage: ProjectStage(rawValue: try r.decode(column: "stage", as: String.self)) ?? .proposed, note: try r.decode(column: "note", as: String.self))
        }
    }
}
