import Fluent
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore
import Vapor

/// Editing a household — its own fields, its members (edit, add, remove) and its village (a move
/// within the editor's area): checked by the importer's rules, refused over a newer version, and for
/// village and township users turned into a change request for the levels above.
enum HouseholdEditController {
    @Sendable static func form(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        let detail = try await HouseholdController.query(id: try req.householdID(), scope: viewer.scope, on: req.db)
        let h = detail.household
        let rows = h.members.map { HouseholdEditView.MemberRow(values: HouseholdFieldCheck.values(of: $0, in: h)) } + [HouseholdEditView.MemberRow(values: [:])]
        return .html(HouseholdEditView.render(model(detail, viewer: viewer, values: HouseholdEditView.values(of: h), members: rows,
                                                    version: detail.version, approvals: req.application.webSettings.approvals), chrome: req.chrome))
    }

    static func model(_ d: HouseholdDetail, viewer: Viewer, values: [ExchangeColumn: String], members: [HouseholdEditView.MemberRow],
                      version: Int, reason: String = "", attachments: String = "", faults: [String: String] = [:],
                      conflict: String? = nil, approvals: ApprovalPolicy = .standard) -> HouseholdEditView.Model {
        let level = viewer.user.role.areaLevel ?? .county
        return HouseholdEditView.Model(detail: d, values: values, members: members, version: version, reason: reason, attachments: attachments,
                                       faults: faults, conflict: conflict, csrf: viewer.csrfToken ?? "",
                                       approvals: approvals.steps(for: .householdEdit, madeAt: level))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        let detail = try await HouseholdController.query(id: try req.householdID(), scope: viewer.scope, on: req.db)
        func text(_ key: String) -> String { ((try? req.content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces) }
        let (values, rows, kept, formIndex) = readForm(req, columns: HouseholdEditView.editable, existing: detail.household.members.count, newRows: 1)
        let reason = text("reason"), attachments = text("attachments")
        let version = Int(text("version")) ?? -1
        func again(_ faults: [String: String], conflict: String? = nil, status: HTTPStatus = .unprocessableEntity) -> Response {
            .html(HouseholdEditView.render(model(detail, viewer: viewer, values: values, members: rows, version: version, reason: reason,
                                                 attachments: attachments, faults: faults, conflict: conflict,
                                                 approvals: req.application.webSettings.approvals), chrome: req.chrome), status: status)
        }
        let checked = HouseholdFieldCheck.check(values, members: kept, current: detail.household, options: req.readOptions)
        var faults = formFaults(checked.faults, formIndex: formIndex)
        if reason.isEmpty { faults["reason"] = "请写明修改原因 / give the reason for the change" }
        if let village = AreaCode(values[.villageCode] ?? ""), (!viewer.scope.includes(village) || village.countyPart != detail.household.villageCode.countyPart) {
            faults[ExchangeColumn.villageCode.key] = "只能迁到本人辖区内、本县的村 / a household may move only to a village of this county within your area"
        }
        guard faults.isEmpty, let edited = checked.household else { return again(faults) }
        let elsewhere = try await HouseholdEditor.foreignMembers(edited.members.map(\.id.number), householdID: detail.id, on: req.db)
        if let (id, other) = elsewhere.first {
            let i = formIndex[edited.members.firstIndex { $0.id.number == id } ?? 0]
            return again(["m\(i)_\(ExchangeColumn.idNumber.key)": "证件号码已登记在户编号\(other)：一人只能在一户 / already registered in household \(other)"])
        }
        let diff = HouseholdDiff.changes(from: detail.household, to: edited)
        guard !diff.after.isEmpty else { return req.redirect(to: "/households/\(detail.id)") }
        if version != detail.version {
            let what = diff.before.keys.sorted().map { "\($0)：现为“\(diff.before[$0] ?? "")”" }.joined(separator: "；")
            return again([:], conflict: "此户已被他人修改为第\(detail.version)版，您的修改未保存（\(what)）。请核对后重新提交 / someone saved a newer version; your input is kept below", status: .conflict)
        }
        let memberChange = Set(detail.household.members.map(\.id.number)) != Set(edited.members.map(\.id.number))
        let kind: ChangeKind = detail.household.exitYear == nil && edited.exitYear != nil ? .exit : memberChange ? .memberChange : .householdEdit
        do {
            let request = try ChangeRequest.submit(kind: kind, area: detail.household.villageCode, by: viewer.user, reason: reason,
                                                   attachments: attachments.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                                   before: diff.before, after: diff.after,
                                                   policy: req.application.webSettings.approvals, now: Date())
            let id = try await ChangeRequestStore.submit(request, householdID: detail.id, baseVersion: version, edited: edited, by: viewer.user,
                                                         ip: req.clientIP, now: Date(), on: req.db)
            return req.redirect(to: request.state == .approved ? "/households/\(detail.id)" : "/changes/\(id)")
        } catch let e as ChangeRequestError {
            return again([:], conflict: e.message, status: .forbidden)
        } catch let c as HouseholdEditor.Conflict {
            return again([:], conflict: c.message, status: .conflict)
        }
    }
}

extension HouseholdEditController {
    /// The household fields and member rows of a posted form (rows `m0_…`, `m1_…`); the rows kept for
    /// the check (not marked for removal, not blank) with their form index.
    static func readForm(_ req: Request, columns: [ExchangeColumn], existing: Int, newRows: Int)
        -> (values: [ExchangeColumn: String], rows: [HouseholdEditView.MemberRow], kept: [[ExchangeColumn: String]], formIndex: [Int]) {
        func text(_ key: String) -> String { ((try? req.content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespaces) }
        var values: [ExchangeColumn: String] = [:]
        for c in columns { values[c] = text(c.key) }
        var rows: [HouseholdEditView.MemberRow] = [], kept: [[ExchangeColumn: String]] = [], formIndex: [Int] = []
        for i in 0..<(existing + newRows) {
            var v: [ExchangeColumn: String] = [:]
            for c in HouseholdEditView.memberColumns { v[c] = text("m\(i)_\(c.key)") }
            let remove = text("m\(i)_remove") == "on"
            rows.append(.init(values: v, remove: remove))
            let blankNew = i >= existing && v.values.allSatisfy(\.isEmpty)
            if !remove && !blankNew { kept.append(v); formIndex.append(i) }
        }
        return (values, rows, kept, formIndex)
    }

    /// Faults of the check, with member faults renamed from their place in the check to their form row.
    static func formFaults(_ faults: [String: String], formIndex: [Int]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, message) in faults {
            if key.hasPrefix("m"), let underscore = key.firstIndex(of: "_"), let k = Int(key.dropFirst().prefix(upTo: underscore)), k < formIndex.count {
                result["m\(formIndex[k])" + key[underscore...]] = message
            } else { result[key] = message }
        }
        return result
    }
}


extension HouseholdEditController {
    /// 删除 — a request to remove the household (错评剔除, 自然销户), approved like any other change.
    @Sendable static func remove(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        let detail = try await HouseholdController.query(id: try req.householdID(), scope: viewer.scope, on: req.db)
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            throw Abort(.unprocessableEntity, reason: "申请删除须写明原因（如错评剔除、自然销户） / a removal needs a reason")
        }
        let before = HouseholdDiff.fields(detail.household)
        do {
            let request = try ChangeRequest.submit(kind: .removal, area: detail.household.villageCode, by: viewer.user, reason: reason,
                                                   before: ["户编号": detail.household.number, "户主": detail.household.head?.name ?? "",
                                                            "人口": String(detail.household.members.count), "村代码": before["村代码"] ?? ""],
                                                   after: ["户编号": "（删除）"], policy: req.application.webSettings.approvals, now: Date())
            let id = try await ChangeRequestStore.submit(request, householdID: detail.id, baseVersion: detail.version, edited: detail.household,
                                                         by: viewer.user, ip: req.clientIP, now: Date(), on: req.db)
            return req.redirect(to: request.state == .approved ? "/areas/\(detail.household.villageCode.value)" : "/changes/\(id)")
        } catch let e as ChangeRequestError {
            throw Abort(.forbidden, reason: e.message)
        }
    }
}

