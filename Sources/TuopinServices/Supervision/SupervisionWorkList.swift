import Foundation
import TuopinDomain
import TuopinStore

/// 月工作清单 — the county command's monthly list of tasks for townships and units (task, owner, due date),
/// each a problem of source 月工作清单, so that it is claimed, reported done with evidence, reviewed and closed,
/// and goes overdue and escalates exactly as a problem does.
extension SupervisionService {
    public struct WorkList: Sendable {
        public var month: DutyPeriod
        public var area: AreaCode?
        public var areaName: String
        public var tasks: [Problem]
        public var areaNames: [AreaCode: String]
        public var today: LocalDate
        /// The viewer issues tasks (and for which area by default).
        public var mayIssue: Bool
        public var issuer: AreaCode?
        public var checkItems: [String]

        public var done: Int { tasks.filter { $0.state == .closed }.count }
        public var overdue: Int { tasks.filter { $0.isOverdue(on: today) }.count }
    }

    /// The tasks of a month in the viewer's area (or the area asked for within it), in the order issued.
    public static func workList(month: DutyPeriod, area requested: AreaCode?, in ctx: ServiceContext) async throws -> WorkList {
        try ctx.user.require(.readRegistry)
        guard month.length == .month else { throw Refused(.invalid, "工作清单按月，请给出月份，如 2016-08", "a work list is for a month, e.g. 2016-08", field: "month") }
        let area = try ctx.area(requested)
        var filter = ProblemStore.Filter(area: area, source: .workList)
        filter.found = month.first...month.last
        let tasks = try await ProblemStore.board(filter, limit: 1000, offset: 0, on: ctx.db).problems.sorted { $0.id! < $1.id! }
        let names = try await AreaStore.names(of: Array(Set(tasks.map(\.area) + (area.map { [$0] } ?? []))), on: ctx.db)
        return WorkList(month: month, area: area, areaName: area.flatMap { names[$0] } ?? "全辖区", tasks: tasks, areaNames: names, today: ctx.today,
                        mayIssue: ctx.user.can(.writeFindings) && (ctx.user.area.map { $0.level <= .township } ?? true), issuer: ctx.user.area,
                        checkItems: ctx.supervision.checkItems)
    }

    /// One task as typed on the list's form.
    public struct TaskForm: Sendable {
        public var area: String, unit: String, task: String, due: String, category: String
        public init(area: String, unit: String, task: String, due: String, category: String) {
            self.area = area; self.unit = unit; self.task = task; self.due = due; self.category = category
        }
    }

    /// 下达任务 — a task of this month or the next, for an area within the issuer's, owned by the unit named
    /// (so it starts 整改中), due within its month or after it; a refusal names each field.
    public static func issueTask(month: DutyPeriod, _ form: TaskForm, in ctx: ServiceContext) async throws -> FormResult<Problem> {
        try ctx.user.require(.writeFindings)
        var faults: [String: String] = [:]
        let thisMonth = DutyPeriod.month(ctx.today.year, ctx.today.month)
        guard month.length == .month, month.first >= thisMonth.first, month.first <= thisMonth.last.adding(days: 1) else {
            throw Refused(.invalid, "只能下达本月或下月的工作清单", "tasks are issued for this month or the next", field: "month")
        }
        let area = AreaCode(form.area.trimmingCharacters(in: .whitespaces))
        if area == nil || area!.level < .county { faults["area"] = "请填写县、乡镇或村的区划代码 / give a county, township or village code" }
        else if !ctx.user.scope.includes(area!) {
            faults["area"] = "没有这个区划或不在您的辖区 / no such area in your scope"
        } else if try await AreaStore.find(area!, on: ctx.db) == nil {
            faults["area"] = "没有这个区划或不在您的辖区 / no such area in your scope"
        }
        let unit = form.unit.trimmingCharacters(in: .whitespaces)
        if unit.isEmpty { faults["unit"] = "请填写责任单位 / name the unit responsible" }
        else if unit.count > 60 { faults["unit"] = "不超过60字 / at most 60 characters" }
        else if let f = TextRule.fault(unit, .cell) { faults["unit"] = f }
        let task = form.task.trimmingCharacters(in: .whitespacesAndNewlines)
        if task.count < 4 { faults["task"] = "请写明任务（至少4字） / describe the task (at least 4 characters)" }
        else if task.count > 500 { faults["task"] = "不超过500字 / at most 500 characters" }
        else if let f = TextRule.fault(task, .freeText) { faults["task"] = f }
        if !ctx.supervision.checkItems.contains(form.category) { faults["category"] = "请选择检查项目 / choose a check item" }
        var due: LocalDate?
        switch EventDate.parse(form.due, field: "due", label: "完成时限", today: ctx.today.adding(days: 366)) {
        case .success(let d) where d < month.first: faults["due"] = "完成时限不能早于 \(month.first) / not before the month begins"
        case .success(let d): due = d
        case .failure(let f): faults["due"] = f.description
        }
        guard faults.isEmpty, let area, let due else { return .rejected(FormRejection(faults: faults)) }
        let problem = Problem(source: .workList, area: area, unit: unit, category: form.category, description: task, severity: .minor,
                              found: month.first, deadline: due, state: .rectifying, issuedBy: issuingLevel(ctx, for: area))
        return .done(try await save(problem, in: ctx))
    }
}
