import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore
import TuopinWeb

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "生成并打开演示县（约2万户） / Create a demo county of about 20,000 households, if absent, and serve it.",
        discussion: "演示库默认为当前目录下的 tuopin-demo.sqlite；已存在则直接打开。 / The demo database defaults to tuopin-demo.sqlite; if it exists it is served as it is."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: "演示县户数 / households in the demo county")
    var households = 20_000
    @Option(help: ArgumentHelp("演示县代码（默认东兰县） / the demo county's code (default 451224, 东兰县)", valueName: "CODE"))
    var county = "451224"
    @Option(help: "监听地址 / address to listen on")
    var host = "127.0.0.1"
    @Option(help: "端口 / port")
    var port = 8080

    func validate() throws {
        guard AreaCode(county)?.level == .county else { throw ValidationError("--county 应为6位县级代码 / --county must be a 6-digit county code") }
        guard households > 0 else { throw ValidationError("--households 应为正数 / --households must be positive") }
    }

    func run() async throws {
        let url = try database.resolve(default: .sqliteFile(path: "tuopin-demo.sqlite"))
        try await database.run(default: url) { ctx in
            try await createCountyIfAbsent(in: ctx)
            try await createAccountsIfAbsent(url: url, in: ctx)
            try await createEvaluationIfAbsent(in: ctx)
        }
        try await Server.run(database: url, host: host, port: port)
    }

    private func createCountyIfAbsent(in ctx: ServiceContext) async throws {
        let existing = try await HouseholdStore.count(on: ctx.db)
        guard existing == 0 else {
            note("使用已有的演示库 / using the existing demo database (\(existing) 户 households)")
            return
        }
        note("生成演示县 / creating the demo county: \(households) 户 households …")
        // The file's name is kept in each household's import record: a plain one, in a directory of its own.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ year: Int) -> URL { directory.appendingPathComponent("建档立卡-\(county)-\(year)年.csv") }
        // A campaign from identification in 2014 to 2020, loaded year by year as counties updated their registry
        // (动态管理): yearly incomes, exits spread over the years; then named villages with their population and
        // yearly plans near what was done.
        var options = GeneratorOptions(households: households, seed: 2016, county: AreaCode(county)!, year: 2020, firstYear: 2014)
        options.fabrication = 0.03   // a few paper-exit traces for 信息比对's pattern list (tuopin generate --with-fabrication)
        var generator = try RegistryGenerator(options: options)
        let summary = try generator.write(to: file(2020), yearFile: file)
        let extras = GeneratedCounty(summary: summary, options: options)
        let progress = TerminalProgress()
        var outcome: ImportOutcome?
        for year in 2014...2020 {
            outcome = try await ImportService.registry(file(year), county: options.county, dryRun: false, sheet: nil, in: ctx) { step in
                if case .writing(let d, let t) = step { progress.update("导入 / loading \(year): \(d)/\(t)") }
            }
            guard let outcome, outcome.written else {
                progress.finish()
                throw CommandFailure("演示数据（\(year)年）导入失败：\(outcome?.issues.prefix(3).map(\.message) ?? [])", "the demo data of \(year) did not load")
            }
        }
        let loaded = outcome!
        progress.finish()
        let villages = try await VillageService.load(extras.villages, reason: "演示数据：贫困村登记", in: ctx)
        let plans = try await TargetService.load(extras.targets, reason: "演示数据：年度减贫计划", in: ctx)
        // The responsibility chain: cadres with the 五个一 posts, pairings, and a year (2020) of work logs.
        var chainCtx = ctx
        chainCtx.responsibility = try FileLoadPrinter.files()
        let chain = GeneratedChain(summary: summary, options: options, villages: extras.villages, set: chainCtx.responsibility.active)
        let cadreFile = directory.appendingPathComponent("干部名单.csv"), pairingFile = directory.appendingPathComponent("结对帮扶.csv")
        let logFile = directory.appendingPathComponent("工作日志.csv")
        try chain.writeCadres(to: cadreFile)
        try chain.writePairings(to: pairingFile)
        try chain.writeLogs(to: logFile)
        let code = options.county, today = chainCtx.today
        let cadres = try await ResponsibilityService.loadCadres(CadreFileReader.read(cadreFile, set: chainCtx.responsibility.active, county: code, today: today),
                                                                county: code, dryRun: false, reason: "演示数据：干部名单", in: chainCtx)
        let pairs = try await ResponsibilityService.loadPairings(PairingFileReader.read(pairingFile, today: today), county: code, dryRun: false, in: chainCtx)
        let logs = try await ResponsibilityService.loadLogs(WorkLogFileReader.read(logFile, county: code, today: today), county: code,
                                                            file: logFile.lastPathComponent, dryRun: false, in: chainCtx)
        guard cadres.written, pairs.written, logs.written else {
            throw CommandFailure("演示数据（责任体系）导入失败：\((cadres.issues + pairs.issues + logs.issues).prefix(3).map(\.message))", "the demo responsibility chain did not load")
        }
        // 帮扶行动计划 of the last year, so that the plan pages and the quarterly progress table have data.
        let poor = try await HouseholdStore.poor(under: code, in: options.year, on: ctx.db)
        let measures = try await ResponsibilityService.loadMeasures(GeneratedPlans.measures(for: poor, year: options.year, seed: options.seed).map { ($0.0, $0.1) },
                                                                    in: chainCtx)
        // 督查整改: an unannounced visit with its draw (closed, so the draw shows), and four months of problems.
        var inspectorCtx = chainCtx
        inspectorCtx.user = User(username: "inspector", name: "演示督查员", unit: "县委督查室（演示）", role: .inspector, area: code)
        guard case .done(let visit) = try await SupervisionService.order(.init(kind: "暗访", title: "演示：脱贫攻坚暗访", team: "",
                                                                             start: today.adding(days: -60).description, end: today.adding(days: -55).description,
                                                                             area: code.value, method: ""), in: inspectorCtx) else {
            throw CommandFailure("演示数据（督查）未能创建", "the demo inspection was refused")
        }
        _ = try await SupervisionService.draw(visit.id!, villages: 30, households: 600, seed: options.seed, in: inspectorCtx)
        try await SupervisionService.close(visit.id!, in: inspectorCtx)
        let generated = GeneratedProblems.make(villages: try await InspectionStore.frame(under: code, on: ctx.db), county: code, rules: chainCtx.supervision,
                                               today: today, seed: options.seed, inspection: visit.id)
        let problems = try await SupervisionService.load(generated.map { item in
            (item.problem, item.steps.map { ProblemStore.Step(date: $0.date, username: $0.username, action: $0.action, note: $0.note, evidence: $0.evidence,
                                                              auditRecord: nil, state: $0.state) })
        }, in: chainCtx)
        // 月工作清单: four months of the county's tasks to its townships.
        let townships = Array(Set(try await InspectionStore.frame(under: code, on: ctx.db).compactMap { $0.code.ancestor(at: .township) }))
        let tasks = GeneratedWorkList.make(townships: try await AreaStore.names(of: townships, on: ctx.db), county: code, today: today, seed: options.seed)
        _ = try await SupervisionService.load(tasks.map { item in
            (item.problem, item.steps.map { ProblemStore.Step(date: $0.date, username: $0.username, action: $0.action, note: $0.note, evidence: $0.evidence,
                                                              auditRecord: nil, state: $0.state) })
        }, in: chainCtx)
        // 问责: the units of the three problems longest overdue are called in for a talk (约谈).
        for p in try await ProblemStore.worst(under: code, at: today, limit: 3, on: ctx.db) {
            _ = try await SupervisionService.holdToAccount(p.id!, .init(action: "约谈", basis: "整改逾期", unit: p.unit.isEmpty ? "县扶贫办" : p.unit, person: "",
                                                                        phone: "", date: today.description, note: "演示：逾期未整改，约谈单位负责人"), in: inspectorCtx)
        }
        // 分办: one problem not yet claimed is divided between two units, each with its own deadline.
        if let open = try await ProblemStore.board(.init(area: code, state: .unclaimed), limit: 1, offset: 0, on: ctx.db).problems.first, let id = open.id {
            _ = try await SupervisionService.step(id, .init(action: "divide", shares: [("乡镇人民政府", today.adding(days: 20).description),
                                                                                      ("县教育局", today.adding(days: 30).description)]), in: inspectorCtx)
        }
        // 资金项目: a year of sources, allocations, reimbursements (one township idle) and projects at every stage.
        let frame = try await InspectionStore.frame(under: code, on: ctx.db)
        let funds = try await FundsService.load(GeneratedFunds.make(villages: frame.map(\.code), county: code,
                                                                    households: Dictionary(uniqueKeysWithValues: frame.map { ($0.code, $0.households) }),
                                                                    today: today, seed: options.seed,
                                                                    townshipNames: try await AreaStore.names(of: townships, on: ctx.db)), in: chainCtx)
        // 到户资金: four departments' payment lists for 2020 with planted leaks, loaded as the departments send them.
        let homes = try await BenefitStore.homes(under: code, on: ctx.db)
        let lists = try GeneratedBenefits.write(homes: homes, county: code, year: options.year, seed: options.seed,
                                               to: directory.appendingPathComponent("benefits"))
        var payments = 0
        for (policy, url) in lists.files {
            payments += try await BenefitsService.load(BenefitFileReader.read(url, today: today), policy: policy, department: nil, file: url, county: code,
                                                       dryRun: false, in: chainCtx).changed
        }
        let kin = try await plantCadreKin(county: code, year: options.year, homes: homes, in: chainCtx)
        let leaks = try await BenefitsService.leaks(year: options.year, area: code, in: chainCtx).flags.count
        // 信息比对: the eight departments' files for 2020 with planted red flags.
        let departmentFiles = try GeneratedDepartmentFiles.write(homes: homes, county: code, year: options.year, seed: options.seed,
                                                                 to: directory.appendingPathComponent("departments"))
        for (kind, url) in departmentFiles.files {
            _ = try await MatchService.load(DepartmentFileReader.read(url, kind: kind, today: today), kind: kind, file: url, county: code, dryRun: false, in: chainCtx)
        }
        let matched = try await MatchService.match(year: options.year, area: code, in: chainCtx).flags.count
        // 户籍人口名单: the registered members and three times as many households off the register, a few of them 漏评.
        let roster = try GeneratedRoster.write(homes: homes, county: code, year: options.year, seed: options.seed,
                                               to: directory.appendingPathComponent("户籍人口名单.csv"))
        let rosterLoad = try await RosterService.load(RosterFileReader.read(roster.url, county: code, today: today), file: roster.url, county: code,
                                                      dryRun: false, in: ctx)
        guard rosterLoad.written else { throw CommandFailure("演示数据（户籍名单）未能导入：\(rosterLoad.issues.prefix(3).map(\.message))", "the demo roster did not load") }
        if let kin { note("干部亲属领取 / a cadre's household paid: 户 \(kin)（防漏疑点 公职人员或其亲属领取）") }
        note("户籍人口名单 / roster: \(roster.persons) 人 persons, \(roster.outside) 个卡外户 non-registered households (\(roster.planted.count) 户漏评 planted missed)")
        note("演示县已就绪 / demo county ready: \(loaded.households) 户, \(loaded.members) 人, \(villages) 个村 villages, \(plans) 项计划 plans, "
             + "\(chain.cadres.count) 名干部岗位 cadre posts, \(pairs.changed) 对结对 pairings, \(logs.changed) 条工作日志 work logs, \(measures) 项帮扶措施 plan measures, \(problems) 个问题 problems, \(tasks.count) 项月工作清单任务 work-list tasks, \(funds.projects) 个项目 projects, \(funds.allocations) 笔下达资金 allocations, \(payments) 笔到户资金 benefit payments（\(leaks) 个防漏疑点 leak flags）, \(matched) 个比对疑点 matching flags")
    }

    private func createAccountsIfAbsent(url: DatabaseURL, in ctx: ServiceContext) async throws {
        guard try await UserStore.count(on: ctx.db) == 0 else {
            note("演示库已有账号；忘记密码可用 tuopin user reset-password admin --db \(url) / accounts exist; reset with tuopin user reset-password admin")
            return
        }
        let password = Secrets.password()
        let hash = try Passwords.hash(password)
        let code = AreaCode(county)!
        // One account of each role that has something to do today, in the first township and village that hold households.
        let village = try await AreaService.tree(in: ctx).first.flatMap { firstVillage($0) }
        var users = [User(username: "admin", name: "演示管理员", unit: "系统管理（演示）", role: .administrator, area: nil),
                     User(username: "county", name: "演示县扶贫办", unit: "县扶贫办（演示）", role: .countyOffice, area: code),
                     User(username: "leader", name: "演示县领导", unit: "县委县政府（演示）", role: .leader, area: code),
                     User(username: "inspector", name: "演示督查组", unit: "县督查室（演示）", role: .inspector, area: code),
                     User(username: "evaluator", name: "演示评估员", unit: "预评估组（演示）", role: .evaluator, area: nil)]
        if let village {
            users.append(User(username: "township", name: "演示乡镇工作站", unit: "乡镇扶贫工作站（演示）", role: .townshipStation,
                              area: village.ancestor(at: .township)))
            users.append(User(username: "village", name: "演示驻村工作队", unit: "驻村工作队（演示）", role: .villageTeam, area: village))
        }
        // The cadre file names this account for its first helper: they see their households and log visits on 我的帮扶.
        if try await CadreStore.find(username: "cadre", on: ctx.db) != nil {
            users.append(User(username: "cadre", name: "演示帮扶干部", unit: "帮扶责任人（演示）", role: .cadre, area: nil))
        }
        for user in users {
            if case .rejected(let r) = try await UserService.add(user, passwordHash: hash, oneTime: false, in: ctx) {
                throw CommandFailure("演示账号未建立：\(r.faults.values.sorted().joined(separator: "；"))", "the demo accounts were not created")
            }
        }
        note("演示账号 / demo accounts: \(users.map { "\($0.username)（\($0.role.rawValue)）" }.joined(separator: "、"))，密码均为 / password for all: \(password)")
        print("登录 / sign in: admin / \(password)")
    }

    /// 县级预评估: a sample of the demo county drawn for the evaluator account, two thirds of it interviewed.
    private func createEvaluationIfAbsent(in ctx: ServiceContext) async throws {
        guard try await EvaluationStore.list(under: nil, on: ctx.db).isEmpty, try await UserStore.find(username: "evaluator", on: ctx.db) != nil else { return }
        let (year, seed): (Int, UInt64) = (2020, 2016)   // the demo county's year and seed (createCountyIfAbsent)
        let rushed = try await plantBurst(in: ctx)
        let amended = try await plantAmendment(in: ctx)
        let form = EvaluationService.Form(kind: "县级预评估", county: county, year: String(year), title: "\(year)年县级预评估（演示）",
                                          team: "evaluator", seed: String(seed), villages: "12", perVillage: "20,5,30")
        guard case .done(let e) = try await EvaluationService.create(form, in: ctx) else {
            throw CommandFailure("演示数据（预评估）未能创建", "the demo evaluation was refused")
        }
        let sample = try await EvaluationStore.sample(e.id!, on: ctx.db).map(\.pick)
        for a in GeneratedInterviews.make(sample, seed: seed) {
            _ = try await EvaluationService.interview(e.id!, sample: a.sample, .init(verdict: a.verdict.rawValue, date: "", note: a.note, approvals: a.approvals), in: ctx)
        }
        note("预评估 / pre-evaluation: \(sample.count) 户样本 sampled households; evaluator 账号可入户调查 / the evaluator account interviews; "
             + "\(rushed) 户评估前突击改数 households edited in a burst before it, \(amended) 户脱贫公告后改数 exit changed after its announcement (数字脱贫 pattern f)")
    }

    /// 评估前突击改数 (数字脱贫 pattern (f)): the county office's account corrects 24 households' phone numbers on the day
    /// the pre-evaluation is set up, as offices did the night before an assessment; `/match` lists them for 2020.
    private func plantBurst(in ctx: ServiceContext) async throws -> Int {
        guard let office = try await acting(as: "county", ctx) else { return 0 }
        var edited = 0
        for (id, _) in try await HouseholdStore.poor(under: AreaCode(county)!, in: 2020, on: ctx.db).prefix(24) {
            let detail = try await HouseholdService.find(id, in: office), phone = "1397780" + String(format: "%04d", edited)
            let form = HouseholdEditView.form(of: detail.household, version: detail.version, reason: "评估前核对联系电话（演示）") { $0[.phone] = phone }
            if case .done = try await HouseholdService.edit(id, form, in: office) { edited += 1 }
        }
        return edited
    }

    /// 脱贫公告后改数 (pattern (f), second half): the village account takes one still-poor household of its village that
    /// meets the 2020 standard through the exit procedure to 公告, the county office then adds wage income to its 2020
    /// record, and closes the exit (销号); `/match` lists it for 2020 with the day and the account.
    private func plantAmendment(in ctx: ServiceContext) async throws -> Int {
        guard let village = try await acting(as: "village", ctx), let area = village.user.area,
              let office = try await acting(as: "county", ctx) else { return 0 }
        for (id, _) in try await HouseholdStore.poor(under: area, in: 2020, on: ctx.db) {
            let before = try await HouseholdService.find(id, in: office).household
            guard before.exitYear == nil, HouseholdExitTest.evaluate(before, year: 2020, standard: ctx.standards).meets else { continue }
            let procedure = try await ProcedureService.start(.exit, household: id, in: village)
            for (step, day, who) in [(ProcedureStep.democraticReview, "2020-11-10", village), (.verification, "2020-11-12", village),
                                     (.householdConsent, "2020-11-12", village), (.posting, "2020-11-16", village), (.announcement, "2020-12-01", office)] {
                try await ProcedureService.take(step, procedure: procedure, on: LocalDate(iso: day)!, note: nil, in: who)
            }
            let detail = try await HouseholdService.find(id, in: office)
            var incomes = HouseholdEditView.incomeRows(detail.household, blank: 0)
            guard let row = incomes.firstIndex(where: { $0[.incomeYear] == "2020" }) else { return 0 }
            let wage = Double(incomes[row][.wageIncome] ?? "") ?? 0
            incomes[row][.wageIncome] = String(format: "%.2f", wage + 3000)
            var form = HouseholdEditView.form(of: detail.household, version: detail.version, reason: "补录务工收入（演示）")
            form.incomes = incomes
            guard case .done = try await HouseholdService.edit(id, form, in: office) else { return 0 }
            try await ProcedureService.take(.deregistration, procedure: procedure, on: LocalDate(iso: "2020-12-05")!, note: nil, in: office)
            return 1
        }
        return 0
    }

    /// `ctx` acting as a demo account, as when it signs in (the trail names the account, not 命令行); nil without it.
    private func acting(as username: String, _ ctx: ServiceContext) async throws -> ServiceContext? {
        guard let user = try await UserStore.find(username: username, on: ctx.db)?.user else { return nil }
        var acting = ctx
        acting.user = user
        acting.onCommandLine = false
        return acting
    }

    private func firstVillage(_ node: AreaNode) -> AreaCode? {
        if node.area.code.level == .village { return node.area.code }
        return node.children.lazy.compactMap(firstVillage).first
    }
}
