import Foundation
import TuopinDomain
import TuopinStore

/// 问责 — a reviewer records the action taken on a problem against its unit or a person (by the discipline
/// body's decision), with the rule it rests on; the record shows on the problem, on the cadre's page and in
/// the month's bulletin.
extension SupervisionService {
    public struct AccountabilityForm: Sendable {
        public var action: String, basis: String, unit: String, person: String, phone: String, date: String, note: String
        public init(action: String, basis: String, unit: String, person: String, phone: String, date: String, note: String) {
            self.action = action; self.basis = basis; self.unit = unit; self.person = person; self.phone = phone; self.date = date; self.note = note
        }
    }

    public static func holdToAccount(_ id: Problem.ID, _ form: AccountabilityForm, in ctx: ServiceContext) async throws -> FormResult<Accountability> {
        let detail = try await problem(id, in: ctx)
        guard ctx.user.can(.reviewProblems), actor(ctx).area.map({ $0.contains(detail.problem.issuedBy) }) ?? true else {
            throw Refused(.forbidden, "只有下发问题的一级可以记录问责", "only the issuing level records accountability")
        }
        var faults: [String: String] = [:]
        let action = Accountability.Action.parse(form.action)
        if action == nil { faults["action"] = "请选择问责方式 / choose the action" }
        let basis = Accountability.Basis.parse(form.basis)
        if basis == nil { faults["basis"] = "请选择问责依据 / choose the basis" }
        let unit = form.unit.trimmingCharacters(in: .whitespaces), person = form.person.trimmingCharacters(in: .whitespaces)
        if unit.isEmpty || unit.count > 60 { faults["unit"] = "请填写单位（不超过60字） / the unit, at most 60 characters" }
        if person.count > 30 { faults["person"] = "不超过30字 / at most 30 characters" }
        var cadre: Cadre.ID?
        let phone = form.phone.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty {
            if let c = try await CadreStore.byPhone(on: ctx.db)[phone] { cadre = c.id } else { faults["phone"] = "没有这个电话的干部（可留空） / no cadre has this phone" }
        }
        var date: LocalDate?
        switch EventDate.parse(form.date, field: "date", label: "日期", today: ctx.today) {
        case .success(let d) where d > ctx.today: faults["date"] = "不能晚于今天 / not after today"
        case .success(let d): date = d
        case .failure(let f): faults["date"] = f.description
        }
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty || note.count > 500 { faults["note"] = "请写明决定文号或情况（不超过500字） / the decision, at most 500 characters" }
        guard faults.isEmpty, let action, let basis, let date else { return .rejected(FormRejection(faults: faults)) }
        let record = Accountability(action: action, basis: basis, unit: unit, person: person, cadre: cadre, date: date, note: note,
                                    problems: [id], area: detail.problem.area)
        let saved = try await ctx.transaction { tx in
            let saved = try await AccountabilityStore.add(record, on: tx.db)
            try await tx.record(SupervisionEvent.heldToAccount(saved))
            return saved
        }
        return .done(saved)
    }
}
