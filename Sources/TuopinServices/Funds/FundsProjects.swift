import Foundation
import TuopinDomain
import TuopinStore

/// 项目库 — a project proposed with every field the guidance requires, and moved through its lifecycle by the
/// level whose step it is: the township reviews its villages' proposals, the county does the rest.
extension FundsService {
    /// The project form as typed.
    public struct ProjectForm: Sendable {
        public var name: String, category: String, nature: String, villages: String, unit: String, tasks: String, planned: String
        public var funding: String, year: String, start: String, end: String, households: String, beneficiaries: String
        public var targets: String, mechanism: String
        public init(name: String, category: String, nature: String, villages: String, unit: String, tasks: String, planned: String, funding: String,
                    year: String, start: String, end: String, households: String, beneficiaries: String, targets: String, mechanism: String) {
            self.name = name; self.category = category; self.nature = nature; self.villages = villages; self.unit = unit; self.tasks = tasks
            self.planned = planned; self.funding = funding; self.year = year; self.start = start; self.end = end; self.households = households
            self.beneficiaries = beneficiaries; self.targets = targets; self.mechanism = mechanism
        }
    }

    /// 申报项目 — by a village (村申报), a township (乡镇申报) or the county's departments (部门申报), for places
    /// within the proposer's area; beneficiary households by 户编号 within those places.
    public static func propose(_ form: ProjectForm, in ctx: ServiceContext) async throws -> FormResult<Project> {
        try ctx.user.require(.proposeProjects)
        var f = Fields(today: ctx.today)
        let name = f.text("name", form.name, label: "项目名称", max: 80)
        let category: Project.Category? = f.pick("category", form.category, label: "项目类别")
        let nature: Project.Nature? = f.pick("nature", form.nature, label: "建设性质")
        let unit = f.text("unit", form.unit, label: "责任单位", max: 60)
        let tasks = f.text("tasks", form.tasks, label: "建设任务", max: 1000)
        let planned = f.money("planned", form.planned, label: "计划投资")
        let funding = f.text("funding", form.funding, label: "筹资方式", max: 200)
        let targets = f.text("targets", form.targets, label: "绩效目标", max: 1000, required: false)
        let mechanism = f.text("mechanism", form.mechanism, label: "带贫减贫机制", max: 1000)
        let year = Int(form.year.trimmingCharacters(in: .whitespaces))
        if year == nil || !(2014...ctx.today.year + 2).contains(year!) { f.faults["year"] = "年度应为2014至\(ctx.today.year + 2)年 / year out of range" }
        let start = f.date("start", form.start, label: "开工日期", latest: ctx.today.adding(days: 3 * 366))
        let end = f.date("end", form.end, label: "完工日期", latest: ctx.today.adding(days: 4 * 366))
        if let start, let end, end < start { f.faults["end"] = "完工日期早于开工日期 / the end is before the start" }
        let beneficiaries = Int(form.beneficiaries.trimmingCharacters(in: .whitespaces))
        if beneficiaries == nil || beneficiaries! < 0 || beneficiaries! > 1_000_000 { f.faults["beneficiaries"] = "受益人数应为整数 / a whole number of people" }
        var villages: [AreaCode] = []
        let codes = form.villages.split(whereSeparator: { " ,，、\n".contains($0) }).map(String.init)
        for c in codes {
            guard let a = AreaCode(c), a.level >= .township, ctx.user.scope.includes(a), try await AreaStore.find(a, on: ctx.db) != nil else {
                f.faults["villages"] = "“\(c)”不是您辖区内的乡镇或村 / not a township or village in your scope"
                break
            }
            villages.append(a)
        }
        if codes.isEmpty { f.faults["villages"] = "请填写实施地点（村或乡镇的区划代码） / give the villages" }
        let counties = Set(villages.compactMap { $0.ancestor(at: .county) })
        if counties.count > 1 { f.faults["villages"] = "实施地点应在同一个县 / the places must be in one county" }
        var households: [Household.ID] = []
        let numbers = form.households.split(whereSeparator: { " ,，、\n".contains($0) }).map(String.init)
        if !numbers.isEmpty, let county = counties.first, counties.count == 1 {
            let refs = try await HouseholdStore.references(numbers: numbers, county: county, on: ctx.db)
            let unknown = numbers.filter { n in refs[n].map { r in !villages.contains { $0.contains(r.village) } } ?? true }
            if !unknown.isEmpty { f.faults["households"] = "不在实施地点的户编号：\(unknown.prefix(5).joined(separator: "、")) / not households of these places" }
            households = numbers.compactMap { refs[$0]?.id }
        }
        guard f.faults.isEmpty, let category, let nature, let planned, let year, let start, let end, let beneficiaries, let county = counties.first else {
            return .rejected(FormRejection(faults: f.faults))
        }
        let proposer: Project.Proposer = switch ctx.user.role {
        case .villageTeam: .village
        case .townshipStation: .township
        default: .department
        }
        let project = Project(name: name, category: category, nature: nature, proposer: proposer, county: county, villages: villages, unit: unit,
                              tasks: tasks, planned: planned, funding: funding, year: year, start: start, end: end, households: households,
                              beneficiaries: beneficiaries, targets: targets, mechanism: mechanism)
        return .done(try await save(project, in: ctx))
    }

