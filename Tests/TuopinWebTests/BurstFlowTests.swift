import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb

/// Issue #17 item 3 (f), first half, through the services: one account edits twenty households' records on one day
/// (the household form's own path), then the year's pre-evaluation is set up; the suspicions list each of the twenty,
/// naming the account; nineteen would not be a burst.
@Suite struct BurstFlowTests {
    @Test func twenty_edits_by_one_account_before_an_assessment() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("burst-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = try RegistryGenerator(options: GeneratorOptions(households: 40, seed: 5, year: 2020))
        _ = try generator.write(to: dir.appendingPathComponent("county.csv"))
        try await StoreHarness.withStore(.sqlite) { db in
            #expect(try await StoreHarness.importFile(dir.appendingPathComponent("county.csv"), on: db).written)
            var office = ServiceContext.commandLine(db: db)
            office.user = User(username: "county", name: "县扶贫办", unit: "县扶贫办", role: .countyOffice, area: AreaCode("451224")!)
            office.onCommandLine = false   // the trail names the account, as for a signed-in user
            let ids = try await (db as! any SQLDatabase).raw("SELECT id FROM households ORDER BY id LIMIT 20").all()
                .map { Household.ID(try $0.decode(column: "id", as: Int64.self)) }
            func edit(_ n: Int, _ id: Household.ID) async throws {
                let detail = try await HouseholdService.find(id, in: office), phone = "1397780" + String(format: "%04d", n)
                let saved = try await HouseholdService.edit(id, HouseholdEditView.form(of: detail.household, version: detail.version, reason: "核对联系电话") {
                    $0[.phone] = phone
                }, in: office)
                guard case .done = saved else { Issue.record("edit \(n) refused: \(saved)"); return }
            }
            for (n, id) in ids.prefix(19).enumerated() { try await edit(n, id) }
            _ = try await UserService.add(User(username: "evaluator", name: "评估员", unit: "评估组", role: .evaluator, area: nil), passwordHash: "x",
                                          oneTime: false, in: ServiceContext.commandLine(db: db))
            let form = EvaluationService.Form(kind: "县级预评估", county: "451224", year: "2020", title: "2020年县级预评估", team: "evaluator", seed: "3", villages: "2",
                                              perVillage: "5,5,0")
            let created = try await EvaluationService.create(form, in: ServiceContext.commandLine(db: db))
            guard case .done = created else {
                Issue.record("the evaluation was not set up: \(created)")
                return
            }
            let nineteen = try await MatchService.suspicions(year: 2020, area: AreaCode("451224"), in: office).found.filter { $0.pattern == .burst }
            #expect(nineteen.isEmpty, "nineteen households are not a burst")
            try await edit(19, ids[19])
            let found = try await MatchService.suspicions(year: 2020, area: AreaCode("451224"), in: office).found.filter { $0.pattern == .burst }
            #expect(found.count == 20)
            #expect(found.first?.explanation.contains("账号county于") == true && found.first?.explanation.contains("一天内修改了20户") == true,
                    "\(found.first?.explanation ?? "")")
        }
    }
}
