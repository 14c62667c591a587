import Foundation
import TuopinDomain
import TuopinStore

/// 资金总览, the idle-funds list and 项目页: rates by township and by source as of a date, the allocations that
/// sit idle, and one project with its steps, money and beneficiaries.
extension FundsService {
    /// 合计 — allocated and reimbursed over a group of allocations, with how many of them (and how much) sit idle.
    public struct Total: Sendable, Hashable {
        public var key: String
        public var label: String
        public var allocated = Money.zero
        public var reimbursed = Money.zero
        public var idleCount = 0
        public var idleAmount = Money.zero
        public var rate: ReimbursementRate { ReimbursementRate(reimbursed: reimbursed, allocated: allocated) }

        mutating func add(_ g: FundStore.GroupTotal) {
            allocated = allocated + g.allocated
            reimbursed = reimbursed + g.reimbursed
            idleCount += g.idleCount
            idleAmount = idleAmount + g.idleAmount
        }
    }

    public struct Overview: Sendable {
        public var area: AreaCode?
        public var asOf: LocalDate
        public var rule: IdleFundRule
        public var rows: [FundStore.LedgerRow]
        public var idle: Set<FundAllocation.ID>
        public var total: Total
        public var byArea: [Total]
        public var bySource: [Total]
        /// 按责任单位 — by the unit each allocation is for (a department, a township's finance office).
        public var byUnit: [Total] = []
        public var areaNames: [AreaCode: String]
        public var mayManage: Bool

        /// The allocations that sit idle, oldest first.
        public var idleRows: [FundStore.LedgerRow] {
            rows.filter { idle.contains($0.allocation.id!) }.sorted {
                ($0.allocation.date, $0.allocation.area.value, $0.allocation.id!.rawValue) < ($1.allocation.date, $1.allocation.area.value, $1.allocation.id!.rawValue)
            }
        }

        /// One line per allocation, as `tuopin funds --format csv` and /funds.csv write it.
        public var table: [[String]] {
            [["区划代码", "资金来源", "文号", "下达金额", "已报账金额", "报账率", "下达日期", "沉淀天数", "是否沉淀"]] + rows.map { r in
                [r.allocation.area.value, r.kind.rawValue, r.document, r.allocation.amount.plainYuan, r.reimbursed.plainYuan, r.rate.percent,
                 r.allocation.date.description, String(rule.age(of: r.allocation.date, asOf: asOf)), idle.contains(r.allocation.id!) ? "是" : "否"]
            }
        }
    }

    /// 资金总览 — every allocation within the area (narrowed to the viewer's) made by `asOf`, reimbursements up
    /// to `asOf`, totals by township (or by village under a township) and by source.
    public static func overview(area requested: AreaCode?, asOf: LocalDate, rule: IdleFundRule = .standard, in ctx: ServiceContext) async throws -> Overview {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        let rows = try await FundStore.ledger(area: area, asOf: asOf, file: ctx.registryFile, on: ctx.db)
        var idle: Set<FundAllocation.ID> = []
        var groups: [String: FundStore.GroupTotal] = [:]
        for r in rows {
            let isIdle = rule.isIdle(allocated: r.allocation.date, amount: r.allocation.amount, reimbursed: r.reimbursed, asOf: asOf)
            if isIdle { idle.insert(r.allocation.id!) }
            let key = "\(r.allocation.area.value)|\(r.kind.rawValue)|\(r.allocation.unit)"
            var g = groups[key] ?? FundStore.GroupTotal(area: r.allocation.area, kind: r.kind, unit: r.allocation.unit)
            g.allocated = g.allocated + r.allocation.amount
            g.reimbursed = g.reimbursed + r.reimbursed
            if isIdle { g.idleCount += 1; g.idleAmount = g.idleAmount + (r.allocation.amount - r.reimbursed) }
            groups[key] = g
        }
        return try await assemble(area: area, asOf: asOf, rule: rule, groups: Array(groups.values), rows: rows, idle: idle, in: ctx)
    }

