import Foundation
import TuopinDomain
import TuopinStore

/// 资金项目 — fund sources, allocations and reimbursements (issue #16 items 2–3). Each write is checked by the
/// domain (`ReimbursementCheck`, `Project.take`), stored and audited in one transaction; a form comes back
/// with its faults by field and nothing written.
public enum FundsService {
    /// Reads the form's fields: a fault per field, values where they parse.
    struct Fields {
        var faults: [String: String] = [:]
        let today: LocalDate

        mutating func text(_ key: String, _ value: String, label: String, max: Int, required: Bool = true) -> String {
            let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && t.isEmpty { faults[key] = "请填写\(label) / \(key) is required" }
            else if t.count > max { faults[key] = "\(label)不超过\(max)字 / at most \(max) characters" }
            else if let f = TextRule.fault(t, .freeText) { faults[key] = f }
            return t
        }

        mutating func money(_ key: String, _ value: String, label: String) -> Money? {
            switch Money.parse(yuan: value) {
            case .success(let m) where m.fen > 0: return m
            case .success: faults[key] = "\(label)应大于0 / \(key) must be above 0"
            case .failure(let e): faults[key] = "\(label)：\(e.chinese) / \(key): \(e.english)"
            }
            return nil
        }

        mutating func date(_ key: String, _ value: String, label: String, latest: LocalDate? = nil) -> LocalDate? {
            switch EventDate.parse(value, field: key, label: label, today: latest ?? today) {
            case .success(let d) where d > (latest ?? today): faults[key] = "\(label)不能晚于今天 / \(key) must not be after today"
            case .success(let d): return d
            case .failure(let f): faults[key] = f.description
            }
            return nil
        }

        mutating func pick<V: Vocabulary>(_ key: String, _ value: String, label: String) -> V? {
            guard let v = V.parse(value) else { faults[key] = "请选择\(label)（\(V.allowedList)） / choose \(key)"; return nil }
            return v
        }

        mutating func id<T>(_ key: String, _ value: String, label: String, required: Bool = true) -> TypedID<T>? {
            let t = value.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { if required { faults[key] = "请填写\(label) / \(key) is required" }; return nil }
            guard let n = Int64(t), n > 0 else { faults[key] = "\(label)应为编号 / \(key) must be a number"; return nil }
            return TypedID<T>(n)
        }
    }

    /// 资金来源 as typed.
    public struct SourceForm: Sendable {
        public var kind: String, document: String, title: String, issued: String, amount: String, county: String
        public init(kind: String, document: String, title: String, issued: String, amount: String, county: String) {
            self.kind = kind; self.document = document; self.title = title; self.issued = issued; self.amount = amount; self.county = county
        }
    }

    /// The county a user answers for (theirs, or the one named by whoever sees everything).
    static func county(_ text: String, in ctx: ServiceContext, faults: inout [String: String]) -> AreaCode? {
        if case .area(let a) = ctx.user.scope, a.level == .county, text.isEmpty { return a }
        guard let c = AreaCode(text.trimmingCharacters(in: .whitespaces)), c.level == .county, ctx.user.scope.includes(c) else {
            faults["county"] = "请填写本县的区划代码 / give your county's code"
            return nil
        }
        return c
    }

    /// 登记资金来源 — the county office, for its county.
    public static func addSource(_ form: SourceForm, in ctx: ServiceContext) async throws -> FormResult<FundSource> {
        try ctx.user.require(.manageFunds)
        var f = Fields(today: ctx.today)
        let kind: FundSource.Kind? = f.pick("kind", form.kind, label: "资金类别")
        let document = f.text("document", form.document, label: "文号", max: 60)
        let title = f.text("title", form.title, label: "资金名称", max: 100)
        let issued = f.date("issued", form.issued, label: "下达日期")
        let amount = f.money("amount", form.amount, label: "金额")
        let county = county(form.county, in: ctx, faults: &f.faults)
        if let county, f.faults["document"] == nil,
           try await FundStore.sources(county: county, on: ctx.db).contains(where: { $0.source.document == document }) {
            f.faults["document"] = "该文号已登记 / this document is already registered"
        }
        guard f.faults.isEmpty, let kind, let issued, let amount, let county else { return .rejected(FormRejection(faults: f.faults)) }
        let source = FundSource(kind: kind, document: document, title: title, issued: issued, amount: amount, county: county)
        return .done(try await ctx.transaction { tx in
            let saved = try await FundStore.addSource(source, on: tx.db)
            try await tx.record(FundsEvent.sourceAdded(saved))
            return saved
        })
    }

    /// 资金下达 as typed.
    public struct AllocationForm: Sendable {
        public var source: String, area: String, project: String, amount: String, date: String, unit: String
        public init(source: String, area: String, project: String, amount: String, date: String, unit: String) {
            self.source = source; self.area = area; self.project = project; self.amount = amount; self.date = date; self.unit = unit
        }
    }

