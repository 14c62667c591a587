import Foundation
import TuopinDomain
import TuopinStore

/// 问题看板 and 问题页: the problems of an area with the overdue first, the counts by the area's parts and
/// by unit, and one problem with its whole history and the steps the viewer may take next.
extension SupervisionService {
    public struct Board: Sendable {
        public var area: AreaCode?
        public var filter: ProblemStore.Filter
        public var problems: [Problem]
        public var total: Int
        public var page: Int
        public var byPart: [ProblemStore.Counts]
        public var byUnit: [ProblemStore.Counts]
        public var areaNames: [AreaCode: String]
        public var today: LocalDate
        public var escalateAfterDays: Int
        public var checkItems: [String]
    }

    public static let perPage = 50

    public static func board(_ requested: ProblemStore.Filter, page: Int, in ctx: ServiceContext) async throws -> Board {
        try ctx.user.require(.readRegistry)
        var filter = requested
        filter.area = try ctx.area(requested.area)
        let (problems, total) = try await ProblemStore.board(filter, limit: perPage, offset: (max(page, 1) - 1) * perPage, on: ctx.db)
        var whole = filter
        whole.state = nil
        whole.overdueOn = nil
        // The counts by part and by unit are kept until anything changes (every problem step moves the audit
        // trail's head, hence the version the pages read): computed once per change, not on every view.
        let (db, today, counted) = (ctx.db, ctx.today, whole)
        let (byPart, byUnit) = try await ctx.reads.value("problem-counts:\(counted):\(today)") {
            (try await ProblemStore.counts(counted, on: today, byUnit: false, on: db), try await ProblemStore.counts(counted, on: today, byUnit: true, on: db))
        }
        let codes = problems.map(\.area) + byPart.compactMap { AreaCode.padded($0.key) } + (filter.area.map { [$0] } ?? [])
        let names = try await AreaStore.names(of: Array(Set(codes)), on: ctx.db)
        return Board(area: filter.area, filter: filter, problems: problems, total: total, page: max(page, 1), byPart: byPart, byUnit: byUnit,
                     areaNames: names, today: ctx.today, escalateAfterDays: ctx.supervision.escalateAfterDays, checkItems: ctx.supervision.checkItems)
    }

    /// One problem: its record, history, households, the inspection it came from, and what the viewer may do.
    public struct Detail: Sendable {
        public var problem: Problem
        public var steps: [ProblemStore.Step]
        public var households: [HouseholdStore.Reference]
        public var areaNames: [AreaCode: String]
        public var inspection: Inspection?
        /// The step keys the viewer may take now (a refusal would say why for the others).
        public var allowed: [String]
        public var today: LocalDate
        public var escalateAfterDays: Int
        public var accountability: [Accountability]
        /// The viewer reviews for the issuing level, and so may record accountability.
        public var mayHoldToAccount: Bool
        /// Photos and documents of the finding and of the fix, oldest first.
        public var attachments: [Attachment]
        public var uploadLimit: AttachmentRules
        /// 分办: the problem divided and every problem divided from it (this one among them), when it was divided.
        public var family: [Problem] = []
    }

    public static func problem(_ id: Problem.ID, in ctx: ServiceContext) async throws -> Detail {
        try ctx.user.require(.readRegistry)
        let who = actor(ctx)
        guard let p = try await ProblemStore.find(id, on: ctx.db),
              ctx.user.scope.includes(p.area) || (ctx.user.can(.reviewProblems) && who.area.map { $0.contains(p.issuedBy) } ?? true) else {
            throw Refused.notFound("没有这个问题", "no such problem")
        }
        let probe = ProblemEvidence(text: "（检查可否申请销号）用的足够长的说明")
        let far = ctx.today.adding(days: 3650)
        let candidates: [(String, ProblemAction)] = [("claim", .claim(unit: "单位", owner: nil)), ("assign", .assign(unit: "单位", owner: nil)),
                                                     ("apply", .apply(probe)), ("return", .sendBack(reason: "原因")), ("close", .close(note: "")),
                                                     ("reopen", .reopen(reason: "原因", deadline: far)), ("extend", .extend(to: far, reason: "原因")),
                                                     ("divide", .divide([ProblemShare(unit: "甲", deadline: ctx.today.adding(days: 30)),
                                                                         ProblemShare(unit: "乙", deadline: ctx.today.adding(days: 30))]))]
        let allowed = candidates.filter { (try? p.take($0.1, by: who, on: ctx.today)) != nil }.map(\.0)
        let refs = try await HouseholdStore.references(ids: p.households, on: ctx.db)
        let names = try await AreaStore.names(of: [p.area, p.issuedBy], on: ctx.db)
        let inspection = try await p.inspection.asyncMap { try await InspectionStore.find($0, on: ctx.db) } ?? nil
        var detail = Detail(problem: p, steps: try await ProblemStore.steps(of: id, on: ctx.db), households: p.households.compactMap { refs[$0] },
                      areaNames: names, inspection: inspection, allowed: allowed, today: ctx.today, escalateAfterDays: ctx.supervision.escalateAfterDays,
                      accountability: try await AccountabilityStore.list(problem: id, on: ctx.db),
                      mayHoldToAccount: ctx.user.can(.reviewProblems) && (who.area.map { $0.contains(p.issuedBy) } ?? true),
                      attachments: try await AttachmentStore.list(.problem(id), on: ctx.db), uploadLimit: ctx.attachments)
        let family = try await ProblemStore.family(of: p.parent ?? id, on: ctx.db)
        if family.count > 1 { detail.family = family }
        return detail
    }

    /// The problems concerning a household the viewer may see (the household page has checked its sight), newest first.
    public static func problems(ofHousehold id: Household.ID, in ctx: ServiceContext) async throws -> [Problem] {
        try ctx.user.require(.readRegistry)
        return try await ProblemStore.problems(of: id, on: ctx.db)
    }

    /// `tuopin problems` and the CSV: the board's problems, all of them, as rows under the header.
    public static let header = ["编号", "来源", "区划代码", "责任单位", "责任人", "类别", "问题描述", "发现日期", "整改期限", "状态", "销号日期"]

    public static func table(_ requested: ProblemStore.Filter, in ctx: ServiceContext) async throws -> [[String]] {
        try ctx.user.require(.readRegistry)
        var filter = requested
        filter.area = try ctx.area(requested.area)
        let (problems, _) = try await ProblemStore.board(filter, limit: 1_000_000, offset: 0, on: ctx.db)
        let owners = try await CadreStore.byID(problems.compactMap(\.owner), on: ctx.db)
        return [header] + problems.map { p in
            let state = p.isOverdue(on: ctx.today) ? "\(p.state.rawValue)（逾期）" : p.state.rawValue
            return [String(p.id!.rawValue), p.source.rawValue, p.area.value, p.unit, p.owner.flatMap { owners[$0]?.name } ?? "", p.category,
                    p.description, p.found.description, p.deadline.description, state, p.closed?.description ?? ""]
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
