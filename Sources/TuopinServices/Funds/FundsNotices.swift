import Foundation
import TuopinDomain
import TuopinStore

/// 公告公示 — the notices the records call for within an area, with where each stands; a notice's sheet for the
/// notice board; its posting and removal recorded and audited.
extension FundsService {
    /// Every notice due within the area (narrowed to the viewer's), the overdue first.
    public static func notices(area requested: AreaCode?, in ctx: ServiceContext) async throws -> [PublicNotice] {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        let postings = try await NoticeStore.all(on: ctx.db)
        var found: [PublicNotice] = []
        let counties: [AreaCode?] = area.map { [$0.ancestor(at: .county) ?? $0] } ?? [nil]
        for county in counties {
            for (s, allocated) in try await FundStore.sources(county: county, on: ctx.db) where allocated.fen > 0 && (area.map { $0.contains(s.county) || $0 == s.county } ?? true) {
                found.append(PublicNotice(kind: .allocation, subject: s.id!.rawValue, title: "\(s.title)分配结果公告（\(s.document)）", area: s.county,
                                          due: PublicNotice.workingDays(15, after: s.issued)))
            }
        }
        for p in try await ProjectStore.list(area: area, limit: 5000, on: ctx.db) where p.stage != .removed || p.posted != nil {
            if let posted = p.posted {
                found.append(PublicNotice(kind: .posting, subject: p.id!.rawValue, title: "\(p.name)入库前公示", area: p.area, due: posted))
            }
            if let accepted = p.accepted {
                found.append(PublicNotice(kind: .announcement, subject: p.id!.rawValue, title: "\(p.name)竣工公告", area: p.area,
                                          due: PublicNotice.workingDays(15, after: accepted)))
            }
        }
        for i in found.indices {
            if let posting = postings["\(found[i].kind.key)/\(found[i].subject)"] {
                found[i].posted = posting.posted
                found[i].removed = posting.removed
                found[i].place = posting.place
            }
        }
        let order: [PublicNotice.State] = [.overdue, .early, .pending, .showing, .done]
        return found.sorted {
            let a = order.firstIndex(of: $0.state(on: ctx.today))!, b = order.firstIndex(of: $1.state(on: ctx.today))!
            return a != b ? a < b : ($0.due, $0.subject) > ($1.due, $1.subject)
        }
    }

    /// One notice with what it shows: the source's allocations, or the project.
    public struct NoticeSheet: Sendable {
        public var notice: PublicNotice
        public var source: FundSource?
        public var allocations: [FundStore.LedgerRow]
        public var project: ProjectDetail?
        public var areaNames: [AreaCode: String]
        public var mayRecord: Bool
        public var today: LocalDate
    }

    public static func notice(_ kind: PublicNotice.Kind, _ subject: Int64, in ctx: ServiceContext) async throws -> NoticeSheet {
        try ctx.user.require(.readRegistry)
        let area: AreaCode?
        var source: FundSource?, project: ProjectDetail?
        var allocations: [FundStore.LedgerRow] = []
        if kind == .allocation {
            guard let s = try await FundStore.source(FundSource.ID(subject), on: ctx.db), ctx.user.scope.includes(s.county) else {
                throw Refused.notFound("没有这份公告", "no such notice")
            }
            source = s
            area = s.county
            allocations = try await FundStore.ledger(area: s.county, asOf: ctx.today, on: ctx.db).filter { $0.allocation.source == s.id }
        } else {
            project = try await FundsService.project(Project.ID(subject), in: ctx)
            area = project!.project.area
        }
        guard let notice = try await notices(area: area, in: ctx).first(where: { $0.kind == kind && $0.subject == subject }) else {
            throw Refused.notFound("这份公告还不需要张贴（记录尚未到这一步）", "no such notice yet")
        }
        let names = try await AreaStore.names(of: Array(Set(allocations.map(\.allocation.area) + [notice.area])), on: ctx.db)
        return NoticeSheet(notice: notice, source: source, allocations: allocations, project: project,
                           areaNames: names.merging(project?.areaNames ?? [:], uniquingKeysWith: { a, _ in a }),
                           mayRecord: ctx.user.can(.manageFunds) && ctx.user.scope.includes(notice.area), today: ctx.today)
    }

    /// 张贴 or 撤下 — recorded by the level that posts it; the domain checks the dates.
    public static func record(_ kind: PublicNotice.Kind, _ subject: Int64, posted: String?, place: String, removed: String?,
                              in ctx: ServiceContext) async throws -> FormResult<PublicNotice> {
        let sheet = try await notice(kind, subject, in: ctx)
        guard sheet.mayRecord else { throw Refused(.forbidden, "只有张贴地的乡镇或县可以记录", "only the posting level records it") }
        let before = sheet.notice
        var after = before
        do {
            if let text = posted {
                guard let d = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)), text.count == 10 else {
                    return .rejected(FormRejection(faults: ["posted": "张贴日期应为 YYYY-MM-DD / a date YYYY-MM-DD"]))
                }
                let earliest = kind == .announcement ? (sheet.project?.project.accepted ?? before.due)
                    : kind == .posting ? (sheet.project?.project.posted ?? before.due) : (sheet.source?.issued ?? before.due)
                after = try before.post(on: d, place: place, today: ctx.today, earliest: earliest)
            } else if let text = removed {
                guard let d = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)), text.count == 10 else {
                    return .rejected(FormRejection(faults: ["removed": "撤下日期应为 YYYY-MM-DD / a date YYYY-MM-DD"]))
                }
                after = try before.remove(on: d, today: ctx.today)
            }
        } catch {
            return .rejected(FormRejection(faults: [error.field ?? "posted": error.message]))
        }
        let done = after
        try await ctx.transaction { tx in
            try await NoticeStore.save(done, username: tx.user.username, on: tx.db)
            try await tx.record(FundsEvent.noticed(done, before: before))
        }
        return .done(done)
    }
}
