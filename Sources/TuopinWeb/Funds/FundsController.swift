import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import Vapor

/// 资金总览: rates by township and source, idle funds (page, CSV, JSON), the county's forms for sources,
/// allocations and reimbursements, and listing idle money as problems.
enum FundsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("funds", use: page)
        routes.get("funds.csv", use: csv)
        routes.get("api", "v1", "funds", use: json)
        routes.post("funds", "sources", use: addSource)
        routes.post("funds", "allocations", use: allocate)
        routes.post("funds", "reimbursements", use: reimburse)
        routes.post("funds", "flag", use: flag)
    }

    /// Area, date and idle rule from the query; in the API an empty parameter is a fault naming it.
    static func query(_ req: Request, today: LocalDate) throws -> (area: AreaCode?, asOf: LocalDate, rule: IdleFundRule) {
        if req.url.path.hasPrefix("/api/") {
            for key in ["area", "as_of", "idle_days", "idle_rate"] where (try? req.query.get(String.self, at: key)) == "" {
                throw Refused(.badRequest, "参数\(key)不能为空", "parameter \(key) must not be empty", field: key)
            }
        }
        var area: AreaCode?
        if let a = (try? req.query.get(String.self, at: "area")), !a.isEmpty {
            guard let code = AreaCode(a) else { throw Refused.notFound("区划代码无效", "not a valid area code") }
            area = code
        }
        var asOf = today
        if let t = (try? req.query.get(String.self, at: "as_of")), !t.isEmpty {
            // Any real date: a read as of a day before any money, or after today, is simply that read.
            guard t.count == 10, let d = LocalDate(iso: t) else {
                throw Refused(.badRequest, "统计日期“\(t)”应为日期 YYYY-MM-DD", "as_of must be a date YYYY-MM-DD", field: "as_of")
            }
            asOf = d
        }
        let rule = IdleFundRule(days: try req.wholeNumber("idle_days", in: 1...3650) ?? 90, threshold: try req.wholeNumber("idle_rate", in: 1...100) ?? 30)
        return (area, asOf, rule)
    }

    static func render(_ req: Request, forms: FundsView.Forms = .init(), status: HTTPStatus = .ok) async throws -> Response {
        let ctx = try req.context
        let q = try query(req, today: ctx.today)
        let o = try await FundsService.summary(area: q.area, asOf: q.asOf, rule: q.rule, shown: FundsView.shownIdle, in: ctx)
        var forms = forms
        if o.mayManage { forms.sources = try await FundsService.sources(in: ctx) }
        if let n = try? req.query.get(String.self, at: "saved") { forms.notice = n == "flag" ? "已列入问题清单 / listed as problems" : "已保存 / saved" }
        if let n = try? req.query.get(Int.self, at: "flagged") { forms.notice = "已列入问题清单 \(n) 个 / \(n) listed as problems" }
        return .html(FundsView.render(o, forms: forms, csrf: req.viewer?.csrfToken ?? "", chrome: req.chrome), status: status)
    }

    @Sendable static func page(req: Request) async throws -> Response { try await render(req) }

    @Sendable static func csv(req: Request) async throws -> Response {
        let ctx = try req.context
        let q = try query(req, today: ctx.today)
        let o = try await FundsService.overview(area: q.area, asOf: q.asOf, rule: q.rule, in: ctx)
        return .csv(o.table, filename: "funds-\(q.asOf).csv")
    }

    struct FundsJSON: Content {
        var asOf: String, idleDays: Int, idleRate: Int
        var allocated: String, reimbursed: String, rate: String, idleCount: Int
        var areas: [Group], sources: [Group], units: [Group], allocations: [Item]
        struct Group: Content { var key: String, label: String, allocated: String, reimbursed: String, rate: String, idleCount: Int }
        struct Item: Content {
            var id: Int64, areaCode: String, source: String, document: String, allocated: String, reimbursed: String, rate: String
            var date: String, days: Int, idle: Bool, unit: String, project: Int64?
        }
    }

    @Sendable static func json(req: Request) async throws -> FundsJSON {
        let ctx = try req.context
        let q = try query(req, today: ctx.today)
        let o = try await FundsService.overview(area: q.area, asOf: q.asOf, rule: q.rule, in: ctx)
        func group(_ t: FundsService.Total) -> FundsJSON.Group {
            .init(key: t.key, label: t.label, allocated: t.allocated.plainYuan, reimbursed: t.reimbursed.plainYuan, rate: t.rate.percent, idleCount: t.idleCount)
        }
        return FundsJSON(asOf: o.asOf.description, idleDays: o.rule.days, idleRate: o.rule.threshold, allocated: o.total.allocated.plainYuan,
                         reimbursed: o.total.reimbursed.plainYuan, rate: o.total.rate.percent, idleCount: o.total.idleCount,
                         areas: o.byArea.map(group), sources: o.bySource.map(group), units: o.byUnit.map(group), allocations: o.rows.map { r in
            .init(id: r.allocation.id!.rawValue, areaCode: r.allocation.area.value, source: r.kind.rawValue, document: r.document,
                  allocated: r.allocation.amount.plainYuan, reimbursed: r.reimbursed.plainYuan, rate: r.rate.percent, date: r.allocation.date.description,
                  days: o.rule.age(of: r.allocation.date, asOf: o.asOf), idle: o.idle.contains(r.allocation.id!), unit: r.allocation.unit,
                  project: r.allocation.project?.rawValue)
        })
    }

    static func values(_ req: Request, _ keys: [String]) -> [String: String] { keys.reduce(into: [:]) { $0[$1] = req.formText($1) } }

    static func answer<T>(_ req: Request, _ result: FormResult<T>, form: String, values: [String: String]) async throws -> Response {
        switch result {
        case .done: return req.redirect(to: "/funds?saved=\(form)#\(form)-form")
        case .rejected(let r): return try await render(req, forms: .init(values: values, faults: r.faults, form: form), status: .unprocessableEntity)
        }
    }

    @Sendable static func addSource(req: Request) async throws -> Response {
        let v = values(req, ["kind", "document", "title", "issued", "amount", "county"])
        let form = FundsService.SourceForm(kind: v["kind"]!, document: v["document"]!, title: v["title"]!, issued: v["issued"]!, amount: v["amount"]!, county: v["county"]!)
        return try await answer(req, try await FundsService.addSource(form, in: try req.context), form: "source", values: v)
    }

    @Sendable static func allocate(req: Request) async throws -> Response {
        let v = values(req, ["source", "area", "project", "amount", "date", "unit"])
        let form = FundsService.AllocationForm(source: v["source"]!, area: v["area"]!, project: v["project"]!, amount: v["amount"]!, date: v["date"]!, unit: v["unit"]!)
        return try await answer(req, try await FundsService.allocate(form, in: try req.context), form: "allocation", values: v)
    }

    @Sendable static func reimburse(req: Request) async throws -> Response {
        let v = values(req, ["allocation", "amount", "date", "voucher", "level"])
        let form = FundsService.ReimbursementForm(allocation: v["allocation"]!, amount: v["amount"]!, date: v["date"]!, voucher: v["voucher"]!, level: v["level"]!)
        return try await answer(req, try await FundsService.reimburse(form, in: try req.context), form: "reimbursement", values: v)
    }

    @Sendable static func flag(req: Request) async throws -> Response {
        let ctx = try req.context
        let area = AreaCode(req.formText("area"))
        let asOf = LocalDate(iso: req.formText("as_of")).map { min($0, ctx.today) } ?? ctx.today
        let listed = try await FundsService.flagIdle(area: area, asOf: asOf, in: ctx)
        return req.redirect(to: "/funds?\(area.map { "area=\($0.value)&" } ?? "")as_of=\(asOf)&flagged=\(listed.count)#idle")
    }
}
