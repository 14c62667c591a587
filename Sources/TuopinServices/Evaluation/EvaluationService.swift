import FluentKit
import Foundation
import TuopinDomain
import TuopinStore

/// 第三方评估 / 县级预评估 — an evaluation set up for a county and year with its team, its sample drawn from the
/// registry by seed (`EvaluationSampler`), interviews recorded by the team, rates with their intervals, findings
/// published for appeal, then closed. docs/EVALUATION.md.
public enum EvaluationService {
    /// The form that sets up an evaluation, as typed.
    public struct Form: Sendable {
        public var kind: String, county: String, year: String, title: String, team: String, seed: String, villages: String, perVillage: String
        /// 申诉期限（天）, blank for the default.
        public var appealDays: String
        public init(kind: String, county: String, year: String, title: String, team: String, seed: String = "", villages: String = "",
                    perVillage: String = "", appealDays: String = "") {
            self.kind = kind; self.county = county; self.year = year; self.title = title; self.team = team; self.seed = seed
            self.villages = villages; self.perVillage = perVillage; self.appealDays = appealDays
        }
    }

    /// Checks the form; the faults by field, or the evaluation to draw.
    static func check(_ form: Form, in ctx: ServiceContext) async throws -> FormResult<Evaluation> {
        var faults: [String: String] = [:]
        let kind = Evaluation.Kind.parse(form.kind)
        if kind == nil { faults["kind"] = "请选择评估类型 / choose the kind" }
        let county = AreaCode(form.county.trimmingCharacters(in: .whitespaces))
        if county?.level != .county { faults["county"] = "请填写6位县级代码 / a 6-digit county code" }
        else if !ctx.user.scope.includes(county!) { faults["county"] = "没有这个县或不在您的辖区 / no such county in your scope" }
        let year = Int(form.year.trimmingCharacters(in: .whitespaces))
        if year == nil || !(2014...ctx.today.year).contains(year!) { faults["year"] = "年度应为2014至今年 / a year from 2014 to this year" }
        let title = form.title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty || title.count > 60 { faults["title"] = "请填写名称（不超过60字） / a title of at most 60 characters" }
        else if let f = TextRule.fault(title, .cell) { faults["title"] = f }
        let team = form.team.split(whereSeparator: { " ,，、".contains($0) }).map(String.init)
        if team.isEmpty { faults["team"] = "请填写评估组成员的登录名 / name the team's accounts" }
        for name in team where try await UserStore.find(username: name, on: ctx.db) == nil {
            faults["team"] = "没有这个用户：\(name) / no such account"
        }
        var seed = UInt64(ctx.now.timeIntervalSince1970 * 1000) % 1_000_000
        if !form.seed.isEmpty {
            if let s = UInt64(form.seed.trimmingCharacters(in: .whitespaces)) { seed = s } else { faults["seed"] = "种子应为非负整数 / a whole number" }
        }
        var design = EvaluationDesign()
        if !form.villages.isEmpty {
            if let v = Int(form.villages), (1...200).contains(v) { design.villages = v } else { faults["villages"] = "抽取村数应为1–200 / 1 to 200" }
        }
        if !form.perVillage.isEmpty {
            if let p = EvaluationDesign.perVillage(form.perVillage) { design.perVillage = p }
            else { faults["per_village"] = "应为三个数：脱贫户,未脱贫户,卡外户，如 30,10,30 / three numbers a,b,c" }
        }
        var appealDays = EvaluationAppeal.windowDays
        if !form.appealDays.trimmingCharacters(in: .whitespaces).isEmpty {
            if let d = Int(form.appealDays.trimmingCharacters(in: .whitespaces)), EvaluationAppeal.windowRange.contains(d) { appealDays = d }
            else { faults["appeal_days"] = "申诉期限应为1–30天 / 1 to 30 days" }
        }
        guard faults.isEmpty, let kind, let county, let year else { return .rejected(FormRejection(faults: faults)) }
        var e = Evaluation(kind: kind, county: county, year: year, title: title, team: team, seed: seed, design: design, created: ctx.today)
        e.appealDays = appealDays
        return .done(e)
    }