extension HouseholdEditController {
    static let newRows = 6

    /// An empty household in a village, for the new-household form.
    static func blank(_ village: AreaCode) -> HouseholdDetail {
        HouseholdDetail(id: 0, household: Household(number: "", villageCode: village, type: .ordinary, mainCause: .illness, identifiedYear: 2014),
                        version: 0, updatedAt: Date(), villageName: nil, lastImport: nil)
    }

    /// 新增贫困户 — the form, for a village within the viewer's area.
    @Sendable static func newForm(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        guard let village = req.query[String.self, at: "village"].flatMap(AreaCode.init), village.level == .village, viewer.scope.includes(village) else {
            throw Abort(.notFound, reason: "请从本人辖区内的村页面新增贫困户 / add a household from the page of a village in your area")
        }
        var values: [ExchangeColumn: String] = [.villageCode: village.value, .identificationStandard: IdentificationStandard.national.rawValue,
                                                .identifiedYear: String(req.today.year)]
        values[.householdType] = HouseholdType.ordinary.rawValue
        var m = model(blank(village), viewer: viewer, values: values, members: Array(repeating: .init(values: [:]), count: newRows), version: 0,
                      approvals: req.application.webSettings.approvals)
        m.isNew = true
        m.approvals = req.application.webSettings.approvals.steps(for: .newHousehold, madeAt: viewer.user.role.areaLevel ?? .county)
        return .html(HouseholdEditView.render(m, chrome: req.chrome))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        let (values, rows, kept, formIndex) = readForm(req, columns: [.householdNo] + HouseholdEditView.editable, existing: 0, newRows: newRows)
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmingCharacters(in: .whitespaces)
        let attachments = (try? req.content.get(String.self, at: "attachments")) ?? ""
        guard let village = AreaCode(values[.villageCode] ?? ""), village.level == .village, viewer.scope.includes(village) else {
            throw Abort(.notFound, reason: "村代码不在本人辖区内 / the village is not in your area")
        }
        let approvals = req.application.webSettings.approvals
        func again(_ faults: [String: String], status: HTTPStatus = .unprocessableEntity) -> Response {
            var m = model(blank(village), viewer: viewer, values: values, members: rows, version: 0, reason: reason, attachments: attachments,
                          faults: faults, approvals: approvals)
            m.isNew = true
            m.approvals = approvals.steps(for: .newHousehold, madeAt: viewer.user.role.areaLevel ?? .county)
            return .html(HouseholdEditView.render(m, chrome: req.chrome), status: status)
        }
        let checked = HouseholdFieldCheck.check(values, members: kept, current: blank(village).household, options: req.readOptions)
        var faults = formFaults(checked.faults, formIndex: formIndex)
        if reason.isEmpty { faults["reason"] = "请写明新增原因（如新识别、返贫） / give the reason (new identification, return to poverty)" }
        guard faults.isEmpty, let household = checked.household else { return again(faults) }
        if let (id, other) = try await HouseholdEditor.foreignMembers(household.members.map(\.id.number), householdID: -1, on: req.db).first {
            let i = formIndex[household.members.firstIndex { $0.id.number == id } ?? 0]
            return again(["m\(i)_\(ExchangeColumn.idNumber.key)": "证件号码已登记在户编号\(other)：一人只能在一户 / already registered in household \(other)"])
        }
        do {
            let request = try ChangeRequest.submit(kind: .newHousehold, area: village, by: viewer.user, reason: reason,
                                                   attachments: attachments.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                                   before: [:], after: HouseholdDiff.everything(household),
                                                   policy: approvals, now: Date())
            let id = try await ChangeRequestStore.submit(request, householdID: nil, baseVersion: 0, edited: household, by: viewer.user,
                                                         ip: req.clientIP, now: Date(), on: req.db)
            return req.redirect(to: request.state == .approved ? "/areas/\(village.value)" : "/changes/\(id)")
        } catch let e as HouseholdEditor.NumberTaken {
            return again([ExchangeColumn.householdNo.key: e.description])
        } catch let e as ChangeRequestError {
            return again(["form": e.message], status: .forbidden)
        }
    }
}