    /// 资金总览 as the page shows it: the totals summed in the database (`FundStore.totals`, the same rule as data) and
    /// only the oldest `shown` idle allocations as rows — a province's page does not read every allocation. The CSV,
    /// the API and 列入问题清单 read them all through `overview`.
    public static func summary(area requested: AreaCode?, asOf: LocalDate, rule: IdleFundRule = .standard, shown: Int = 200,
                               in ctx: ServiceContext) async throws -> Overview {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        let (olderThan, basisPoints) = rule.bounds(asOf: asOf)
        let groups = try await FundStore.totals(area: area, asOf: asOf, olderThan: olderThan, basisPoints: basisPoints, file: ctx.registryFile, on: ctx.db)
        let rows = try await FundStore.idle(area: area, asOf: asOf, olderThan: olderThan, basisPoints: basisPoints, limit: shown, file: ctx.registryFile,
                                            on: ctx.db)
        return try await assemble(area: area, asOf: asOf, rule: rule, groups: groups, rows: rows, idle: Set(rows.compactMap(\.allocation.id)), in: ctx)
    }

    /// The totals by area, source and unit from the groups, with the area names.
    static func assemble(area: AreaCode?, asOf: LocalDate, rule: IdleFundRule, groups: [FundStore.GroupTotal], rows: [FundStore.LedgerRow],
                         idle: Set<FundAllocation.ID>, in ctx: ServiceContext) async throws -> Overview {
        var total = Total(key: area?.value ?? "", label: "合计")
        var byArea: [String: Total] = [:], bySource: [String: Total] = [:], byUnit: [String: Total] = [:]
        for g in groups {
            total.add(g)
            byArea[g.area.value, default: Total(key: g.area.value, label: g.area.value)].add(g)
            bySource[g.kind.rawValue, default: Total(key: g.kind.rawValue, label: g.kind.rawValue)].add(g)
            let unit = g.unit.isEmpty ? "（未指定单位）" : g.unit
            byUnit[unit, default: Total(key: unit, label: unit)].add(g)
        }
        let names = try await AreaStore.names(of: Array(Set(groups.map(\.area) + (area.map { [$0] } ?? []))), on: ctx.db)
        let areas = byArea.values.map { t -> Total in
            var t = t
            t.label = AreaCode(t.key).flatMap { names[$0] } ?? t.key
            return t
        }.sorted { $0.key < $1.key }
        let sources = FundSource.Kind.allCases.compactMap { bySource[$0.rawValue] }
        var overview = Overview(area: area, asOf: asOf, rule: rule, rows: rows, idle: idle, total: total, byArea: areas, bySource: sources, areaNames: names,
                                mayManage: ctx.user.can(.manageFunds))
        overview.byUnit = byUnit.values.sorted { ($0.rate.basisPoints, $0.key) < ($1.rate.basisPoints, $1.key) }
        return overview
    }

    /// 沉淀资金转为问题 — each idle allocation not already on the problem list becomes a problem (source 资金监测,
    /// check item 查资金使用) for the unit holding the money, issued by the county; returns those listed.
    public static func flagIdle(area: AreaCode?, asOf: LocalDate, rule: IdleFundRule = .standard, in ctx: ServiceContext) async throws -> [Problem] {
        try ctx.user.require(.manageFunds)
        try ctx.user.require(.writeFindings)
        let o = try await overview(area: area, asOf: asOf, rule: rule, in: ctx)
        let item = ctx.supervision.checkItems.first { $0.contains("资金") } ?? ctx.supervision.checkItems[0]
        var listed: [Problem] = []
        let open = try await ProblemStore.board(.init(area: o.area, source: .fundsCheck), limit: 100_000, offset: 0, on: ctx.db).problems
            .filter { $0.state != .closed }
        for r in o.idleRows {
            let marker = "（下达记录 \(r.allocation.id!.rawValue)）"
            if open.contains(where: { $0.description.contains(marker) }) { continue }
            let age = rule.age(of: r.allocation.date, asOf: asOf)
            let text = "沉淀资金：\(r.kind.rawValue)\(r.document)下达 \(r.allocation.amount.groupedYuan) 元，\(age) 天报账率 \(r.rate.percent)，低于\(rule.threshold)%\(marker)"
            let problem = Problem(source: .fundsCheck, area: r.allocation.area, unit: r.allocation.unit, category: item, description: text,
                                  severity: .serious, found: ctx.today, deadline: ctx.supervision.deadline(for: .serious, found: ctx.today),
                                  state: .rectifying, issuedBy: r.allocation.area.ancestor(at: .county) ?? r.allocation.area)
            listed.append(try await SupervisionService.save(problem, in: ctx))
        }
        return listed
    }

