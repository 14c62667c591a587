import Foundation
import TuopinDomain
import TuopinStore

/// 督查整改问责 — the problem list and its rectification loop: a problem listed (by an inspector, the county
/// or township office, or sent on from a cadre's visit), claimed or assigned, fixed with evidence, reviewed
/// by the level that listed it (never by whoever fixed it), closed or returned, reopened by a later check.
/// Every step is checked by the domain (`Problem.take`), written and audited in one transaction.
public enum SupervisionService {
    /// The problem form's fields as typed.
    public struct ProblemForm: Sendable {
        public var source: String, area: String, category: String, description: String, households: String, severity: String
        public var found: String, deadline: String, unit: String
        /// Photos or documents of the finding.
        public var files: [AttachmentService.Upload]
        public init(source: String, area: String, category: String, description: String, households: String, severity: String,
                    found: String, deadline: String, unit: String, files: [AttachmentService.Upload] = []) {
            self.source = source; self.area = area; self.category = category; self.description = description; self.households = households
            self.severity = severity; self.found = found; self.deadline = deadline; self.unit = unit; self.files = files
        }
    }

    static func actor(_ ctx: ServiceContext) -> ProblemActor {
        let area: AreaCode? = switch ctx.user.scope {
        case .everything: nil
        case .area(let a): a
        case .nothing: AreaCode("999999999999")
        }
        return ProblemActor(username: ctx.user.username, area: area, mayRectify: ctx.user.can(.rectifyProblems), mayReview: ctx.user.can(.reviewProblems))
    }

    /// The level that lists (and reviews) a problem the actor lists in `area`: the actor's own area, or the
    /// county of the problem for those who see everything.
    static func issuingLevel(_ ctx: ServiceContext, for area: AreaCode) -> AreaCode {
        if case .area(let a) = ctx.user.scope { return a }
        return area.ancestor(at: .county) ?? area
    }

    /// 登记问题 — every field checked; households by 户编号 (space- or comma-separated) within the area.
    public static func list(_ form: ProblemForm, inspection: Inspection.ID? = nil, in ctx: ServiceContext) async throws -> FormResult<Problem> {
        try ctx.user.require(.writeFindings)
        var faults: [String: String] = [:]
        let source = ProblemSource.parse(form.source)
        if source == nil { faults["source"] = "请选择问题来源 / choose the source" }
        let area = AreaCode(form.area.trimmingCharacters(in: .whitespaces))
        if area == nil || area!.level < .county {
            faults["area"] = "请填写县、乡镇或村的区划代码 / give a county, township or village code"
        } else if !ctx.user.scope.includes(area!) {
            faults["area"] = "没有这个区划或不在您的辖区 / no such area in your scope"
        } else if try await AreaStore.find(area!, on: ctx.db) == nil {
            faults["area"] = "没有这个区划或不在您的辖区 / no such area in your scope"
        }
        let category = form.category.trimmingCharacters(in: .whitespaces)
        if !ctx.supervision.checkItems.contains(category) { faults["category"] = "请选择检查项目 / choose a check item" }
        let description = form.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if description.count < 4 { faults["description"] = "请写明问题（至少4字） / describe the problem (at least 4 characters)" }
        else if description.count > 1000 { faults["description"] = "不超过1000字 / at most 1,000 characters" }
        else if let f = TextRule.fault(description, .freeText) { faults["description"] = f }
        let severity = ProblemSeverity.parse(form.severity)
        if severity == nil { faults["severity"] = "请选择严重程度 / choose the severity" }
        var found: LocalDate?
        switch EventDate.parse(form.found, field: "found", label: "发现日期", today: ctx.today) {
        case .success(let d) where d > ctx.today: faults["found"] = "发现日期不能晚于今天 / not after today"
        case .success(let d): found = d
        case .failure(let f): faults["found"] = f.description
        }
        var deadline: LocalDate?
        if !form.deadline.trimmingCharacters(in: .whitespaces).isEmpty {
            switch EventDate.parse(form.deadline, field: "deadline", label: "整改期限", today: ctx.today.adding(days: 366)) {
            case .success(let d) where found.map { d <= $0 } ?? false: faults["deadline"] = "整改期限应晚于发现日期 / after the date found"
            case .success(let d): deadline = d
            case .failure(let f): faults["deadline"] = f.description
            }
        }
        var households: [Household.ID] = []
        let numbers = form.households.split(whereSeparator: { " ,，、\n".contains($0) }).map(String.init)
        if !numbers.isEmpty, let area {
            let refs = try await HouseholdStore.references(numbers: numbers, county: area.ancestor(at: .county), on: ctx.db)
            let unknown = numbers.filter { refs[$0] == nil || !area.contains(refs[$0]!.village) }
            if !unknown.isEmpty { faults["households"] = "不在该区划的户编号：\(unknown.prefix(5).joined(separator: "、")) / not households of this area" }
            households = numbers.compactMap { refs[$0]?.id }
        }
        let unit = form.unit.trimmingCharacters(in: .whitespaces)
        if unit.count > 60 { faults["unit"] = "不超过60字 / at most 60 characters" }
        let files = AttachmentService.check(form.files, into: &faults, in: ctx)
        guard faults.isEmpty, let source, let area, let severity, let found else { return .rejected(FormRejection(faults: faults)) }
        let problem = Problem(source: source, area: area, unit: unit, category: category, description: description, households: households,
                              severity: severity, found: found, deadline: deadline ?? ctx.supervision.deadline(for: severity, found: found),
                              state: unit.isEmpty ? .unclaimed : .rectifying, issuedBy: issuingLevel(ctx, for: area), inspection: inspection)
        return .done(try await save(problem, files: files, in: ctx))
    }

