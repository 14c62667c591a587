import Foundation
import TuopinDomain
import TuopinStore

/// 防返贫监测 — the monitoring list of an area (every exited household the rules flag, with its reasons) and
/// hardships recorded on the household page.
public enum MonitoringService {
    /// The monitoring page of an area.
    public struct MonitoringPage: Sendable {
        public var area: Area
        public var lineage: [Area]
        public var year: Int
        public var listing: MonitoringStore.Listing
        public var names: [AreaCode: String]
    }

    /// A hardship as typed into the household page's form.
    public struct HardshipForm: Sendable {
        public var kind: String
        public var occurredOn: String
        public var cost: String
        public var note: String

        public init(kind: String, occurredOn: String, cost: String, note: String) {
            self.kind = kind
            self.occurredOn = occurredOn
            self.cost = cost
            self.note = note
        }
    }

    /// The list for `area` (nil: all the actor sees) in `year`.
    public static func list(area requested: AreaCode?, year: Int, referenceDate: LocalDate? = nil,
                            in ctx: ServiceContext) async throws -> MonitoringStore.Listing {
        try ctx.user.require(.readRegistry)
        if let requested { try ctx.requireSight(of: requested) }
        let year = try StandardsYear.check(year, in: ctx)
        return try await MonitoringStore.list(area: try ctx.area(requested), year: year, referenceDate: referenceDate, standards: ctx.standards,
                                              on: ctx.db)
    }

    /// The monitoring page: the list, where the area lies, and the names of its villages.
    public static func page(_ code: AreaCode, year: Int?, in ctx: ServiceContext) async throws -> MonitoringPage {
        try ctx.user.require(.readRegistry)
        try ctx.requireSight(of: code)
        let year = try StandardsYear.resolve(year, in: ctx)
        let lineage = try await AreaStore.lineage(code, on: ctx.db)
        guard let area = lineage.last, area.code == code else { throw Refused.noSuchArea(code) }
        let unkept = ctx
        let listing = try await ctx.reads.value("monitoring:\(ctx.user.scope):\(code.value):\(year)") {
            try await list(area: code, year: year, in: unkept)
        }
        let names = try await AreaStore.names(of: Array(Set(listing.flagged.map(\.villageCode))), on: ctx.db)
        return MonitoringPage(area: area, lineage: lineage, year: year, listing: listing, names: names)
    }

    /// 登记突发困难 — checked field by field; each fault in Chinese and English at its field.
    public static func recordHardship(_ id: Household.ID, _ form: HardshipForm, in ctx: ServiceContext) async throws -> FormResult<Hardship> {
        try ctx.user.require(.runProcedures)
        let detail = try await HouseholdService.find(id, in: ctx)
        var faults: [String: String] = [:]
        let kind = Hardship.Kind(rawValue: form.kind)
        if kind == nil { faults["kind"] = "风险类型：请选择 / kind: choose one" }
        var date: LocalDate?
        switch EventDate.parse(form.occurredOn, field: "occurred_on", label: "发生日期", today: ctx.today) {
        case .success(let d) where d > ctx.today: faults["occurred_on"] = "发生日期不能晚于今天 / occurred_on is in the future"
        case .success(let d): date = d
        case .failure(let r): faults["occurred_on"] = "\(r.chinese) / \(r.english)"
        }
        var cost: Money?
        switch Money.parse(yuan: form.cost) {
        case .success(let m): cost = m
        case .failure: faults["cost"] = "支出或损失“\(form.cost)”应为元，最多两位小数 / cost must be yuan with at most 2 decimals"
        }
        if form.note.isEmpty { faults["note"] = "说明：请写明情况 / note: describe what happened" }
        guard faults.isEmpty, let kind, let date, let cost else { return .rejected(FormRejection(faults: faults)) }
        let hardship = Hardship(kind: kind, occurredOn: date, cost: cost, note: form.note)
        try await ctx.transaction { tx in
            try await MonitoringStore.record(hardship, householdID: id, by: tx.user.username, now: tx.now, on: tx.db)
            try await tx.record(MonitoringEvent.hardshipRecorded(id, hardship, area: detail.household.villageCode))
        }
        return .done(hardship)
    }

    /// The order the hardship form shows its faults in.
    public static let hardshipFields = ["kind", "occurred_on", "cost", "note"]
}