    /// 项目库 — projects of an area, a year and a stage.
    public static func projects(area requested: AreaCode?, year: Int?, stage: ProjectStage?, in ctx: ServiceContext) async throws -> (projects: [Project], names: [AreaCode: String]) {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        let list = try await ProjectStore.list(area: area, year: year, stage: stage, on: ctx.db)
        return (list, try await AreaStore.names(of: Array(Set(list.flatMap(\.villages))), on: ctx.db))
    }

    /// 项目页 — one project and everything about it.
    public struct ProjectDetail: Sendable {
        public var project: Project
        public var steps: [ProjectStore.Step]
        public var ledger: [FundStore.LedgerRow]
        public var reimbursements: [Reimbursement]
        public var reimbursed: Money
        public var households: [HouseholdStore.Reference]
        public var areaNames: [AreaCode: String]
        /// The step keys the viewer may take now.
        public var allowed: [String]
        public var mayReimburse: Bool
        public var today: LocalDate
        /// Documents of its steps, oldest first.
        public var attachments: [Attachment] = []
        public var uploadLimit = AttachmentRules()
    }

    public static func project(_ id: Project.ID, in ctx: ServiceContext) async throws -> ProjectDetail {
        try ctx.user.require(.readRegistry)
        guard let p = try await ProjectStore.find(id, on: ctx.db), ctx.user.scope.includes(p.area) || p.villages.contains(where: { ctx.user.scope.includes($0) }) else {
            throw Refused.notFound("没有这个项目", "no such project")
        }
        let ledger = try await FundStore.ledger(area: nil, asOf: ctx.today, project: id, on: ctx.db)
        let reimbursements = try await FundStore.reimbursements(project: id, on: ctx.db)
        let refs = try await HouseholdStore.references(ids: p.households, on: ctx.db)
        var allowed: [String] = []
        if p.nextStage != nil, mayStep(p, action: "advance", in: ctx) { allowed.append("advance") }
        if p.stage == .posted, mayStep(p, action: "object", in: ctx) { allowed.append("object") }
        if p.stage.mayBeRemoved, mayStep(p, action: "remove", in: ctx) { allowed.append("remove") }
        if [.pooled, .planned, .underway, .accepted].contains(p.stage), mayStep(p, action: "replan", in: ctx) { allowed.append("replan") }
        var detail = ProjectDetail(project: p, steps: try await ProjectStore.steps(id, on: ctx.db), ledger: ledger, reimbursements: reimbursements,
                                   reimbursed: reimbursements.reduce(.zero) { $0 + $1.amount },
                                   households: p.households.compactMap { refs[$0] }, areaNames: try await AreaStore.names(of: p.villages + [p.county], on: ctx.db),
                                   allowed: allowed, mayReimburse: ctx.user.can(.manageFunds) && p.stage.mayBeReimbursed && !ledger.isEmpty, today: ctx.today)
        detail.attachments = try await AttachmentStore.list(.project(id), on: ctx.db)
        detail.uploadLimit = ctx.attachments
        return detail
    }
}

extension FundsService {
    /// The sources of the viewer's county (all for whoever sees everything), with what is left of each.
    public static func sources(in ctx: ServiceContext) async throws -> [(source: FundSource, allocated: Money)] {
        try ctx.user.require(.manageFunds)
        let county: AreaCode? = if case .area(let a) = ctx.user.scope { a.ancestor(at: .county) ?? a } else { nil }
        return try await FundStore.sources(county: county, on: ctx.db)
    }
}
