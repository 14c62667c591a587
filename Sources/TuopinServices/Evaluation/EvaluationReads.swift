import Foundation
import TuopinDomain
import TuopinStore

/// The evaluation's page and work list: its sample with the households' references, progress, the rates with
/// their intervals (hidden from the county while a third party is still interviewing), and what the viewer may do.
extension EvaluationService {
    public struct Detail: Sendable {
        public var evaluation: Evaluation
        public var sample: [EvaluationStore.Sampled]
        public var households: [Household.ID: HouseholdStore.Reference]
        public var interviews: [Int: EvaluationInterview]
        /// nil while the answers are hidden from the viewer.
        public var rates: EvaluationRates?
        public var areaNames: [AreaCode: String]
        public var onTeam: Bool
        public var mayAdvance: Bool
        public var answersHidden: Bool
        public var appeals: [Int: EvaluationAppeal] = [:]
        /// The evidence filed with each appeal (申诉举证材料).
        public var appealFiles: [Int: [Attachment]] = [:]
        /// The viewer files appeals for the county (during the feedback, within the window).
        public var mayAppeal = false
    }

    public static func detail(_ id: Evaluation.ID, in ctx: ServiceContext) async throws -> Detail {
        let e = try await visible(id, in: ctx)
        let sample = try await EvaluationStore.sample(id, on: ctx.db)
        let onTeam = e.team.contains(ctx.user.username)
        let hidden = answersHidden(e, ctx)
        let interviews = hidden ? [] : try await EvaluationStore.interviews(id, on: ctx.db)
        let refs = try await HouseholdStore.references(ids: sample.compactMap(\.household), on: ctx.db)
        let names = try await AreaStore.names(of: Array(Set(sample.map(\.pick.village) + [e.county])), on: ctx.db)
        let population = hidden ? nil : try await RosterStore.population(county: e.county, year: e.year, on: ctx.db)
        var detail = Detail(evaluation: e, sample: sample, households: refs, interviews: Dictionary(interviews.map { ($0.sample, $0) }, uniquingKeysWith: { _, b in b }),
                      rates: hidden ? nil : EvaluationRates(sample: sample.map(\.pick), interviews: interviews, population: population), areaNames: names, onTeam: onTeam,
                      mayAdvance: e.state != .closed && (onTeam || (ctx.user.can(.manageEvaluations) && ctx.user.scope.includes(e.county))),
                      answersHidden: hidden)
        detail.appeals = hidden ? [:] : try await EvaluationStore.appeals(id, on: ctx.db)
        for n in detail.appeals.keys { detail.appealFiles[n] = try await AttachmentStore.list(.appeal(id, sample: n), on: ctx.db) }
        detail.mayAppeal = e.state == .feedback && !onTeam && (ctx.user.can(.manageEvaluations) || ctx.user.can(.reviewProblems))
            && ctx.user.scope.includes(e.county) && e.feedback.map { ctx.today <= $0.adding(days: e.appealDays) } ?? false
        return detail
    }

    /// Cadres of the county do not see a third party's answers before its feedback (issue #18 item 4).
    static func answersHidden(_ e: Evaluation, _ ctx: ServiceContext) -> Bool {
        !e.team.contains(ctx.user.username) && !ctx.onCommandLine && e.state == .open && e.kind != .countyPre
    }

    /// The evaluations the viewer may see, newest first.
    public static func list(in ctx: ServiceContext) async throws -> [Evaluation] {
        try ctx.user.require(.readRegistry)
        return try await EvaluationStore.list(under: nil, on: ctx.db).filter { sees($0, ctx) }
    }

    /// `tuopin rates`: the rates of an evaluation (the command line sees everything).
    public static func rates(_ id: Evaluation.ID, in ctx: ServiceContext) async throws -> EvaluationRates {
        let d = try await detail(id, in: ctx)
        guard let rates = d.rates else { throw Refused(.forbidden, "评估反馈前不能查看结果", "the results are hidden until the feedback") }
        return rates
    }

    /// The latest open rates of a county for the exit page: its newest evaluation whose answers the viewer may see.
    public static func latestRates(county: AreaCode, in ctx: ServiceContext) async throws -> (Evaluation, EvaluationRates)? {
        // The county page shows only the rates: the sample and interviews, not the households' references.
        for e in try await EvaluationStore.list(under: county, on: ctx.db) where sees(e, ctx) {
            guard !answersHidden(e, ctx) else { continue }
            let interviews = try await EvaluationStore.interviews(e.id!, on: ctx.db)
            if !interviews.isEmpty {
                return (e, EvaluationRates(sample: try await EvaluationStore.sample(e.id!, on: ctx.db).map(\.pick), interviews: interviews,
                                           population: try await RosterStore.population(county: e.county, year: e.year, on: ctx.db)))
            }
        }
        return nil
    }

