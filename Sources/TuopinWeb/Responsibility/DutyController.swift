import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import Vapor

/// 履职情况 and 我的帮扶: the county office's view of coverage and duties, and a cadre's own page with the
/// visit form; the same duty table as CSV and JSON.
enum DutyController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("duty", use: duty)
        routes.get("duty.csv", use: csv)
        routes.get("my", use: mine)
        routes.post("my", "logs", use: log)
        routes.get("api", "v1", "duty", use: json)
    }

    /// `period` (2016-07, 2016-Q3; this month by default) and `area`, with faults that name the parameter.
    static func query(_ req: Request) throws -> (DutyPeriod, AreaCode?) {
        // Absent: this month; present, it must be a period (an empty value is a fault, not a default).
        let text = try? req.query.get(String.self, at: "period")
        let today = LocalDate(Date())
        guard let period = text.map({ DutyPeriod.parse($0) }) ?? .month(today.year, today.month) else {
            throw Refused(.badRequest, "period 应为 2016-07、2016-Q3 或 2016", "period must be like 2016-07, 2016-Q3 or 2016", field: "period")
        }
        let areaText = try? req.query.get(String.self, at: "area")
        // As in the area paths: a code that names no area is not found (an empty field of the page's form is no filter).
        guard areaText == nil || AreaCode(areaText!) != nil || (areaText!.isEmpty && req.url.path == "/duty") else {
            throw Refused.notFound("区划代码无效", "not a valid area code")
        }
        return (period, areaText.flatMap(AreaCode.init))
    }

    static func context(_ req: Request) throws -> ServiceContext {
        var ctx = try req.context
        ctx.responsibility = req.application.webSettings.responsibility
        return ctx
    }

    @Sendable static func duty(req: Request) async throws -> Response {
        let ctx = try context(req)
        let (period, area) = try query(req)
        let report = try await ResponsibilityService.duty(period: period, area: area, in: ctx)
        let scope = area ?? ctx.user.area
        var coverage: ResponsibilityService.Coverage?
        if let scope { coverage = try await ResponsibilityService.coverage(area: scope, on: min(period.last, ctx.today), in: ctx) }
        let all = (try? req.query.get(String.self, at: "all")) == "1"
        return .html(DutyView.render(.init(period: period, area: area, report: report, coverage: coverage, showAll: all), chrome: req.chrome))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let (period, area) = try query(req)
        let report = try await ResponsibilityService.duty(period: period, area: area, in: try context(req))
        let text = CSVFormat.table(report.table(absences: false), byteOrderMark: true)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "duty-\(period.key).csv")
        return response
    }

    struct DutyJSON: Content {
        var period: String
        var rows: [Row]
        struct Row: Content {
            var areaCode: String
            var cadre: String
            var unit: String
            var layer: String
            var rule: String
            var required: Int
            var actual: Int
            var met: Bool
            var note: String
        }
    }

    @Sendable static func json(req: Request) async throws -> DutyJSON {
        let (period, area) = try query(req)
        let report = try await ResponsibilityService.duty(period: period, area: area, in: try context(req))
        return DutyJSON(period: period.key, rows: report.rows.map { r in
            .init(areaCode: r.finding.area.value, cadre: r.cadre.name, unit: r.cadre.unit, layer: r.finding.layer, rule: r.finding.rule.text,
                  required: r.finding.required, actual: r.finding.actual, met: r.finding.met, note: r.finding.note)
        })
    }

    @Sendable static func mine(req: Request) async throws -> Response {
        let ctx = try context(req)
        let (period, _) = try query(req)
        let saved = (try? req.query.get(String.self, at: "saved")) == "1"
        let forwarded = try req.wholeNumber("forwarded", in: 1...999_999_999).map { "已转为问题 \($0)，由县扶贫办交办整改 / sent on as problem \($0)" }
        return .html(try await page(req, ctx, period: period, notice: saved ? "已保存 / saved" : forwarded))
    }

    static func page(_ req: Request, _ ctx: ServiceContext, period: DutyPeriod, form: [String: String] = [:], faults: [String: String] = [:],
                     notice: String? = nil) async throws -> HTML {
        let mine = try await ResponsibilityService.mine(period: period, in: ctx)
        var model = MyWorkView.Model(mine: mine, form: form, faults: faults, notice: notice, today: ctx.today, csrf: req.viewer?.csrfToken ?? "")
        if let id = mine.cadre.id { model.flags = try await MatchService.assigned(to: id, in: ctx) }
        return MyWorkView.render(model, chrome: req.chrome)
    }

    @Sendable static func log(req: Request) async throws -> Response {
        let ctx = try context(req)
        let keys = ["date", "kind", "household", "village", "stayed_night", "content", "householdSaid", "problems", "measures", "approvedBy"]
        let form = keys.reduce(into: [String: String]()) { $0[$1] = req.formText($1) }
        let visit = ResponsibilityService.VisitForm(date: form["date"]!, kind: form["kind"]!, household: form["household"]!, village: form["village"]!,
                                                    stayedNight: form["stayed_night"] == "1", content: form["content"]!,
                                                    householdSaid: form["householdSaid"]!, problems: form["problems"]!, measures: form["measures"]!,
                                                    approvedBy: form["approvedBy"]!)
        switch try await ResponsibilityService.log(visit, in: ctx) {
        case .done(let saved):
            return req.redirect(to: "/my?period=\(DutyPeriod.month(saved.date.year, saved.date.month).key)&saved=1")
        case .rejected(let r):
            let today = ctx.today
            return .html(try await page(req, ctx, period: .month(today.year, today.month), form: form, faults: r.faults), rejected: r.kind)
        }
    }
}