    /// 组织评估 — sets it up and draws its sample in one transaction; audited.
    public static func create(_ form: Form, in ctx: ServiceContext) async throws -> FormResult<Evaluation> {
        try ctx.user.require(.manageEvaluations)
        let e: Evaluation
        switch try await check(form, in: ctx) {
        case .rejected(let r): return .rejected(r)
        case .done(let x): e = x
        }
        guard let (sample, ids) = try await drawn(county: e.county, year: e.year, design: e.design, seed: e.seed, on: ctx.db) else {
            return .rejected(FormRejection(faults: ["county": "该县没有建档立卡户可抽 / the county has no registered households"]))
        }
        return .done(try await ctx.transaction { tx in
            let saved = try await EvaluationStore.add(e, sample: sample, ids: ids, on: tx.db)
            try await tx.record(EvaluationEvent.created(saved, households: sample.count, villages: Set(sample.map(\.village)).count))
            return saved
        })
    }

    /// `tuopin sample` without an evaluation: the draw only, nothing written.
    public static func draw(county: AreaCode, year: Int, seed: UInt64, design: EvaluationDesign, in ctx: ServiceContext) async throws -> [EvaluationSampler.Pick] {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: county)
        return try await drawn(county: county, year: year, design: design, seed: seed, on: ctx.db)?.picks ?? []
    }

    /// The draw in two stages — villages from the county's list of villages, then households from the drawn
    /// villages only — so that a province-sized registry is never read whole. Nil when nothing can be sampled.
    static func drawn(county: AreaCode, year: Int, design: EvaluationDesign, seed: UInt64,
                      on db: any Database) async throws -> (picks: [EvaluationSampler.Pick], ids: [String: Household.ID])? {
        let entries = try await EvaluationStore.villages(county: county, year: year, on: db)
        guard !entries.isEmpty else { return nil }
        var random = EvaluationSampler.generator(seed)
        let chosen = EvaluationSampler.villages(entries, design: design, random: &random)
        let (frame, ids) = try await EvaluationStore.frame(county: county, villages: chosen.map(\.village), year: year, on: db)
        return (EvaluationSampler.households(chosen, of: frame, design: design, random: &random), ids)
    }

    /// `样本编号,村代码,村类型,层,户编号,户号,户主姓名,入样概率`.
    public static let sampleHeader = ["样本编号", "村代码", "村类型", "层", "户编号", "户号", "户主姓名", "入样概率"]

    public static func sampleRows(_ picks: [EvaluationSampler.Pick], heads: [String: String]) -> [[String]] {
        [sampleHeader] + picks.map { p in
            [String(p.number), p.village.value, p.villageIsPoor ? "贫困村" : "非贫困村", p.stratum.rawValue, p.stratum == .nonRegistered ? "" : p.key,
             p.stratum == .nonRegistered ? p.key : "", heads[p.key] ?? "", String(format: "%.6f", p.probability)]
        }
    }

    /// Moves an evaluation on: 进行中 → 反馈中 (findings published) → 已结束 (the team's access ends). By the team
    /// or whoever organises evaluations for the county.
    public static func advance(_ id: Evaluation.ID, in ctx: ServiceContext) async throws -> Evaluation {
        let e = try await visible(id, in: ctx)
        guard e.team.contains(ctx.user.username) || (ctx.user.can(.manageEvaluations) && ctx.user.scope.includes(e.county)) else {
            throw Refused(.forbidden, "只有评估组或组织评估的单位可以发布反馈或结束评估", "only the team or the organiser moves the evaluation on")
        }
        let next: Evaluation.State
        switch e.state {
        case .open: next = .feedback
        case .feedback: next = .closed
        case .closed: throw Refused(.conflict, "评估已结束", "the evaluation is closed")
        }
        var after = e
        after.state = next
        if next == .feedback { after.feedback = ctx.today }
        let done = after
        // Closing turns every finding still standing into a problem for rectification.
        let findings = next == .closed ? try await standingFindings(e, in: ctx) : []
        if next == .closed, let undecided = try await EvaluationStore.appeals(id, on: ctx.db).values.first(where: { $0.decision == nil }) {
            throw Refused(.conflict, "样本 \(undecided.sample) 的申诉尚未处理，不能结束评估", "an appeal is still undecided")
        }
        try await ctx.transaction { tx in
            try await EvaluationStore.setState(id, next, on: tx.today, on: tx.db)
            try await tx.record(EvaluationEvent.stateChanged(done, from: e.state))
            for p in findings { _ = try await SupervisionService.write(p, note: "\(e.title)反馈", in: tx) }
        }
        return after
    }

    /// 错退 and 漏评 findings not withdrawn on appeal, as problems of the household's village (source 第三方评估),
    /// issued by the county, due by the supervision rules' deadline for a serious problem; a registered household's
    /// problem is owned by its 帮扶责任人 on the day (and their unit), a 卡外户's is left for the village to claim.
    static func standingFindings(_ e: Evaluation, in ctx: ServiceContext) async throws -> [Problem] {
        let sample = Dictionary(uniqueKeysWithValues: try await EvaluationStore.sample(e.id!, on: ctx.db).map { ($0.pick.number, $0) })
        let appeals = try await EvaluationStore.appeals(e.id!, on: ctx.db)
        let interviews = try await EvaluationStore.interviews(e.id!, on: ctx.db)
        var helpers: [Household.ID: Cadre] = [:]
        for i in interviews where i.verdict.isFinding {
            guard let h = sample[i.sample]?.household,
                  let p = try await CadreStore.pairings(under: nil, household: h, on: ctx.db).first(where: { $0.start <= ctx.today && ($0.end.map { $0 > ctx.today } ?? true) })
            else { continue }
            helpers[h] = try await CadreStore.find(p.cadre, on: ctx.db)
        }
        return interviews.compactMap { i -> Problem? in
            guard i.verdict.isFinding, appeals[i.sample]?.decision != .withdrawn, let s = sample[i.sample] else { return nil }
            let category = i.verdict == .wrongExit ? "查精准退出" : "查精准识别"
            let text = "\(e.title)：样本 \(i.sample)（\(s.pick.key)）核实为\(i.verdict.rawValue)\(i.note.isEmpty ? "" : "。\(i.note)")"
            let helper = s.household.flatMap { helpers[$0] }
            return Problem(source: .evaluation, area: s.pick.village, unit: helper?.unit ?? "", owner: helper?.id,
                           category: ctx.supervision.checkItems.contains(category) ? category : ctx.supervision.checkItems[0],
                           description: String(text.prefix(1000)), households: s.household.map { [$0] } ?? [], severity: .serious, found: ctx.today,
                           deadline: ctx.supervision.deadline(for: .serious, found: ctx.today), issuedBy: e.county)
        }
    }

    /// 申诉举证 — the county (whoever organises evaluations or reviews problems for it) contests a finding within the window.
    public static func appeal(_ id: Evaluation.ID, sample number: Int, reason: String, files: [AttachmentService.Upload] = [],
                              in ctx: ServiceContext) async throws -> FormResult<EvaluationAppeal> {
        let e = try await visible(id, in: ctx)
        guard !e.team.contains(ctx.user.username), ctx.user.can(.manageEvaluations) || ctx.user.can(.reviewProblems), ctx.user.scope.includes(e.county) else {
            throw Refused(.forbidden, "申诉由被评估的县提出", "the evaluated county files appeals")
        }
        guard let interview = try await EvaluationStore.interviews(id, on: ctx.db).first(where: { $0.sample == number }) else {
            throw Refused.notFound("没有这条核实结论", "no such finding")
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < 10 { return .rejected(FormRejection(faults: ["reason": "请写明申诉理由和证据（至少10字） / give the reason and evidence (10 characters or more)"])) }
        if let f = TextRule.fault(text, .freeText) { return .rejected(FormRejection(faults: ["reason": f])) }
        if let refusal = EvaluationAppeal.check(verdict: interview.verdict, state: e.state, feedback: e.feedback, on: ctx.today,
                                                existing: try await EvaluationStore.appeals(id, on: ctx.db)[number], windowDays: e.appealDays) {
            if refusal.kind == .invalid { return .rejected(FormRejection(faults: ["reason": refusal.message])) }
            throw refusal
        }
        var faults: [String: String] = [:]
        let checked = AttachmentService.check(files, into: &faults, in: ctx)
        guard faults.isEmpty else { return .rejected(FormRejection(faults: faults)) }
        let a = EvaluationAppeal(evaluation: id, sample: number, reason: String(text.prefix(1000)), appellant: ctx.user.username, filed: ctx.today)
        try await ctx.transaction { tx in
            try await EvaluationStore.save(a, on: tx.db)
            try await tx.record(EvaluationEvent.appealed(e, a))
            try await AttachmentService.attach(checked, to: .appeal(id, sample: number), area: e.county, in: tx)
        }
        return .done(a)
    }

    /// 维持 or 撤销 — by the evaluation's team; a withdrawn finding's verdict becomes the stratum's other one.
    public static func decide(_ id: Evaluation.ID, sample number: Int, decision text: String, note: String, in ctx: ServiceContext) async throws {
        let e = try await visible(id, in: ctx)
        guard e.team.contains(ctx.user.username) else { throw Refused(.forbidden, "申诉由评估组处理", "the evaluation's team decides appeals") }
        guard e.state == .feedback else { throw Refused(.conflict, "评估不在反馈阶段", "the evaluation is not in its feedback") }
        guard var a = try await EvaluationStore.appeals(id, on: ctx.db)[number], a.decision == nil else {
            throw Refused(.conflict, "没有待处理的申诉", "no undecided appeal")
        }
        guard let decision = EvaluationAppeal.Decision.parse(text) else { throw Refused(.badRequest, "处理结果应为 维持 或 撤销", "decision must be 维持 or 撤销", field: "decision") }
        a.decision = decision
        a.decider = ctx.user.username
        a.note = String(note.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        var changed: (EvaluationInterview, EvaluationInterview)?
        if decision == .withdrawn, let before = try await EvaluationStore.interviews(id, on: ctx.db).first(where: { $0.sample == number }) {
            var after = before
            after.verdict = before.verdict == .wrongExit ? .rightExit : .notPoor
            after.note = "申诉撤销：\(a.note)"
            changed = (before, after)
        }
        let decided = a, revised = changed
        try await ctx.transaction { tx in
            try await EvaluationStore.save(decided, on: tx.db)
            try await tx.record(EvaluationEvent.decided(e, decided))
            if let (before, after) = revised {
                try await EvaluationStore.save(after, on: tx.db)
                try await tx.record(EvaluationEvent.interviewed(e, after, before: before))
            }
        }
    }

    /// An evaluation the viewer may see: its county in their area, or their name on its team (until it closes).
    static func visible(_ id: Evaluation.ID, in ctx: ServiceContext) async throws -> Evaluation {
        try ctx.user.require(.readRegistry)
        guard let e = try await EvaluationStore.find(id, on: ctx.db), sees(e, ctx) else { throw Refused.notFound("没有这个评估", "no such evaluation") }
        return e
    }

    /// The county's users see its evaluations; an evaluator sees those whose team lists them, until they close.
    static func sees(_ e: Evaluation, _ ctx: ServiceContext) -> Bool {
        (ctx.user.role != .evaluator && ctx.user.scope.includes(e.county)) || (e.team.contains(ctx.user.username) && e.state != .closed)
    }
}
