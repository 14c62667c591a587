import Foundation
import TuopinDomain
import TuopinStore

/// 督查与暗访 — an inspection ordered by a level with write-findings, its random draw of villages and
/// households (stratified by township, seeded, shown to the team alone until the inspection closes), the
/// findings recorded against it, and its closing.
extension SupervisionService {
    public struct InspectionForm: Sendable {
        public var kind: String, title: String, team: String, start: String, end: String, area: String, method: String
        public init(kind: String, title: String, team: String, start: String, end: String, area: String, method: String) {
            self.kind = kind; self.title = title; self.team = team; self.start = start; self.end = end; self.area = area; self.method = method
        }
    }

    /// 部署督查 — the team are accounts (space-separated); whoever orders it is on it.
    public static func order(_ form: InspectionForm, in ctx: ServiceContext) async throws -> FormResult<Inspection> {
        try ctx.user.require(.writeFindings)
        var faults: [String: String] = [:]
        let kind = ProblemSource.parse(form.kind)
        if kind == nil || !kind!.isInspection { faults["kind"] = "请选择督查类型 / choose the kind" }
        let title = form.title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty || title.count > 60 { faults["title"] = "请填写名称（不超过60字） / a title of at most 60 characters" }
        var team = form.team.split(whereSeparator: { " ,，、".contains($0) }).map(String.init)
        for name in team where try await UserStore.find(username: name, on: ctx.db) == nil {
            faults["team"] = "没有登录名为“\(name)”的用户 / no user \(name)"
        }
        if !team.contains(ctx.user.username) { team.insert(ctx.user.username, at: 0) }
        var start: LocalDate?, end: LocalDate?
        switch EventDate.parse(form.start, field: "start", label: "开始日期", today: ctx.today) {
        case .success(let d): start = d
        case .failure(let f): faults["start"] = f.description
        }
        switch EventDate.parse(form.end, field: "end", label: "结束日期", today: ctx.today) {
        case .success(let d) where start.map { d < $0 } ?? false: faults["end"] = "结束日期早于开始日期 / before the start"
        case .success(let d): end = d
        case .failure(let f): faults["end"] = f.description
        }
        let area = AreaCode(form.area.trimmingCharacters(in: .whitespaces))
        if area == nil || area!.level == .village || area!.level < .county || !ctx.user.scope.includes(area!) {
            faults["area"] = "请填写辖区内县或乡镇的区划代码 / a county or township code in your scope"
        }
        let method = form.method.trimmingCharacters(in: .whitespacesAndNewlines)
        if method.count > 500 { faults["method"] = "不超过500字 / at most 500 characters" }
        guard faults.isEmpty, let kind, let start, let end, let area else { return .rejected(FormRejection(faults: faults)) }
        let inspection = Inspection(kind: kind, title: title, team: team, start: start, end: end, area: area,
                                    method: method.isEmpty ? (kind == .unannounced ? "不打招呼、直奔基层、直插现场，随机抽取村和户" : "实地走访、查阅资料") : method,
                                    issuedBy: issuingLevel(ctx, for: area))
        let saved = try await ctx.transaction { tx in
            let saved = try await InspectionStore.add(inspection, on: tx.db)
            try await tx.record(SupervisionEvent.inspectionOrdered(saved))
            return saved
        }
        return .done(saved)
    }

    public struct InspectionDetail: Sendable {
        public var inspection: Inspection
        /// The draw, when the viewer may see it (the team, or anyone once closed); nil otherwise.
        public var draw: (villages: [AreaCode], households: [(id: Household.ID, village: AreaCode)])?
        public var households: [Household.ID: HouseholdStore.Reference]
        public var areaNames: [AreaCode: String]
        public var problems: [Problem]
        public var onTeam: Bool
    }

    static func visible(_ id: Inspection.ID, in ctx: ServiceContext) async throws -> Inspection {
        try ctx.user.require(.readRegistry)
        guard let i = try await InspectionStore.find(id, on: ctx.db),
              ctx.user.scope.includes(i.area) || i.team.contains(ctx.user.username) || actor(ctx).area.map({ $0.contains(i.area) || i.area.contains($0) }) ?? true else {
            throw Refused.notFound("没有这次督查", "no such inspection")
        }
        return i
    }