    /// The head's name of each sampled household, registered (by 户编号) or on the roster (by 户号), for the sample lists.
    public static func heads(_ picks: [EvaluationSampler.Pick], county: AreaCode, in ctx: ServiceContext) async throws -> [String: String] {
        let registered = try await HouseholdStore.references(numbers: picks.filter { $0.stratum != .nonRegistered }.map(\.key), county: county, on: ctx.db)
        let outside = try await RosterStore.heads(county: county, numbers: picks.filter { $0.stratum == .nonRegistered }.map(\.key), on: ctx.db)
        return registered.mapValues(\.head).merging(outside) { a, _ in a }
    }

    /// The answers as typed on the phone form.
    public struct InterviewForm: Sendable {
        public var verdict: String, date: String, note: String
        /// When the form was opened (ISO 8601, written into the form by the server).
        public var started = ""
        /// The questionnaire's answers as typed, by item key.
        public var answers: [String: String] = [:]
        /// Approval item → "认可" / "不认可" / "" (not asked).
        public var approvals: [String: String]
        public init(verdict: String, date: String, note: String, approvals: [String: String]) {
            self.verdict = verdict; self.date = date; self.note = note; self.approvals = approvals
        }

        static func time(_ text: String) -> Date? { text.isEmpty ? nil : ISO8601DateFormatter().date(from: text) }
    }

    /// 入户调查 — by a team member, while the evaluation is open, for a household of its sample; the verdict must
    /// fit the household's stratum. Recorded (or corrected) with its audit record.
    public static func interview(_ id: Evaluation.ID, sample number: Int, _ form: InterviewForm, in ctx: ServiceContext) async throws -> FormResult<EvaluationInterview> {
        let e = try await visible(id, in: ctx)
        guard e.team.contains(ctx.user.username) || ctx.onCommandLine else {
            throw Refused(.forbidden, "只有评估组成员可以记录入户调查", "only the evaluation's team records interviews")
        }
        guard e.state == .open else { throw Refused(.conflict, "评估已发布反馈或已结束，不能再记录调查", "the evaluation no longer takes interviews") }
        guard let pick = try await EvaluationStore.sample(id, on: ctx.db).first(where: { $0.pick.number == number })?.pick else {
            throw Refused.notFound("样本中没有这一户", "no such household in the sample")
        }
        var faults: [String: String] = [:]
        let verdict = EvaluationVerdict.parse(form.verdict)
        if verdict == nil || !EvaluationVerdict.allowed(for: pick.stratum).contains(verdict!) {
            faults["verdict"] = "\(pick.stratum.rawValue)的核实结论应为 \(EvaluationVerdict.allowed(for: pick.stratum).map(\.rawValue).joined(separator: "、")) / not a verdict for this stratum"
        }
        var date: LocalDate?
        switch EventDate.parse(form.date.isEmpty ? ctx.today.description : form.date, field: "date", label: "访问日期", today: ctx.today) {
        case .success(let d): date = d
        case .failure(let f): faults["date"] = f.description
        }
        var approvals: [String: Bool] = [:]
        for item in EvaluationInterview.approvalItems {
            switch form.approvals[item] ?? "" {
            case "认可": approvals[item] = true
            case "不认可": approvals[item] = false
            case "": break
            default: faults["approval-\(item)"] = "应为 认可 或 不认可 / 认可 or 不认可"
            }
        }
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 500 { faults["note"] = "不超过500字 / at most 500 characters" } else if let f = TextRule.fault(note, .freeText) { faults["note"] = f }
        let (answers, answerFaults) = ctx.questionnaire.check(form.answers)
        for (key, fault) in answerFaults { faults["q_\(key)"] = fault }
        guard faults.isEmpty, let verdict, let date else { return .rejected(FormRejection(faults: faults)) }
        // 调查时间: from when the form was opened (sent back with it) to now; a time not within the last day is ignored.
        let started = InterviewForm.time(form.started).flatMap { $0 <= ctx.now && ctx.now.timeIntervalSince($0) < 86_400 ? $0 : nil }
        let i = EvaluationInterview(evaluation: id, sample: number, date: date, interviewer: ctx.user.username, verdict: verdict, approvals: approvals, note: note)
            .with(started: started, ended: ctx.now, answers: answers)
        let before = try await EvaluationStore.interviews(id, on: ctx.db).first { $0.sample == number }
        try await ctx.transaction { tx in
            try await EvaluationStore.save(i, on: tx.db)
            try await tx.record(EvaluationEvent.interviewed(e, i, before: before))
        }
        return .done(i)
    }
}
