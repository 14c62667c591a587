/// 程序记录 — one run of a procedure for a household: each step with actor, date and note, postings
/// (公示) with their objections. Steps come in the kind's order; the step after a posting waits until
/// the posting has run its minimum days (standards file, default 7) with no objection open.
public struct Procedure: Hashable, Sendable, Codable {
    public struct StepRecord: Hashable, Sendable, Codable {
        public var step: ProcedureStep
        public var actor: String
        public var on: LocalDate
        public var note: String?
    }

    /// 异议 — raised during a posting; must be resolved before the next step.
    public struct Objection: Hashable, Sendable, Codable {
        public var text: String
        public var raisedOn: LocalDate
        public var resolvedOn: LocalDate?
        public var resolution: String?
    }

    public var kind: ProcedureKind
    public var householdNumber: String
    public private(set) var done: [StepRecord] = []
    public private(set) var objections: [Objection] = []
    /// The minimum posting length in force when the procedure started.
    public var postingDays: Int

    public init(kind: ProcedureKind, householdNumber: String, postingDays: Int) {
        self.kind = kind
        self.householdNumber = householdNumber
        self.postingDays = postingDays
    }

    public var nextStep: ProcedureStep? { done.count < kind.steps.count ? kind.steps[done.count] : nil }
    public var isFinished: Bool { nextStep == nil }

    /// The running posting, if the last step was one (it runs until the next step is taken).
    public var runningPosting: StepRecord? { done.last.flatMap { $0.step.isPosting ? $0 : nil } }

    /// The first day the step after the running posting may be taken.
    public var postingEndsOn: LocalDate? { runningPosting.map { $0.on.adding(days: postingDays) } }

    public var openObjections: Int { objections.filter { $0.resolvedOn == nil }.count }

    public mutating func take(_ step: ProcedureStep, by actor: String, on date: LocalDate, note: String? = nil) throws(ProcedureError) {
        guard step == nextStep else { throw .outOfOrder(expected: nextStep, got: step) }
        if let last = done.last, date < last.on { throw .dateBeforeLastStep(last.on) }
        if let posting = runningPosting, let ends = postingEndsOn {
            guard date >= ends else { throw .postingNotOver(step: posting.step, endsOn: ends) }
            guard openObjections == 0 else { throw .objectionOpen(count: openObjections) }
        }
        done.append(StepRecord(step: step, actor: actor, on: date, note: note))
    }

    /// 提出异议 — only while a posting runs.
    public mutating func object(_ text: String, on date: LocalDate) throws(ProcedureError) {
        guard let posting = runningPosting, date >= posting.on else { throw .noPostingRunning }
        objections.append(Objection(text: text, raisedOn: date, resolvedOn: nil, resolution: nil))
    }

    public mutating func resolveObjection(_ index: Int, resolution: String, on date: LocalDate) throws(ProcedureError) {
        guard objections.indices.contains(index), objections[index].resolvedOn == nil else { throw .noSuchObjection(index) }
        objections[index].resolvedOn = date
        objections[index].resolution = resolution
    }
}
