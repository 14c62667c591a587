import Foundation
@testable import TuopinDomain
import TuopinExchange
import TuopinServices
@testable import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb

/// Every page rendered from a sample model, without a server or a database. With `hostile`, every text a
/// user or a file could have written carries markup and quotes, so that a view that forgot to escape
/// shows it.
enum PageSamples {
    /// Markup that would run, or break out of an attribute, if it reached the page unescaped.
    static let attack = "<script>alert(\"x\")</script>' onmouseover=\"steal()\" <img src=x onerror=alert(1)>&amp;"

    static let when = Date(timeIntervalSince1970: 1_790_000_000)
    static let standards = StandardsCatalog.shipped
    static let county = AreaCode("451224")!
    static let township = AreaCode("451224100")!

    /// (name, page) for every page.
    static func all(hostile: Bool) -> [(name: String, page: HTML)] {
        func t(_ s: String) -> String { hostile ? s + attack : s }
        let chrome = Layout.Chrome(name: t("张三"), role: "县扶贫办", csrfToken: t("csrf-token"), canViewAudit: true, canManageUsers: true)
        let lineage = [Area(code: AreaCode("450000")!, name: t("广西壮族自治区")), Area(code: county, name: t("东兰县")),
                       Area(code: township, name: t("东兰镇")), Area(code: Samples.village, name: t("长乐村"))]
        var household = Samples.household(name: t("韦国强"))
        household.phone = "13907781234"
        household.members[1].name = t("黄秀英")
        let detail = HouseholdDetail(id: 7, household: household, version: 3, updatedAt: when, villageName: t("长乐村"),
                                     lastImport: .init(file: t("东兰县.xlsx"), at: when, actor: t("导入员")))
        var counts = AreaCounts()
        counts.add(status: HouseholdStatus.notExited.rawValue, type: HouseholdType.ordinary.rawValue, households: 3, persons: 11)
        counts.add(status: HouseholdStatus.exited.rawValue, type: HouseholdType.allCases.last!.rawValue, households: 1_204, persons: 4_310)
        let node = AreaNode(area: lineage[2], counts: counts, children: [AreaNode(area: lineage[3], counts: counts)])
        let summary = HouseholdSummary(id: 7, number: t("H0001"), villageCode: Samples.village.value, villageName: t("长乐村"),
                                       headName: t("韦国强"), headIDNumber: household.members[0].id.registryText, memberCount: 3,
                                       status: HouseholdStatus.notExited.rawValue, type: HouseholdType.ordinary.rawValue,
                                       mainCause: PovertyCause.illness.rawValue, exitYear: nil)
        let record = AuditQuery.Record(seq: 41, entry: AuditTrail.Entry(
            actor: t("county"), actorRole: "县扶贫办", ip: "10.0.0.8", action: "household.edit", entity: "household", entityID: "7",
            areaCode: Samples.village.value, before: AuditTrail.json(["联系电话": t("139")]), after: AuditTrail.json(["联系电话": t("138")]),
            reason: t("电话号码变更"), at: when))

        var pages: [(String, HTML)] = []
        pages.append(("login", LoginView.render(.init(username: t("zhangsan"), next: t("/areas"), csrf: t("csrf-token"), message: t("登录名或密码不正确")))))
        pages.append(("error", ErrorView.render(status: 404, message: t("没有这一户"))))
        pages.append(("area-tree", AreaTreeView.render(.init(roots: [AreaNode(area: lineage[1], counts: counts, children: [node])]), chrome: chrome)))

        var area = AreaShowView.Model(lineage: Array(lineage.prefix(3)), node: node,
                                      filter: HouseholdFilter(area: township, search: t("韦")),
                                      page: Page(items: [summary], total: 120, page: 2, perPage: 50), canExport: true)
        area.canEdit = true
        area.incidence = IncidenceIndicator(area: township, registeredPoor: 4_321, poorRemaining: 11, population: 12_000,
                                            threshold: standards.villageIncidence, western: true)
        var progress = TargetProgress(area: township, year: 2019, target: ExitTarget(area: township, year: 2019, households: 300, persons: 1_100, villages: 4))
        progress.exitedHouseholds = 250
        progress.exitedPersons = 900
        area.targets = progress
        area.years = [2016, 2017, 2018, 2019]
        area.indicatorYear = 2019
        var behind = TargetProgress(area: Samples.village, year: 2019, target: ExitTarget(area: Samples.village, year: 2019, households: 20, persons: 70))
        behind.exitedHouseholds = 4
        area.parts = [behind, TargetProgress(area: Samples.otherVillage, year: 2019)]
        area.villages = [VillageStore.VillageRow(code: Samples.village, name: t("长乐村"), isPoorVillage: true, exitYear: nil, households: 3,
                                                 indicator: IncidenceIndicator(area: Samples.village, registeredPoor: 11, poorRemaining: 9,
                                                                               population: 400, threshold: standards.villageIncidence, western: true))]
        pages.append(("area-township", AreaShowView.render(area, chrome: chrome)))

        var villagePage = AreaShowView.Model(lineage: lineage, node: AreaNode(area: lineage[3], counts: counts), filter: HouseholdFilter(area: Samples.village),
                                             page: Page(items: [summary], total: 1, page: 1, perPage: 50))
        villagePage.village = VillageStore.VillageRow(code: Samples.village, name: t("长乐村"), isPoorVillage: true, exitYear: 2019, households: 3,
                                                      indicator: IncidenceIndicator(area: Samples.village, registeredPoor: 11, poorRemaining: 3,
                                                                                    population: nil, threshold: standards.villageIncidence, western: true))
        villagePage.incidence = villagePage.village?.indicator
        villagePage.profileCSRF = t("csrf-token")
        pages.append(("area-village", AreaShowView.render(villagePage, chrome: chrome)))

        var show = HouseholdShowView.Model(detail: detail, lineage: lineage, today: Samples.today, showFullIdentity: false, history: [record],
                                           canEdit: true, csrf: t("csrf-token"), verdict: HouseholdExitTest.evaluate(household, year: 2016, standard: standards),
                                           verdictYears: [2016], standards: standards)
        var exited = household
        exited.exitYear = 2016
        exited.incomes.append(HouseholdIncome(year: 2017, wage: Money(yuan: 100)))
        let hardship = Hardship(kind: .illness, occurredOn: LocalDate(year: 2017, month: 5, day: 1)!, cost: Money(yuan: 30_000), note: t("住院"))
        show.hardships = [hardship]
        show.monitoring = MonitoringCheck.evaluate(exited, year: 2017, hardships: [hardship], standard: standards)
        show.canRunProcedures = true
        var procedure = Procedure(kind: .exit, householdNumber: household.number, postingDays: 7)
        var day = LocalDate(year: 2019, month: 3, day: 1)!
        for step in procedure.kind.steps.prefix(while: { !$0.isPosting }) + procedure.kind.steps.filter(\.isPosting).prefix(1) {
            try? procedure.take(step, by: t("村委"), on: day, note: t("办理"))
            day = day.adding(days: 1)
        }
        try? procedure.object(t("收入不实"), on: day)
        show.procedures = .init(householdID: 7, procedures: [ProcedureStore.Stored(id: 3, householdID: 7, householdNumber: household.number,
                                                                                   villageCode: Samples.village, procedure: procedure, version: 4)],
                                history: [ProcedureStore.StatusEvent(status: t("已脱贫"), effectiveOn: "2016-12-31", actor: t("县扶贫办"), procedureID: 3)],
                                startable: [.monitoringEntry], role: .countyOffice, csrf: t("csrf-token"), today: Samples.today)
        show.hardshipDraft = .init(kind: Hardship.Kind.illness.rawValue, occurredOn: t("2019-13-01"), cost: t("12元"), note: t("说明"),
                                   faults: [t("发生日期无效")])
        pages.append(("household", HouseholdShowView.render(show, chrome: chrome)))

        var values = HouseholdEditView.values(of: household)
        values[.phone] = t("13907781234")
        let rows = household.members.map { HouseholdEditView.MemberRow(values: HouseholdFieldCheck.values(of: $0, in: household)) }
            + [HouseholdEditView.MemberRow(values: [.name: t("新成员")])]
        var edit = HouseholdEditView.Model(detail: detail, values: values, members: rows, version: 3, reason: t("更正电话"), attachments: t("证明.pdf"),
                                           faults: ["phone": t("联系电话应为11位"), "m3_name": t("姓名不能为空"), "other": t("其他问题"),
                                                    "i1_wage_income": t("工资性收入“abc”不是数字")],
                                           conflict: t("此户已被他人修改"), csrf: t("csrf-token"), approvals: [.township, .county])
        edit.incomes = HouseholdEditView.incomeRows(household) + [[.incomeYear: t("2017"), .wageIncome: t("abc")]]
        pages.append(("household-edit", HouseholdEditView.render(edit, chrome: chrome)))

        let request = ChangeRequest(restoring: .householdEdit, area: Samples.village, requester: t("village"), reason: t("更正电话"),
                                    attachments: [t("证明.pdf")], before: ["联系电话": t("139")], after: ["联系电话": t("138")],
                                    remaining: [.county], state: .pending(.county),
                                    steps: [ChangeRequest.Step(actor: t("township"), role: .townshipStation, decision: .approve, at: when, note: t("同意"))])
        let stored = ChangeRequestStore.Stored(id: 12, householdID: 7, baseVersion: 3, request: request, createdAt: when)
        pages.append(("changes", ChangeListView.render([stored], chrome: chrome)))
        pages.append(("change", ChangeShowView.render(.init(stored: stored, csrf: t("csrf-token"), canDecide: true, canWithdraw: true,
                                                            message: t("已被他人修改")), chrome: chrome)))

        var names = AuditNames()
        names.users[record.actor] = t("张三（县扶贫办）")
        names.households["7"] = .init(number: t("H0007"), head: t("韦国强"))
        names.areas["451224100201"] = t("巴畴村")
        let choices = AuditService.Choices(users: [(t("county"), t("张三（县扶贫办）"))], areas: [(AreaCode("451224100201")!, t("东兰镇 · 巴畴村"))])
        pages.append(("audit", AuditSearchView.render(.init(query: ["actor": t("county"), "entity": t("household")],
                                                            page: Page(items: [record], total: 1, page: 1, perPage: 100), masked: true,
                                                            names: names, choices: choices), chrome: chrome)))

        let user = User(id: 2, username: t("zhangsan"), name: t("张三"), unit: t("县扶贫办"), phone: "13907781234", role: .countyOffice, area: county)
        pages.append(("user-confirm", UserConfirmView.render(.init(user: user, action: .disable, csrf: t("csrf-token")), chrome: chrome)))
        pages.append(("users", UserListView.render(.init(users: [user], form: ["username": t("lisi"), "role": "county"],
                                                         faults: ["username": t("登录名已被使用")], notice: t("已新建用户"),
                                                         csrf: t("csrf-token"), roles: Role.allCases), chrome: chrome)))

        var tally = ExitTally()
        tally.add(HouseholdExitTest.evaluate(household, year: 2016, standard: standards), persons: 3)
        pages.append(("exit-check", ExitCheckView.render(area: lineage[2], lineage: Array(lineage.prefix(3)), year: 2016, total: tally,
                                                         byChild: [Samples.village: tally], names: [Samples.village: t("长乐村")], chrome: chrome)))

        var pending = progress
        pending.pending = tally
        let targets = TargetsView.Model(area: lineage[2], lineage: Array(lineage.prefix(3)), year: 2019, years: [2018, 2019], total: pending,
                                        parts: [TargetProgress(area: Samples.village, year: 2019)], names: [Samples.village: t("长乐村"), township: t("东兰镇")],
                                        canPlan: true, csrf: t("csrf-token"), form: ["h_\(Samples.village.value)": t("12"), "reason": t("调整")],
                                        faults: ["h_\(Samples.village.value)": t("应为整数")], notice: t("已保存"))
        pages.append(("targets", TargetsView.render(targets, chrome: chrome)))

        var listing = MonitoringStore.Listing(flagged: [])
        listing.examined = 20
        listing.incomeUnknown = 2
        if let finding = show.monitoring {
            listing.flagged = [MonitoringStore.Flagged(householdID: 7, number: t("H0001"), head: t("韦国强"), villageCode: Samples.village,
                                                       finding: finding, monitored: false)]
        }
        pages.append(("monitoring", MonitoringView.render(.init(area: lineage[2], lineage: Array(lineage.prefix(3)), year: 2017, years: [2016, 2017],
                                                                listing: listing, names: [Samples.village: t("长乐村")], standards: standards,
                                                                category: nil, page: 1), chrome: chrome)))
        pages.append(("standards", StandardsView.render(standards, custom: hostile, chrome: chrome)))
        let row = VerdictRow(id: 7, number: t("H0001"), head: t("韦国强"), villageCode: Samples.village, members: 3, exitYear: nil,
                             missing: [.income, .housing], incomeUnrecorded: true)
        pages.append(("verdicts", VerdictListView.render(.init(area: lineage[2], lineage: Array(lineage.prefix(3)), year: 2016, households: .pendingThatYear,
                                                               filter: VerdictFilter(item: .income, income: .unrecorded),
                                                               page: Page(items: [row], total: 1, page: 1, perPage: 100),
                                                               names: [Samples.village: t("长乐村")], canExport: true), chrome: chrome)))
        var password = PasswordView.Model(csrf: t("csrf-token"), oneTime: true)
        password.faults = ["new": t("密码过于常见")]
        pages.append(("password", PasswordView.render(password, chrome: chrome)))
        pages.append(("user-confirm", UserConfirmView.render(.init(user: user, action: .resetPassword, csrf: t("csrf-token")), chrome: chrome)))
        return pages
    }
}
