import TuopinDomain
import TuopinServices
import Vapor

/// 程序办理 — starting a procedure for a household, taking its steps, objections to its postings.
enum ProcedureController {
    static func register(_ routes: any RoutesBuilder) {
        routes.post("households", ":id", "procedures", use: start)
        routes.post("procedures", ":id", "steps", use: step)
        routes.post("procedures", ":id", "objections", use: object)
        routes.post("procedures", ":id", "objections", ":n", "resolve", use: resolve)
    }

    @Sendable static func start(req: Request) async throws -> Response {
        let id = try req.householdID()
        guard let kind = ProcedureKind(rawValue: req.formText("kind")) else {
            throw Refused(.invalid, "程序类型无效", "unknown procedure kind", field: "kind")
        }
        try await ProcedureService.start(kind, household: id, in: try req.context)
        return req.redirect(to: "/households/\(id)#procedures")
    }

    @Sendable static func step(req: Request) async throws -> Response {
        guard let step = ProcedureStep(rawValue: req.formText("step")) else { throw Refused(.invalid, "步骤无效", "unknown step", field: "step") }
        let note = req.formText("note")
        let place = try await ProcedureService.take(step, procedure: try procedureID(req), on: try date(req), note: note.isEmpty ? nil : note,
                                                    in: try req.context)
        return back(req, to: place)
    }

    @Sendable static func object(req: Request) async throws -> Response {
        let place = try await ProcedureService.object(procedure: try procedureID(req), text: req.formText("text"), on: try date(req),
                                                      in: try req.context)
        return back(req, to: place)
    }

    @Sendable static func resolve(req: Request) async throws -> Response {
        guard let index = req.parameters.get("n").flatMap(Int.init), index >= 0 else { throw Refused.notFound("没有这条异议", "no such objection") }
        let place = try await ProcedureService.resolve(procedure: try procedureID(req), objection: index, resolution: req.formText("resolution"),
                                                       on: try date(req), in: try req.context)
        return back(req, to: place)
    }

    private static func procedureID(_ req: Request) throws -> Procedure.ID { try req.pathID(or: .noSuchProcedure) }

    private static func date(_ req: Request) throws -> LocalDate {
        try EventDate.parse(req.formText("date"), field: "date", label: "日期", today: req.today).get()
    }

    /// Back to the household page (or its village when the household was removed).
    private static func back(_ req: Request, to place: ProcedureService.Place) -> Response {
        req.redirect(to: place.household.map { "/households/\($0)#procedures" } ?? "/areas/\(place.village.value)")
    }
}
