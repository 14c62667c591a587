import Foundation
import TuopinDomain
import TuopinStore

/// 干部名单与任职 on pages: an area's cadres, one cadre's record with their posts (held and ended) and
/// households, the edit of their details, a new post and the end of one — each checked, written and audited
/// in one transaction.
extension ResponsibilityService {
    /// One row of an area's roster.
    public struct RosterEntry: Sendable {
        public var cadre: Cadre
        public var posts: Int
        public var households: Int
    }

    /// The cadres holding a post or paired with a household within the area (all in sight when nil), today.
    public static func roster(area requested: AreaCode?, in ctx: ServiceContext) async throws -> [RosterEntry] {
        try ctx.user.require(.readRegistry)
        let area = try ctx.area(requested)
        return try await CadreStore.roster(under: area, on: ctx.today, on: ctx.db).map { RosterEntry(cadre: $0.cadre, posts: $0.posts, households: $0.households) }
    }

    /// A cadre's record: details, every post (with its history) and every pairing, with the names they are read by.
    public struct CadreRecord: Sendable {
        public var cadre: Cadre
        public var assignments: [Assignment]
        public var pairings: [(pairing: Pairing, household: HouseholdStore.Reference?)]
        public var areaNames: [AreaCode: String]
        /// The problems the cadre answers for (open first) and the accountability (and commendation) recorded on them.
        public var problems: [Problem] = []
        public var accountability: [Accountability] = []
        /// The viewer may edit the record (管理责任体系, with the cadre's areas in sight).
        public var editable: Bool
    }

    /// The cadre, if any of their posts or households is in the viewer's sight (or the viewer sees everything).
    public static func cadre(_ id: Cadre.ID, in ctx: ServiceContext) async throws -> CadreRecord {
        try ctx.user.require(.readRegistry)
        guard let cadre = try await CadreStore.find(id, on: ctx.db) else { throw Refused.notFound("没有这名干部", "no such cadre") }
        let assignments = try await CadreStore.assignments(under: nil, cadre: id, on: ctx.db)
        let pairings = try await CadreStore.pairings(under: nil, cadre: id, on: ctx.db)
        let areas = assignments.map(\.area) + pairings.map(\.village)
        let inSight = ctx.user.area == nil || areas.contains { ctx.user.scope.includes($0) }
        guard inSight else { throw Refused.notFound("没有这名干部", "no such cadre") }
        let refs = try await HouseholdStore.references(ids: pairings.map(\.household), on: ctx.db)
        let names = try await AreaStore.names(of: Array(Set(areas)), on: ctx.db)
        var record = CadreRecord(cadre: cadre, assignments: assignments.sorted { ($0.end == nil ? 0 : 1, $0.start) < ($1.end == nil ? 0 : 1, $1.start) },
                           pairings: pairings.sorted { ($0.end == nil ? 0 : 1, $0.village.value) < ($1.end == nil ? 0 : 1, $1.village.value) }
                               .map { ($0, refs[$0.household]) },
                           areaNames: names, editable: ctx.user.can(.manageResponsibility))
        var mine = ProblemStore.Filter()
        mine.owner = id
        record.problems = try await ProblemStore.board(mine, limit: 100, offset: 0, on: ctx.db).problems
        record.accountability = try await AccountabilityStore.list(cadre: id, on: ctx.db)
        return record
    }

    /// The cadre form's fields as typed.
    public struct CadreForm: Sendable {
        public var name: String, phone: String, unit: String, unitLevel: String, post: String, rank: String, username: String, reason: String
        /// 证件号码 — blank leaves none recorded.
        public var idNumber: String
        public init(name: String, phone: String, unit: String, unitLevel: String, post: String, rank: String, username: String, reason: String,
                    idNumber: String = "") {
            self.name = name; self.phone = phone; self.unit = unit; self.unitLevel = unitLevel
            self.post = post; self.rank = rank; self.username = username; self.reason = reason; self.idNumber = idNumber
        }
    }

