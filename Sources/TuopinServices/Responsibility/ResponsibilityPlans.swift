import Foundation
import TuopinDomain
import TuopinStore

/// 帮扶行动计划 — the measures a household's plan holds, shown beside its exit verdict; added and moved on by
/// whoever edits the registry there, or by the household's own 帮扶责任人.
extension ResponsibilityService {
    public struct MeasureForm: Sendable {
        public var kind: String
        public var content: String
        public var plannedDate: String
        public var expectedIncome: String
        public init(kind: String, content: String, plannedDate: String, expectedIncome: String) {
            self.kind = kind
            self.content = content
            self.plannedDate = plannedDate
            self.expectedIncome = expectedIncome
        }
    }

    /// The household's measures (the household must be in sight).
    public static func plan(of household: Household.ID, in ctx: ServiceContext) async throws -> [PlanMeasure] {
        _ = try await HouseholdService.find(household, in: ctx)
        return try await PlanStore.measures(of: household, on: ctx.db)
    }

    /// Whether the actor may change the household's plan.
    public static func mayPlan(_ household: Household.ID, in ctx: ServiceContext) async throws -> Bool {
        if ctx.user.can(.editRegistry) { return true }
        guard ctx.user.can(.logWork) else { return false }
        return try await isPaired(household, on: ctx.today, in: ctx)
    }

    public static func addMeasure(to household: Household.ID, _ form: MeasureForm, in ctx: ServiceContext) async throws -> FormResult<PlanMeasure> {
        let detail = try await HouseholdService.find(household, in: ctx)
        guard try await mayPlan(household, in: ctx) else {
            throw Refused(.forbidden, "只有本辖区修改登记的人员或该户的帮扶责任人可以制定帮扶措施", "only registry editors here or the household's helper plan its measures")
        }
        var faults: [String: String] = [:]
        let kind = PlanMeasure.Kind.parse(form.kind)
        if kind == nil { faults["kind"] = "请选择措施类别 / choose a kind" }
        let content = form.content.trimmingCharacters(in: .whitespacesAndNewlines)
        if content.isEmpty { faults["content"] = "请写明措施内容 / describe the measure" }
        else if content.count > 500 { faults["content"] = "不超过500字 / at most 500 characters" }
        else if let f = TextRule.fault(content, .freeText) { faults["content"] = f }
        var planned: LocalDate?
        switch EventDate.parse(form.plannedDate, field: "planned_date", label: "计划日期", today: ctx.today) {
        case .success(let d): planned = d
        case .failure(let f): faults["planned_date"] = f.description
        }
        var income: Money?
        let incomeText = form.expectedIncome.trimmingCharacters(in: .whitespaces)
        if !incomeText.isEmpty {
            switch Money.parse(yuan: incomeText) {
            case .success(let m): income = m
            case .failure: faults["expected_income"] = "预期增收应为金额（元），如 3000 或 3,000.50 / an amount in yuan"
            }
        }
        guard faults.isEmpty, let kind, let planned else { return .rejected(FormRejection(faults: faults)) }
        let measure = PlanMeasure(household: household, kind: kind, content: content, plannedDate: planned, expectedIncome: income)
        let village = detail.household.villageCode
        let saved = try await ctx.transaction { tx in
            let saved = try await PlanStore.add(measure, village: village, on: tx.db)
            try await tx.record(ResponsibilityEvent.measureSaved(saved, before: nil, area: village))
            return saved
        }
        return .done(saved)
    }

    /// Moves a measure on (实施中, 已完成 with today's date, 已取消).
    public static func setMeasure(_ id: PlanMeasure.ID, of household: Household.ID, to statusText: String, in ctx: ServiceContext) async throws {
        let detail = try await HouseholdService.find(household, in: ctx)
        guard try await mayPlan(household, in: ctx) else {
            throw Refused(.forbidden, "只有本辖区修改登记的人员或该户的帮扶责任人可以更新帮扶措施", "only registry editors here or the household's helper update its measures")
        }
        guard let status = PlanMeasure.Status.parse(statusText) else {
            throw Refused(.invalid, "状态应为 \(PlanMeasure.Status.allowedList)", "unknown status", field: "status")
        }
        guard let before = try await PlanStore.find(id, on: ctx.db), before.household == household else {
            throw Refused.notFound("没有这项措施", "no such measure")
        }
        guard before.status != status else { return }
        var after = before
        after.status = status
        after.doneDate = status == .done ? ctx.today : nil
        let village = detail.household.villageCode
        try await ctx.transaction { [after] tx in
            try await PlanStore.setStatus(id, status, done: after.doneDate, on: tx.db)
            try await tx.record(ResponsibilityEvent.measureSaved(after, before: before, area: village))
        }
    }

    /// Measures written as given (the demo's plans, dates and states included), each audited, in one transaction.
    public static func loadMeasures(_ items: [(measure: PlanMeasure, village: AreaCode)], in ctx: ServiceContext) async throws -> Int {
        try ctx.user.require(.manageResponsibility)
        return try await ctx.transaction { tx in
            for item in items {
                let saved = try await PlanStore.add(item.measure, village: item.village, on: tx.db)
                try await tx.record(ResponsibilityEvent.measureSaved(saved, before: nil, area: item.village))
            }
            return items.count
        }
    }

    /// 脱贫计划方案 of a village, township or county: the households' measures rolled up by kind and status,
    /// and the year's quarterly progress table (工作进度表).
    public struct AreaPlan: Sendable {
        public var area: AreaCode
        public var name: String
        public var year: Int
        public var byKind: [(kind: PlanMeasure.Kind, counts: [PlanMeasure.Status: Int], income: Money)]
        public var progress: PlanProgress
    }

    public static func areaPlan(area requested: AreaCode, year: Int, in ctx: ServiceContext) async throws -> AreaPlan {
        try ctx.user.require(.readRegistry)
        guard let area = try ctx.area(requested) else { throw Refused.noSuchArea(requested) }
        guard let found = try await AreaStore.find(area, on: ctx.db) else { throw Refused.noSuchArea(area) }
        var kinds: [PlanMeasure.Kind: (counts: [PlanMeasure.Status: Int], income: Money)] = [:]
        for r in try await PlanStore.rollUp(under: area, on: ctx.db) {
            var k = kinds[r.kind] ?? ([:], .zero)
            k.counts[r.status, default: 0] += r.count
            if r.status != .cancelled { k.income = Money(fen: k.income.fen + r.income.fen) }
            kinds[r.kind] = k
        }
        let byKind = PlanMeasure.Kind.allCases.compactMap { k in kinds[k].map { (k, $0.counts, $0.income) } }
        let progress = PlanProgress(year: year, months: try await PlanStore.months(under: area, year: year, on: ctx.db))
        return AreaPlan(area: area, name: found.name, year: year, byKind: byKind, progress: progress)
    }
}