    static func save(_ problem: Problem, files: [AttachmentService.Checked] = [], in ctx: ServiceContext) async throws -> Problem {
        try await ctx.transaction { tx in
            let saved = try await write(problem, note: problem.source.rawValue, in: tx)
            try await AttachmentService.attach(files, to: .problem(saved.id!), area: saved.area, in: tx)
            return saved
        }
    }

    /// Writes a new problem with its first step (登记) and its `problem.add` record; call inside a transaction
    /// (a form's problem, an imported list, an evaluation's standing findings).
    static func write(_ problem: Problem, note: String, in tx: ServiceContext) async throws -> Problem {
        let saved = try await ProblemStore.add(problem, on: tx.db)
        try await ProblemStore.addStep(saved.id!, .init(date: tx.today, username: tx.user.username, action: "list", note: note,
                                                       evidence: "", auditRecord: nil, state: saved.state), on: tx.db)
        try await tx.record(SupervisionEvent.listed(saved))
        return saved
    }

    /// 转为问题 — a cadre sends on the problems a visit found: listed with the household, issued by the county
    /// (whose office reviews it), once per log.
    public static func forward(_ log: WorkLog.ID, category: String, in ctx: ServiceContext) async throws -> Problem {
        try ctx.user.require(.logWork)
        guard let cadre = try await CadreStore.find(username: ctx.user.username, on: ctx.db),
              let entry = try await WorkLogStore.find(log, on: ctx.db), entry.cadre == cadre.id else {
            throw Refused.notFound("没有这条工作日志", "no such work log")
        }
        guard !entry.problems.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Refused(.invalid, "这条日志没有记录发现的问题", "this log records no problem")
        }
        if let existing = try await ProblemStore.fromLog(log, on: ctx.db) {
            throw Refused(.conflict, "这条日志的问题已转为问题 \(existing.rawValue)", "already sent on as problem \(existing.rawValue)")
        }
        let item = ctx.supervision.checkItems.contains(category) ? category : (ctx.supervision.checkItems.first { $0.contains("帮扶") } ?? ctx.supervision.checkItems[0])
        let problem = Problem(source: .visit, area: entry.village, category: item, description: entry.problems,
                              households: entry.household.map { [$0] } ?? [], severity: .minor, found: entry.date,
                              deadline: ctx.supervision.deadline(for: .minor, found: max(entry.date, ctx.today.adding(days: -30))),
                              issuedBy: entry.village.ancestor(at: .county) ?? entry.village, workLog: log)
        return try await save(problem, in: ctx)
    }

    /// A step's fields as typed: the action key and what it needs.
    public struct StepForm: Sendable {
        public var action: String, unit: String, evidence: String, auditRecord: String, note: String, deadline: String
        /// Photos or documents of the fix (with 申请销号) or of a later check (with 复查).
        public var files: [AttachmentService.Upload]
        /// 分办: each unit and its deadline as typed (rows left blank are skipped).
        public var shares: [(unit: String, deadline: String)]
        public init(action: String, unit: String = "", evidence: String = "", auditRecord: String = "", note: String = "", deadline: String = "",
                    files: [AttachmentService.Upload] = [], shares: [(unit: String, deadline: String)] = []) {
            self.action = action; self.unit = unit; self.evidence = evidence; self.auditRecord = auditRecord; self.note = note; self.deadline = deadline
            self.files = files; self.shares = shares
        }
    }

    /// 整改流转 — one step of the loop; a refusal of the domain comes back as a form fault at its field.
    public static func step(_ id: Problem.ID, _ form: StepForm, in ctx: ServiceContext) async throws -> FormResult<Problem> {
        try ctx.user.require(.readRegistry)
        guard let before = try await ProblemStore.find(id, on: ctx.db), ctx.user.scope.includes(before.area) || actor(ctx).area.map({ $0.contains(before.issuedBy) }) ?? true else {
            throw Refused.notFound("没有这个问题", "no such problem")
        }
        var faults: [String: String] = [:]
        func date(_ text: String) -> LocalDate? {
            switch EventDate.parse(text, field: "deadline", label: "期限", today: ctx.today.adding(days: 366)) {
            case .success(let d): return d
            case .failure(let f): faults["deadline"] = f.description; return nil
            }
        }
        var record: Int64?
        if !form.auditRecord.trimmingCharacters(in: .whitespaces).isEmpty {
            if let n = Int64(form.auditRecord.trimmingCharacters(in: .whitespaces)), try await AuditQuery.exists(seq: n, on: ctx.db) { record = n }
            else { faults["audit_record"] = "没有这条痕迹记录（填痕迹查询中的编号） / no such audit record" }
        }
        let files = AttachmentService.check(form.files, into: &faults, in: ctx)
        let action: ProblemAction? = switch form.action {
        case "claim": .claim(unit: form.unit, owner: nil)
        case "assign": .assign(unit: form.unit, owner: nil)
        case "apply": .apply(ProblemEvidence(text: form.evidence, auditRecord: record, files: files.count))
        case "return": .sendBack(reason: form.note)
        case "close": .close(note: form.note)
        case "reopen": date(form.deadline).map { .reopen(reason: form.note, deadline: $0) }
        case "extend": date(form.deadline).map { .extend(to: $0, reason: form.note) }
        case "divide": .divide(shares(form, faults: &faults, in: ctx))
        default: nil
        }
        guard faults.isEmpty, let action else {
            if faults.isEmpty { throw Refused(.badRequest, "未知的操作", "unknown step", field: "action") }
            return .rejected(FormRejection(faults: faults))
        }
        let after: Problem
        do { after = try before.take(action, by: actor(ctx), on: ctx.today) } catch {
            if error.kind == .invalid { return .rejected(FormRejection(faults: [error.field ?? "note": error.message])) }
            throw error
        }
        var note = [form.note, form.unit].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        var parts: [Problem] = []
        if case .divide(let shares) = action {
            parts = before.parts(for: shares)
            note = "分办：" + shares.map { "\($0.unit.trimmingCharacters(in: .whitespaces))（\($0.deadline)前）" }.joined(separator: "、")
        }
        let linked = record, kept = files, divided = parts, stepNote = note
        try await ctx.transaction { tx in
            try await ProblemStore.update(after, on: tx.db)
            try await ProblemStore.addStep(id, .init(date: tx.today, username: tx.user.username, action: action.key, note: stepNote,
                                                     evidence: form.action == "apply" ? form.evidence : "", auditRecord: linked, state: after.state), on: tx.db)
            try await tx.record(SupervisionEvent.stepped(after, before: before, action: action, note: stepNote))
            try await AttachmentService.attach(kept, to: .problem(id), area: after.area, in: tx)
            for part in divided { _ = try await write(part, note: "由问题 \(id.rawValue) 分办", in: tx) }
        }
        return .done(after)
    }

    /// 分办's rows: a unit and a deadline each; a row with neither is skipped, a row with a bad date is a fault at it.
    static func shares(_ form: StepForm, faults: inout [String: String], in ctx: ServiceContext) -> [ProblemShare] {
        var shares: [ProblemShare] = []
        for (n, row) in form.shares.enumerated() {
            let unit = row.unit.trimmingCharacters(in: .whitespaces), text = row.deadline.trimmingCharacters(in: .whitespaces)
            if unit.isEmpty && text.isEmpty { continue }
            switch EventDate.parse(text, field: "deadline_\(n)", label: "第\(n + 1)行整改期限", today: ctx.today.adding(days: 366)) {
            case .success(let d): shares.append(ProblemShare(unit: unit, deadline: d))
            case .failure(let f): faults["deadline_\(n)"] = f.description
            }
        }
        return shares
    }

    /// Problems written as given, with their histories (the demo's year of supervision), each audited as listed;
    /// on the server's command line only.
    public static func load(_ items: [(problem: Problem, steps: [ProblemStore.Step])], in ctx: ServiceContext) async throws -> Int {
        guard ctx.onCommandLine else { throw Refused(.forbidden, "只能在服务器命令行载入", "only on the server's command line") }
        return try await ctx.transaction { tx in
            for item in items {
                let saved = try await ProblemStore.add(item.problem, on: tx.db)
                for s in item.steps { try await ProblemStore.addStep(saved.id!, s, on: tx.db) }
                try await tx.record(SupervisionEvent.listed(saved))
            }
            return items.count
        }
    }
}
