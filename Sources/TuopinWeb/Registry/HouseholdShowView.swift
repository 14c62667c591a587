import Foundation
import TuopinDomain
import TuopinStore

/// 户页 — a household: its facts, members, and income by year beside that year's poverty line.
public enum HouseholdShowView {
    public struct Model: Sendable {
        public var detail: HouseholdDetail
        public var lineage: [Area]
        /// Ages are given on this day.
        public var today: LocalDate
        /// Whole ID numbers and phone (roles with that permission); masked otherwise.
        public var showFullIdentity: Bool
        /// 痕迹 — the audit records of this household, newest first.
        public var history: [AuditQuery.Record]
        public var canEdit: Bool
        /// The session's CSRF token, for the forms on the page.
        public var csrf: String?
        /// The exit test for one year, with its evidence, and the years one may pick.
        public var verdict: ExitVerdict?
        public var verdictYears: [Int]
        public var standards: StandardSet
        /// 防返贫监测: the rules' finding for the verdict's year, and the hardships recorded.
        public var monitoring: MonitoringCheck.Finding?
        public var hardships: [Hardship] = []
        /// A hardship form sent back with its faults: what was typed stays in the form.
        var hardshipDraft: HouseholdMonitoringSection.Draft?
        public var canRunProcedures = false
        /// Whole numbers are masked for now: an import is writing (the view could not be recorded at once).
        public var identityHeldBack = false
        public var historyNames = AuditNames()
        /// 帮扶责任人 and 走访记录 (the responsibility chain).
        public var help: HTML = .empty
        /// 帮扶行动计划, shown after the exit verdict.
        public var plan: HTML = .empty
        /// 防漏表: the benefits the household's members received, by year.
        public var ledger: HTML = .empty
        /// 督查问题 concerning the household.
        public var problems: HTML = .empty
        /// 比对与数据质量: the household's open flags (empty for roles that do not see them).
        public var flags: HTML = .empty
        /// 程序办理: the household's procedures and status history.
        var procedures: HouseholdProceduresSection.Model?
        public init(detail: HouseholdDetail, lineage: [Area], today: LocalDate, showFullIdentity: Bool = true, history: [AuditQuery.Record] = [],
                    canEdit: Bool = false, csrf: String? = nil, verdict: ExitVerdict? = nil, verdictYears: [Int] = [],
                    standards: StandardSet) {
            self.verdict = verdict
            self.verdictYears = verdictYears
            self.standards = standards
            self.canEdit = canEdit
            self.csrf = csrf
            self.detail = detail
            self.lineage = lineage
            self.today = today
            self.showFullIdentity = showFullIdentity
            self.history = history
        }
    }