    public static func inspection(_ id: Inspection.ID, in ctx: ServiceContext) async throws -> InspectionDetail {
        let i = try await visible(id, in: ctx)
        let shown = i.showsDraw(to: ctx.user.username)
        let draw = shown ? try await InspectionStore.draw(of: id, on: ctx.db) : nil
        let refs = try await HouseholdStore.references(ids: draw?.households.map(\.id) ?? [], on: ctx.db)
        let (found, _) = try await ProblemStore.board(.init(area: i.area), limit: 500, offset: 0, on: ctx.db)
        let problems = found.filter { $0.inspection == id }
        let names = try await AreaStore.names(of: [i.area] + (draw?.villages ?? []) + problems.map(\.area), on: ctx.db)
        return InspectionDetail(inspection: i, draw: draw, households: refs, areaNames: names, problems: problems, onTeam: i.team.contains(ctx.user.username))
    }

    public static func inspections(area requested: AreaCode?, in ctx: ServiceContext) async throws -> [Inspection] {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        return try await InspectionStore.list(under: area, on: ctx.db)
    }

    /// 随机抽样 — once per inspection, by a member of its team, before it closes.
    public static func draw(_ id: Inspection.ID, villages: Int, households: Int, seed: UInt64?, in ctx: ServiceContext) async throws -> SampleDraw.Result {
        let i = try await visible(id, in: ctx)
        guard i.team.contains(ctx.user.username) else { throw Refused(.forbidden, "只有督查组成员可以抽样", "only the team draws the sample") }
        guard !i.closed else { throw Refused(.conflict, "督查已结束", "the inspection is closed") }
        guard i.seed == nil else { throw Refused(.conflict, "本次督查已抽样，不能重抽", "the sample was drawn already") }
        guard (1...200).contains(villages), (0...5000).contains(households) else {
            throw Refused(.invalid, "抽取村数应为1–200，户数0–5000", "villages 1–200, households 0–5,000", field: "villages")
        }
        let s = seed ?? UInt64(ctx.now.timeIntervalSince1970 * 1000) ^ UInt64(id.rawValue)
        // Villages from the counts, then the households of the drawn villages only (the same draw as SampleDraw.draw).
        var random = SeededRandom(seed: s)
        let codes = SampleDraw.villages(try await InspectionStore.villageSizes(under: i.area, on: ctx.db), count: villages, random: &random)
        let chosen = try await InspectionStore.frame(villages: codes, on: ctx.db)
        let result = SampleDraw.Result(villages: codes, households: SampleDraw.households(in: chosen, count: households, random: &random))
        var drawn = i
        drawn.seed = s
        let record = drawn
        try await ctx.transaction { tx in
            try await InspectionStore.saveDraw(id, seed: s, result, on: tx.db)
            try await tx.record(SupervisionEvent.drawn(record, villages: result.villages.count, households: result.households.count))
        }
        return result
    }

    /// 结束督查 — by its team; the draw then shows to the inspected areas.
    public static func close(_ id: Inspection.ID, in ctx: ServiceContext) async throws {
        let i = try await visible(id, in: ctx)
        guard i.team.contains(ctx.user.username) else { throw Refused(.forbidden, "只有督查组成员可以结束督查", "only the team closes it") }
        guard !i.closed else { return }
        var closed = i
        closed.closed = true
        let record = closed
        try await ctx.transaction { tx in
            try await InspectionStore.close(id, on: tx.db)
            try await tx.record(SupervisionEvent.inspectionClosed(record))
        }
    }

    /// 记录发现的问题 — a finding of this inspection, by its team (the source is the inspection's kind).
    public static func finding(_ id: Inspection.ID, _ form: ProblemForm, in ctx: ServiceContext) async throws -> FormResult<Problem> {
        let i = try await visible(id, in: ctx)
        guard i.team.contains(ctx.user.username) else { throw Refused(.forbidden, "只有督查组成员可以记录发现的问题", "only the team records findings") }
        var f = form
        f.source = i.kind.rawValue
        return try await list(f, inspection: id, in: ctx)
    }
}