    static func save(_ project: Project, in ctx: ServiceContext) async throws -> Project {
        try await ctx.transaction { tx in
            let saved = try await ProjectStore.add(project, on: tx.db)
            try await ProjectStore.addStep(saved.id!, .init(date: tx.today, username: tx.user.username, action: "propose", stage: saved.stage,
                                                           note: saved.proposer.rawValue), on: tx.db)
            try await tx.record(FundsEvent.proposed(saved))
            return saved
        }
    }

    /// Whether the actor may take a project's next step: the township reviews what its villages proposed;
    /// every later step, objections, removal and re-planning belong to the county.
    static func mayStep(_ p: Project, action: String, in ctx: ServiceContext) -> Bool {
        guard ctx.user.can(.manageFunds) else { return false }
        if action == "advance", p.stage == .proposed, p.nextStage == .townshipReviewed { return ctx.user.scope.includes(p.area) }
        return ctx.user.scope.includes(p.county)
    }

    /// A step's fields as typed.
    public struct StepForm: Sendable {
        public var action: String, note: String, amount: String
        /// Documents of the step: the review's minutes, the acceptance report, the notice as posted.
        public var files: [AttachmentService.Upload]
        public init(action: String, note: String = "", amount: String = "", files: [AttachmentService.Upload] = []) {
            self.action = action; self.note = note; self.amount = amount; self.files = files
        }
    }

    /// 项目流转 — one step, checked by `Project.take`; its refusal comes back at its field.
    public static func step(_ id: Project.ID, _ form: StepForm, in ctx: ServiceContext) async throws -> FormResult<Project> {
        let before = try await project(id, in: ctx).project
        guard mayStep(before, action: form.action, in: ctx) else {
            throw Refused(.forbidden, "这一步由\(before.stage == .proposed ? "乡镇" : "县")办理", "this step belongs to another level")
        }
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 500 { return .rejected(FormRejection(faults: ["note": "不超过500字 / at most 500 characters"])) }
        if let fault = TextRule.fault(note, .freeText) { return .rejected(FormRejection(faults: ["note": fault])) }
        var f = Fields(today: ctx.today)
        var faults: [String: String] = [:]
        let files = AttachmentService.check(form.files, into: &faults, in: ctx)
        guard faults.isEmpty else { return .rejected(FormRejection(faults: faults)) }
        let action: ProjectAction
        switch form.action {
        case "advance": action = .advance(note: note)
        case "object": action = .object(note: note)
        case "remove": action = .remove(reason: note)
        case "replan":
            guard let amount = f.money("amount", form.amount, label: "计划投资") else { return .rejected(FormRejection(faults: f.faults)) }
            action = .replan(amount: amount, note: note)
        default: throw Refused(.badRequest, "未知的操作", "unknown step", field: "action")
        }
        let reimbursed = try await FundStore.reimbursed(project: id, on: ctx.db)
        let after: Project
        do { after = try before.take(action, on: ctx.today, reimbursed: reimbursed) } catch {
            if error.kind == .invalid || error.kind == .conflict { return .rejected(FormRejection(faults: [error.field ?? "note": error.message])) }
            throw error
        }
        try await ctx.transaction { tx in
            try await ProjectStore.update(after, on: tx.db)
            try await ProjectStore.addStep(id, .init(date: tx.today, username: tx.user.username, action: action.key, stage: after.stage, note: note), on: tx.db)
            try await tx.record(FundsEvent.stepped(after, before: before, action: action))
            try await AttachmentService.attach(files, to: .project(id), area: after.area, in: tx)
        }
        return .done(after)
    }
}
