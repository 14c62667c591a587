import Fluent
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore
import Vapor

/// Editing a household's own fields: checked by the importer's rules, refused over a newer version,
/// and — for village and township users — turned into a change request for the levels above.
enum HouseholdEditController {
    @Sendable static func form(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        let detail = try await HouseholdController.query(id: try req.householdID(), scope: viewer.scope, on: req.db)
        return .html(HouseholdEditView.render(model(detail, viewer: viewer, values: HouseholdEditView.values(of: detail.household),
                                                    version: detail.version), chrome: req.chrome))
    }

    static func model(_ d: HouseholdDetail, viewer: Viewer, values: [ExchangeColumn: String], version: Int, reason: String = "",
                      attachments: String = "", faults: [String: String] = [:], conflict: String? = nil) -> HouseholdEditView.Model {
        let level = viewer.user.role.areaLevel ?? .county
        return HouseholdEditView.Model(detail: d, values: values, version: version, reason: reason, attachments: attachments,
                                       faults: faults, conflict: conflict, csrf: viewer.csrfToken ?? "",
                                       approvals: ApprovalPolicy.standard.steps(for: .householdEdit, madeAt: level))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let viewer = try req.require(.editRegistry)
        let detail = try await HouseholdController.query(id: try req.householdID(), scope: viewer.scope, on: req.db)
        var values: [ExchangeColumn: String] = [:]
        for c in HouseholdEditView.editable { values[c] = (try? req.content.get(String.self, at: c.key))?.trimmingCharacters(in: .whitespaces) ?? "" }
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmingCharacters(in: .whitespaces)
        let attachments = (try? req.content.get(String.self, at: "attachments")) ?? ""
        let version = (try? req.content.get(Int.self, at: "version")) ?? -1
        func again(_ faults: [String: String], conflict: String? = nil, status: HTTPStatus = .unprocessableEntity) -> Response {
            .html(HouseholdEditView.render(model(detail, viewer: viewer, values: values, version: version, reason: reason,
                                                 attachments: attachments, faults: faults, conflict: conflict), chrome: req.chrome), status: status)
        }
        let checked = HouseholdFieldCheck.check(values, current: detail.household, options: req.readOptions)
        var faults = Dictionary(uniqueKeysWithValues: checked.faults.map { ($0.key.key, $0.value) })
        if reason.isEmpty { faults["reason"] = "请写明修改原因 / give the reason for the change" }
        guard faults.isEmpty, let edited = checked.household else { return again(faults) }
        let before = HouseholdEditor.fields(detail.household), after = HouseholdEditor.fields(edited)
        let changed = after.keys.filter { before[$0] != after[$0] }
        guard !changed.isEmpty else { return req.redirect(to: "/households/\(detail.id)") }
        if version != detail.version {
            let what = changed.sorted().map { "\($0)：现为“\(before[$0] ?? "")”" }.joined(separator: "；")
            return again([:], conflict: "此户已被他人修改为第\(detail.version)版，您的修改未保存（\(what)）。请核对后重新提交 / someone saved a newer version; your input is kept below", status: .conflict)
        }
        let kind: ChangeKind = detail.household.exitYear == nil && edited.exitYear != nil ? .exit : .householdEdit
        do {
            let request = try ChangeRequest.submit(kind: kind, area: detail.household.villageCode, by: viewer.user, reason: reason,
                                                   attachments: attachments.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                                   before: before.filter { changed.contains($0.key) }, after: after.filter { changed.contains($0.key) }, now: Date())
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

extension Request {
    /// The importer's rule options, for checks of forms.
    var readOptions: RegistryReadOptions {
        RegistryReadOptions(county: nil, today: today, regionHistory: DivisionCatalog.regionHistory, knownTownships: nil)
    }
}