    /// 下达资金 — from a source of the county to one of its townships (or the county itself), or to a project in
    /// the pool; never more than the source has left, never before the source was issued.
    public static func allocate(_ form: AllocationForm, in ctx: ServiceContext) async throws -> FormResult<FundAllocation> {
        try ctx.user.require(.manageFunds)
        var f = Fields(today: ctx.today)
        let sourceID: FundSource.ID? = f.id("source", form.source, label: "资金来源")
        let amount = f.money("amount", form.amount, label: "金额")
        let date = f.date("date", form.date, label: "下达日期")
        let unit = f.text("unit", form.unit, label: "责任单位", max: 60)
        let projectID: Project.ID? = f.id("project", form.project, label: "项目", required: false)
        var area = AreaCode(form.area.trimmingCharacters(in: .whitespaces))
        var source: FundSource?
        if let sourceID {
            source = try await FundStore.source(sourceID, on: ctx.db)
            if source == nil || !ctx.user.scope.includes(source!.county) { f.faults["source"] = "没有这个资金来源 / no such fund source"; source = nil }
        }
        if let projectID {
            if let p = try await ProjectStore.find(projectID, on: ctx.db), ctx.user.scope.includes(p.county) {
                if ![.pooled, .planned, .underway, .accepted].contains(p.stage) {
                    f.faults["project"] = "项目\(p.stage.rawValue)，入库后才能安排资金 / only a pooled project takes money"
                }
                if source.map({ $0.county != p.county }) ?? false { f.faults["project"] = "项目不在该资金所属县 / the project is in another county" }
                area = area ?? p.area.ancestor(at: .township) ?? p.county
            } else { f.faults["project"] = "没有这个项目 / no such project" }
        }
        if let a = area, let source {
            if !(a == source.county || (a.level == .township && source.county.contains(a))) {
                f.faults["area"] = "应为本县或其乡镇的区划代码 / the county or one of its townships"
            } else if try await AreaStore.find(a, on: ctx.db) == nil { f.faults["area"] = "没有这个区划 / no such area" }
        } else if area == nil { f.faults["area"] = "请填写乡镇或县的区划代码 / give a township or county code" }
        if let source, let amount, f.faults["amount"] == nil {
            let left = source.amount - (try await FundStore.allocated(from: source.id!, on: ctx.db))
            if amount > left { f.faults["amount"] = "超过该资金来源的余额 \(left.groupedYuan) 元 / more than the \(left.plainYuan) yuan left" }
        }
        if let source, let date, date < source.issued { f.faults["date"] = "早于资金下达日期 \(source.issued) / before the source was issued" }
        guard f.faults.isEmpty, let source, let area, let amount, let date else { return .rejected(FormRejection(faults: f.faults)) }
        let allocation = FundAllocation(source: source.id!, area: area, project: projectID, amount: amount, date: date, unit: unit)
        return .done(try await ctx.transaction { tx in
            let saved = try await FundStore.addAllocation(allocation, on: tx.db)
            try await tx.record(FundsEvent.allocated(saved))
            return saved
        })
    }

    /// 报账 as typed.
    public struct ReimbursementForm: Sendable {
        public var allocation: String, amount: String, date: String, voucher: String, level: String
        public init(allocation: String, amount: String, date: String, voucher: String, level: String) {
            self.allocation = allocation; self.amount = amount; self.date = date; self.voucher = voucher; self.level = level
        }
    }

    /// 报账 — against an allocation in the actor's area (a township records 乡镇报账 for its own), through
    /// `ReimbursementCheck`; the domain's refusal comes back at its field.
    public static func reimburse(_ form: ReimbursementForm, in ctx: ServiceContext) async throws -> FormResult<Reimbursement> {
        try ctx.user.require(.manageFunds)
        var f = Fields(today: ctx.today)
        let allocationID: FundAllocation.ID? = f.id("allocation", form.allocation, label: "下达记录")
        let amount = f.money("amount", form.amount, label: "报账金额")
        let date = f.date("date", form.date, label: "报账申请日期")
        let voucher = f.text("voucher", form.voucher, label: "凭证号", max: 40)
        let level: Reimbursement.Level? = f.pick("level", form.level, label: "报账级别")
        var row: FundStore.LedgerRow?
        if let allocationID {
            row = try await FundStore.ledger(area: nil, asOf: LocalDate(year: 9999, month: 12, day: 31)!, allocation: allocationID, on: ctx.db).first
            if row == nil || !ctx.user.scope.includes(row!.allocation.area) { f.faults["allocation"] = "没有这笔下达资金 / no such allocation"; row = nil }
        }
        guard f.faults.isEmpty, let row, let amount, let date, let level else { return .rejected(FormRejection(faults: f.faults)) }
        let r = Reimbursement(allocation: row.allocation.id!, project: row.allocation.project, amount: amount, date: date, voucher: voucher, level: level)
        var project: (Project, reimbursed: Money)?
        if let pid = row.allocation.project, let p = try await ProjectStore.find(pid, on: ctx.db) {
            project = (p, try await FundStore.reimbursed(project: pid, on: ctx.db))
        }
        do {
            try ReimbursementCheck.check(r, allocationLeft: row.allocation.amount - row.reimbursed, project: project, today: ctx.today)
        } catch {
            return .rejected(FormRejection(faults: [error.field == "project" ? "allocation" : (error.field ?? "amount"): error.message]))
        }
        let area = row.allocation.area
        return .done(try await ctx.transaction { tx in
            let saved = try await FundStore.addReimbursement(r, on: tx.db)
            try await tx.record(FundsEvent.reimbursed(saved, area: area))
            return saved
        })
    }
}
