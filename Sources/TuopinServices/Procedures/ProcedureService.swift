import FluentKit
import Foundation
import TuopinDomain
import TuopinStore

/// 程序办理 — identification, exit, return, monitoring and removal procedures run for a household step
/// by step: each step by its level (`Role.mayTake`), in order, postings for their days and with their
/// objections resolved (`Procedure`); a finished procedure changes the household and its status history.
public enum ProcedureService {
    /// Where to go back to after an action: the household, or its village once it was removed.
    public struct Place: Sendable {
        public var household: Household.ID?
        public var village: AreaCode
    }

    /// Starts a procedure for a household; returns its ID.
    @discardableResult
    public static func start(_ kind: ProcedureKind, household id: Household.ID, in ctx: ServiceContext) async throws -> Procedure.ID {
        try ctx.user.require(.runProcedures)
        return try await ctx.transaction { tx in
            guard let detail = try await HouseholdStore.find(id, scope: tx.user.scope, on: tx.db) else { throw Refused.noSuchHousehold }
            let open = try await ProcedureStore.list(householdID: id, on: tx.db).filter { !$0.procedure.isFinished }
            if open.contains(where: { $0.procedure.kind == kind }) {
                throw Refused(.conflict, "此户已有未完成的“\(kind.rawValue)”程序", "a \(kind.rawValue) procedure is already open for this household")
            }
            let monitored = try await ProcedureStore.isMonitored(id, on: tx.db)
            if let refusal = kind.refusal(exited: detail.household.exitYear != nil, monitored: monitored) { throw refusal }
            let village = detail.household.villageCode
            let procedure = Procedure(kind: kind, householdNumber: detail.household.number, postingDays: tx.standards.postingDays)
            let pid = try await ProcedureStore.insert(procedure, householdID: id, village: village, now: tx.now, on: tx.db)
            try await tx.record(ProcedureEvent.started(pid, kind, household: detail.household.number, area: village))
            return pid
        }
    }

    /// Takes the next step on `date`. The exit's 销号 needs the household to meet the exit standard of the step's year.
    @discardableResult
    public static func take(_ step: ProcedureStep, procedure id: Procedure.ID, on date: LocalDate, note: String?,
                            in ctx: ServiceContext) async throws -> Place {
        try ctx.user.require(.runProcedures)
        guard ctx.user.role.mayTake(step) else {
            throw Refused(.forbidden, "“\(step.rawValue)”由\(step.level.label)办理，您的角色（\(ctx.user.role.rawValue)）不能办理",
                          "\(step.rawValue) is taken at \(step.level.key) level")
        }
        try checkDate(date, in: ctx)
        return try await ctx.transaction { tx in
            var stored = try await load(id, in: tx)
            if stored.procedure.kind == .exit, step == .deregistration, let hid = stored.householdID,
               let detail = try await HouseholdStore.find(hid, scope: .everything, on: tx.db) {
                let verdict = HouseholdExitTest.evaluate(detail.household, year: date.year, standard: tx.standards)
                guard verdict.meets else {
                    throw Refused(.conflict, "此户\(date.year)年未达到脱贫标准（\(verdict.missing.map(\.label).joined(separator: "、"))），不能销号",
                                  "the household does not meet the \(date.year) exit standard (\(verdict.missingCodes)); it may not be deregistered")
                }
            }
            try stored.procedure.take(step, by: tx.user.name, on: date, note: note)
            try await ProcedureStore.save(stored, now: tx.now, on: tx.db)
            try await tx.record(ProcedureEvent.stepTaken(stored.id, stored.procedure.kind, step: step, on: date, by: tx.user.name, note: note,
                                                         area: stored.villageCode))
            if stored.procedure.isFinished { return try await finish(stored, on: date, in: tx) }
            return Place(household: stored.householdID, village: stored.villageCode)
        }
    }

    /// 提出异议 during a posting.
    @discardableResult
    public static func object(procedure id: Procedure.ID, text: String, on date: LocalDate, in ctx: ServiceContext) async throws -> Place {
        try ctx.user.require(.runProcedures)
        guard !text.isEmpty else { throw Refused(.invalid, "请写明异议内容", "write the objection", field: "text") }
        try checkDate(date, in: ctx)
        return try await ctx.transaction { tx in
            var stored = try await load(id, in: tx)
            try stored.procedure.object(text, on: date)
            try await ProcedureStore.save(stored, now: tx.now, on: tx.db)
            try await tx.record(ProcedureEvent.objectionRaised(stored.id, text: text, on: date, area: stored.villageCode))
            return Place(household: stored.householdID, village: stored.villageCode)
        }
    }

    /// 处理异议.
    @discardableResult
    public static func resolve(procedure id: Procedure.ID, objection index: Int, resolution: String, on date: LocalDate,
                               in ctx: ServiceContext) async throws -> Place {
        try ctx.user.require(.runProcedures)
        guard !resolution.isEmpty else { throw Refused(.invalid, "请写明处理结果", "write how the objection was resolved", field: "resolution") }
        try checkDate(date, in: ctx)
        return try await ctx.transaction { tx in
            var stored = try await load(id, in: tx)
            try stored.procedure.resolveObjection(index, resolution: resolution, on: date)
            try await ProcedureStore.save(stored, now: tx.now, on: tx.db)
            try await tx.record(ProcedureEvent.objectionResolved(stored.id, objection: stored.procedure.objections[index].text, resolution: resolution,
                                                                 on: date, area: stored.villageCode))
            return Place(household: stored.householdID, village: stored.villageCode)
        }
    }

    /// A procedure within the actor's sight.
    static func load(_ id: Procedure.ID, in ctx: ServiceContext) async throws -> ProcedureStore.Stored {
        guard let stored = try await ProcedureStore.find(id, on: ctx.db), ctx.user.scope.includes(stored.villageCode) else {
            throw Refused.noSuchProcedure
        }
        return stored
    }

    /// A step's date is a day that has come.
    static func checkDate(_ date: LocalDate, in ctx: ServiceContext) throws {
        guard date <= ctx.today else { throw Refused(.invalid, "日期\(date)晚于今天", "the date \(date) is in the future", field: "date") }
    }

    /// The finished procedure's effect on the household (exit year set or cleared, or the household removed)
    /// and its entry in the status history.
    private static func finish(_ s: ProcedureStore.Stored, on date: LocalDate, in tx: ServiceContext) async throws -> Place {
        var place = Place(household: s.householdID, village: s.villageCode)
        if let id = s.householdID, let detail = try await HouseholdStore.find(id, scope: .everything, on: tx.db) {
            let reason = "\(s.procedure.kind.rawValue)程序完成 / procedure finished"
            switch s.procedure.kind {
            case .exit, .returnToPoverty:
                let exitYear = s.procedure.kind == .exit ? date.year : nil
                try await ProcedureStore.setExitYear(exitYear, householdID: id, now: tx.now, on: tx.db)
                try await tx.record(HouseholdEvent.exitYearChanged(id, area: s.villageCode, from: detail.household.exitYear, to: exitYear,
                                                                   reason: reason))
            case .removal:
                let removed = try await HouseholdEditor.remove(id: id, expectedVersion: detail.version, on: tx.db)
                try await tx.record(HouseholdEvent.removed(id, removed, reason: "错评剔除程序完成 / removal procedure finished"))
                place.household = nil
            default: break
            }
        }
        try await ProcedureStore.appendStatus(of: s, on: date, actor: tx.user.name, now: tx.now, on: tx.db)
        return place
    }
}