    /// 修改干部信息 — every field checked as the cadre file checks it; the phone must stay unique.
    public static func saveCadre(_ id: Cadre.ID, _ form: CadreForm, in ctx: ServiceContext) async throws -> FormResult<Cadre> {
        let record = try await cadre(id, in: ctx)
        try ctx.user.require(.manageResponsibility)
        var faults: [String: String] = [:]
        func text(_ key: String, _ value: String, limit: Int) -> String {
            let t = value.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { faults[key] = "必填 / required" }
            else if t.count > limit { faults[key] = "不超过\(limit)字 / at most \(limit) characters" }
            else if let f = TextRule.fault(t, .cell) { faults[key] = f }
            return t
        }
        let name = text("name", form.name, limit: 30), unit = text("unit", form.unit, limit: 60), post = text("post", form.post, limit: 30)
        let phone = form.phone.trimmingCharacters(in: .whitespaces)
        if !(phone.count == 11 && phone.first == "1" && phone.allSatisfy { $0.isASCII && $0.isNumber }) {
            faults["phone"] = "应为11位手机号码 / must be an 11-digit mobile number"
        } else if try await CadreStore.phoneTaken(phone, by: id, on: ctx.db) {
            faults["phone"] = "该号码已登记为另一名干部 / another cadre has this number"
        }
        let level = UnitLevel.parse(form.unitLevel)
        if level == nil { faults["unit_level"] = "请选择单位层级 / choose the unit's level" }
        let rank = CadreRank.parse(form.rank)
        if rank == nil { faults["rank"] = "请选择职级 / choose a rank" }
        let username = form.username.trimmingCharacters(in: .whitespaces)
        if !username.isEmpty, try await UserStore.find(username: username, on: ctx.db) == nil {
            faults["username"] = "没有这个登录名的用户（可留空） / no user has this name (may be left blank)"
        }
        var idNumber: String?
        let idText = form.idNumber.trimmingCharacters(in: .whitespaces)
        if !idText.isEmpty {
            switch ResidentID.parse(idText, today: ctx.today) {
            case .success(let r):
                idNumber = r.number
                if let other = try await CadreStore.holder(idNumber: r.number, other: id, on: ctx.db) {
                    faults["id_number"] = "已登记为干部\(other.name)（\(other.unit)）的证件号码 / already the ID number of another cadre"
                }
            case .failure(let e): faults["id_number"] = "\(e.chinese) / \(e.english)"
            }
        }
        let reason = form.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { faults["reason"] = "请写明修改原因 / give the reason" }
        guard faults.isEmpty, let level, let rank else { return .rejected(FormRejection(faults: faults)) }
        let changed = Cadre(id: id, name: name, phone: phone, unit: unit, unitLevel: level, post: post, rank: rank, username: username.isEmpty ? nil : username,
                            idNumber: idNumber)
        guard changed != record.cadre else { return .done(changed) }
        try await ctx.transaction { tx in
            try await CadreStore.update(changed, on: tx.db)
            try await tx.record(ResponsibilityEvent.cadreSaved(changed, before: record.cadre, reason: reason))
        }
        return .done(changed)
    }