    static func yn(_ b: Bool?) -> HTML { b.map { $0 ? "是" : "<span class=\"bad\">否</span>" } ?? "<span class=\"muted\">未填</span>" }
    static func text(_ s: String?) -> HTML { s.map(HTML.text) ?? "<span class=\"muted\">未填</span>" }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let h = m.detail.household
        let village: HTML = "\(m.detail.villageName ?? h.villageCode.value)"
            + (m.detail.villageName?.contains(h.villageCode.value) == false ? " <span class=\"muted\">\(h.villageCode.value)</span>" : .empty)
        let facts: [(String, HTML)] = [
            ("户编号", "\(h.number)"), ("户主", text(h.head?.name)), ("所在村", village),
            ("贫困户属性", "\(h.type.rawValue)"), ("识别标准", "\(h.standard.rawValue)"),
            ("主要致贫原因", "\(h.mainCause.rawValue)"),
            ("其他致贫原因", h.otherCauses.isEmpty ? "<span class=\"muted\">无</span>" : "\(h.otherCauses.map(\.rawValue).joined(separator: "、"))"),
            ("识别年度", "\(h.identifiedYear)"), ("脱贫标志", "\(h.status.rawValue)\(h.exitYear.map { "（\($0)年）" } ?? "")"),
            ("住房安全等级", text(h.housingGrade?.rawValue)), ("危房已改造或已搬迁", yn(h.housingResolved)),
            ("不愁吃", yn(h.foodSecure)), ("不愁穿", yn(h.clothingSecure)), ("饮水安全", yn(h.waterSafe)),
            ("通生活用电", yn(h.powerSupplied)), ("通广播电视", yn(h.broadcastReception)),
            ("联系电话", text(m.showFullIdentity ? h.phone : h.phone.map(IDMask.phone))), ("数据版本", "第 \(m.detail.version) 版"),
        ]
        var body: HTML = m.canEdit ? "<p class=\"noprint\"><a href=\"/households/\(m.detail.id)/edit\">修改户信息</a></p>" : .empty
        if m.identityHeldBack {
            body += "<p class=\"notice noprint\" role=\"status\">正在导入建档立卡数据：查看完整证件号码须留痕，导入结束后刷新本页即可查看；此时以隐去部分显示。</p>"
        }
        body += "<dl class=\"facts\">" + facts.map { f -> HTML in "<dt>\(f.0)</dt><dd>\(f.1)</dd>" }.joined() + "</dl>"
        body += verdict(m)
        body += m.plan
        body += m.ledger
        body += m.problems
        body += m.flags
        body += HouseholdMonitoringSection.render(householdID: m.detail.id, year: m.verdict?.year, finding: m.monitoring, hardships: m.hardships,
                                                  canRecord: m.canRunProcedures, csrf: m.csrf, today: m.today, draft: m.hardshipDraft)
        body += m.procedures.map(HouseholdProceduresSection.render) ?? .empty
        body += members(m)
        body += incomes(h, standards: m.standards)
        body += m.help
        body += history(m)
        if m.canEdit, let csrf = m.csrf {
            body += """
                <h2>删除此户</h2>
                <form class="filters" method="post" action="/households/\(m.detail.id)/remove">
                <input type="hidden" name="_csrf" value="\(csrf)">
                <label>原因（错评剔除、自然销户等，必填）<input name="reason" size="40" required></label>
                <button type="submit">申请删除</button>
                </form>
                """
        }
        let crumbs = [Layout.Crumb("首页", "/areas")] + m.lineage.map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb(h.number)]
        return Layout.page(title: "\(h.head?.name ?? h.number) 户", crumbs: crumbs, chrome: chrome,
                           print: Layout.Print(signatures: ["户主签字", "帮扶责任人签字", "村委会（盖章）", "日期"]), body: body)
    }

    static func members(_ m: Model) -> HTML {
        let rows = m.detail.household.members.map { p -> HTML in
            """
            <tr><td>\(p.name)</td><td>\(p.relation.rawValue)</td><td>\(m.showFullIdentity ? p.id.registryText : IDMask.mask(p.id.registryText))</td>\
            <td>\(p.sex.rawValue)</td><td class="num">\(p.birthDate.age(on: m.today))</td><td>\(text(p.ethnicity?.rawValue))</td>\
            <td>\(text(p.education?.rawValue))</td><td>\(text(p.schooling?.rawValue))</td><td>\(text(p.health?.rawValue))</td>\
            <td>\(text(p.labour?.rawValue))</td><td>\(text(p.workPlace?.rawValue))\(p.workMonths.map { " \($0)个月" } ?? "")</td>\
            <td>\(yn(p.medicalInsurance))</td><td>\(yn(p.pensionInsurance))</td></tr>
            """
        }.joined(separator: "\n")
        return """
        <h2>家庭成员（\(m.detail.household.members.count)人）</h2>
        <table><thead><tr><th scope="col">姓名</th><th scope="col">与户主关系</th><th scope="col">证件号码</th><th scope="col">性别</th><th scope="col" class="num">年龄</th><th scope="col">民族</th><th scope="col">文化程度</th>\
        <th scope="col">在校生状况</th><th scope="col">健康状况</th><th scope="col">劳动技能</th><th scope="col">务工状况</th><th scope="col">基本医疗保险</th><th scope="col">基本养老保险</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    static func history(_ m: Model) -> HTML {
        let imported = m.detail.lastImport.map { i -> HTML in
            "<p>最近一次由 <b>\(AuditSearchView.actor(i.actor, m.historyNames))</b> 于 \(AuditSearchView.time(i.at)) 导入文件 <b>\(i.file)</b> 写入（第 \(m.detail.version) 版）。</p>"
        }
        let table: HTML = m.history.isEmpty ? "<p class=\"muted\">暂无针对本户的操作记录。</p>"
            : AuditSearchView.table(m.history, masked: !m.showFullIdentity, names: m.historyNames)
        return "<section class=\"noprint\"><h2>变更记录（痕迹）</h2>" + imported.orEmpty + table + "</section>"
    }

    /// 脱贫标准核验 — each item of the checklist with what the registry shows.
    static func verdict(_ m: Model) -> HTML {
        guard let v = m.verdict else { return .empty }
        let years = m.verdictYears.map { y -> HTML in
            y == v.year ? "<b>\(y)</b>" : "<a href=\"/households/\(m.detail.id)?year=\(y)\">\(y)</a>"
        }.joined(separator: " ")
        let rows = v.items.map { i -> HTML in
            let result: HTML = i.met ? "<span class=\"ok\">达标</span>" : "<span class=\"bad\">未达标</span>"
            return "<tr><td>\(i.item.label)</td><td>\(result)</td><td>\(i.evidence.text)</td></tr>"
        }
        let conclusion: HTML = v.meets ? "<span class=\"ok\">达标</span>"
            : "<span class=\"bad\">未达标</span>（未达标项：\(v.missing.map(\.label).joined(separator: "、"))）"
        let yearLinks: HTML = m.verdictYears.isEmpty ? .empty : "　年度：" + years
        return """
            <h2>脱贫标准核验（\(v.year)年，参照日 \(v.referenceDate)）</h2>
            <p>结论：\(conclusion)\(yearLinks)　<a href="/standards">查看扶贫标准</a></p>
            <table><thead><tr><th scope="col">项目</th><th scope="col">结果</th><th scope="col">佐证</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    static func incomes(_ h: Household, standards: StandardSet) -> HTML {
        guard !h.incomes.isEmpty else { return "<h2>家庭收入</h2><p class=\"muted\">没有收入记录。</p>" }
        func m(_ v: Money?) -> String { v.map(\.groupedYuan) ?? "—" }
        let rows = h.incomes.reversed().map { i -> HTML in
            let per = i.perCapita(memberCount: h.members.count)
            let line = standards.line(for: i.year)
            var verdict: HTML = "<span class=\"muted\">无当年标准</span>"
            if let per, let line {
                let above = per > line.amount
                verdict = (above ? "<span class=\"ok\">高于</span>" : "<span class=\"bad\">未超过</span>")
                    + " \(line.amount.groupedYuan) 元" + (line.confirmed ? .empty : " <span class=\"warn\" title=\"\(line.source)\">（标准待核实）</span>")
            }
            return """
            <tr><td>\(i.year)</td><td class="num">\(m(i.wage))</td><td class="num">\(m(i.business))</td><td class="num">\(m(i.property))</td>\
            <td class="num">\(m(i.transfer))</td><td class="num">\(m(i.businessExpense))</td><td class="num">\(i.net.groupedYuan)</td>\
            <td class="num"><b>\(per.map(\.groupedYuan) ?? "—")</b></td><td>\(verdict)</td></tr>
            """
        }.joined(separator: "\n")
        return """
        <h2>家庭收入（元）</h2>
        <table><thead><tr><th scope="col">年度</th><th scope="col" class="num">工资性收入</th><th scope="col" class="num">生产经营性收入</th><th scope="col" class="num">财产性收入</th>\
        <th scope="col" class="num">转移性收入</th><th scope="col" class="num">生产经营性支出</th><th scope="col" class="num">家庭纯收入</th><th scope="col" class="num">人均纯收入</th><th scope="col">对照当年国家扶贫标准</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <p class="muted">人均纯收入 =（工资性 + 生产经营性 + 财产性 + 转移性收入 − 生产经营性支出）÷ 家庭人口 \(h.members.count) 人。</p>
        """
    }
}