    /// 任命责任岗位 — a post of the deployment's layers for an area in sight, from a start date (and to an
    /// end date); a one-holder post may not overlap another holder's term.
    public static func assign(_ id: Cadre.ID, layer layerText: String, area areaText: String, start startText: String, end endText: String,
                              reason: String, in ctx: ServiceContext) async throws -> FormResult<Assignment> {
        let record = try await cadre(id, in: ctx)
        try ctx.user.require(.manageResponsibility)
        var faults: [String: String] = [:]
        let layer = ctx.responsibility.active.layer(layerText.trimmingCharacters(in: .whitespaces))
        if layer == nil { faults["layer"] = "请选择岗位（\(ctx.responsibility.active.name)） / choose a post of the deployment's layers" }
        let area = AreaCode(areaText.trimmingCharacters(in: .whitespaces))
        if let area, area.level != .village && area.level != .township && area.level != .county {
            faults["area"] = "应为县、乡镇或村的代码 / a county, township or village code"
        } else if let area, !ctx.user.scope.includes(area) {
            faults["area"] = "不在您的辖区 / not in your scope"
        } else if let area, try await AreaStore.find(area, on: ctx.db) == nil {
            faults["area"] = "没有这个区划或不在您的辖区 / no such area in your scope"
        } else if area == nil {
            faults["area"] = "请填写区划代码 / give the area code"
        }
        var start: LocalDate?, end: LocalDate?
        switch EventDate.parse(startText, field: "start", label: "开始日期", today: ctx.today) {
        case .success(let d): start = d
        case .failure(let f): faults["start"] = f.description
        }
        if !endText.trimmingCharacters(in: .whitespaces).isEmpty {
            switch EventDate.parse(endText, field: "end", label: "结束日期", today: ctx.today.adding(days: 5 * 366)) {
            case .success(let d): end = d
            case .failure(let f): faults["end"] = f.description
            }
        }
        if let start, let end, end < start { faults["end"] = "结束日期早于开始日期 / the end is before the start" }
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedReason.isEmpty { faults["reason"] = "请写明依据（如任命文件） / give the basis (e.g. the appointment)" }
        if faults.isEmpty, let layer, let area, let start, layer.minimumHolders == 1 {
            let clash = try await CadreStore.assignments(under: area, on: ctx.db).first {
                $0.layer == layer.name && $0.area == area && $0.cadre != id && $0.overlaps(start, end ?? .yearEnd(9999))
            }
            if let clash { faults["start"] = "与已登记的\(layer.name)任期（\(clash.start) 起）重叠 / overlaps the post held since \(clash.start)" }
        }
        guard faults.isEmpty, let layer, let area, let start else { return .rejected(FormRejection(faults: faults)) }
        let cadre = record.cadre, term = Assignment(cadre: id, layer: layer.name, area: area, start: start, end: end)
        let saved = try await ctx.transaction { tx in
            let a = try await CadreStore.add(term, on: tx.db)
            try await tx.record(ResponsibilityEvent.assigned(a, cadre: "\(cadre.name)（\(cadre.unit)）", reason: trimmedReason))
            return a
        }
        return .done(saved)
    }

    /// 免去岗位 — ends a post held on `end` (not before it began); the term stays on record.
    public static func endAssignment(_ assignment: Assignment.ID, of id: Cadre.ID, on endText: String, reason: String,
                                     in ctx: ServiceContext) async throws -> FormResult<Assignment> {
        let record = try await cadre(id, in: ctx)
        try ctx.user.require(.manageResponsibility)
        guard var post = record.assignments.first(where: { $0.id == assignment }) else { throw Refused.notFound("没有这个岗位", "no such post") }
        try ctx.requireSight(of: post.area)
        var faults: [String: String] = [:]
        var end: LocalDate?
        switch EventDate.parse(endText, field: "end", label: "结束日期", today: ctx.today) {
        case .success(let d) where d < post.start: faults["end"] = "结束日期早于任职开始（\(post.start)） / before the post began"
        case .success(let d): end = d
        case .failure(let f): faults["end"] = f.description
        }
        if post.end != nil { faults["end"] = "该岗位已于 \(post.end!) 结束 / this post has already ended" }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { faults["reason"] = "请写明原因（如调动、任期届满） / give the reason" }
        guard faults.isEmpty, let end else { return .rejected(FormRejection(faults: faults)) }
        let before = post, ended = end
        post.end = end
        let cadre = record.cadre
        try await ctx.transaction { tx in
            try await CadreStore.end(assignment, on: ended, on: tx.db)
            try await tx.record(ResponsibilityEvent.assignmentEnded(before, cadre: "\(cadre.name)（\(cadre.unit)）", on: ended, reason: trimmed))
        }
        return .done(post)
    }
}
