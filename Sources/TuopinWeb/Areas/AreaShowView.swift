import TuopinDomain
import TuopinStore

/// 区划页 — an area's counts, the areas under it, and its paged, searchable household list.
public enum AreaShowView {
    public struct Model: Sendable {
        public var lineage: [Area]
        public var node: AreaNode
        public var filter: HouseholdFilter
        public var page: Page<HouseholdSummary>
        public var canExport: Bool
        public var canEdit = false
        /// 贫困发生率 at the end of `indicatorYear` (villages and the areas above them).
        public var incidence: IncidenceIndicator?
        public var indicatorYear = 2020
        /// The county's latest evaluation whose results the viewer may see, for 错退率, 漏评率 and 认可度.
        public var evaluation: EvaluationFigures?
        /// 数据质量: findings of the validation rules under the area (nil: not shown).
        public var quality: Int?
        /// 信息比对: open department flags and paper-exit patterns of `indicatorYear` (county and township pages).
        public var flags: Int?
        /// 减贫计划 of `indicatorYear`: planned against exited (no exit test; that is on the targets page).
        public var targets: TargetProgress?
        /// 贫困村登记 of a village, and whether the viewer may edit it (with the CSRF token for the form).
        public var village: VillageStore.VillageRow?
        public var profileCSRF: String?
        /// The areas one level down against the year's plan (areas above villages).
        public var parts: [TargetProgress] = []
        /// The villages under the area with their incidence.
        public var villages: [VillageStore.VillageRow] = []
        public var years: [Int] = []
        public init(lineage: [Area], node: AreaNode, filter: HouseholdFilter, page: Page<HouseholdSummary>, canExport: Bool = false) {
            self.canExport = canExport
            self.lineage = lineage
            self.node = node
            self.filter = filter
            self.page = page
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let area = m.node.area
        let c = m.node.counts
        let base = "/areas/\(area.code.value)"
        func listed(_ status: HouseholdStatus?) -> String { base + HTML.query([("status", status?.rawValue)]) + "#households" }
        let stats = [("户数", c.households, listed(nil)), ("人数", c.persons, listed(nil)), ("未脱贫户", c.households(.notExited), listed(.notExited)),
                     ("未脱贫人口", c.persons(.notExited), listed(.notExited)), ("已脱贫户", c.households(.exited), listed(.exited)),
                     ("已脱贫人口", c.persons(.exited), listed(.exited))]
            .map { stat -> HTML in "<a class=\"stat\" href=\"\(stat.2)\"><b>\(HTML.count(stat.1))</b><span>\(stat.0)</span></a>" }
        var body: HTML = yearPicker(m)
        body += "<div class=\"stats\">\(stats)</div>"
        if let n = m.quality {
            let flags: HTML = m.flags.map { f -> HTML in
                "　信息比对：<a href=\"/match?year=\(m.indicatorYear)&area=\(area.code.value)\">\(m.indicatorYear)年 \(f) 个疑点待核实</a>"
            } ?? .empty
            body += "<p class=\"noprint\" id=\"quality-line\">数据质量：<a href=\"/quality?area=\(area.code.value)\">\(n == 0 ? "未发现问题" : "\(n) 条待核对")</a>\(flags)</p>"
        }
        body += targets(m)
        body += progressTable(m)
        body += indicators(m)
        body += villageTable(m)
        body += villageProfile(m)
        if !m.node.children.isEmpty {
            let rows = m.node.children.map { child -> HTML in
                "<tr><td><a href=\"/areas/\(child.area.code.value)\">\(child.area.name)</a></td><td>\(child.area.code.prefix)</td>\(CountCells.cells(child.counts, area: child.area.code))</tr>"
            }.joined(separator: "\n")
            body += "<h2>下级区划</h2><table><thead><tr><th scope=\"col\">区划</th><th scope=\"col\">代码</th>\(CountCells.headers)</tr></thead><tbody>\(rows)</tbody></table>"
        }
        body += "<h2 id=\"households\">建档立卡户</h2>" + filters(m)
        if m.canEdit && area.level == .village {
            body += "<p class=\"noprint\"><a href=\"/households/new?village=\(area.code.value)\">新增贫困户</a></p>"
        }
        if m.canExport {
            body += "<p class=\"noprint\">导出本区划（含个人信息，将记入痕迹）：<a href=\"\(base)/export/xlsx\">Excel</a> · <a href=\"\(base)/export/csv\">CSV</a></p>"
        }
        body += list(m)
        let crumbs = [Layout.Crumb("首页", "/areas")] + m.lineage.dropLast().map { Layout.Crumb($0.name, "/areas/\($0.code.value)") } + [Layout.Crumb(area.name)]
        return Layout.page(title: "\(area.name)（\(area.level.label)）", crumbs: crumbs, chrome: chrome, print: Layout.Print(), body: body)
    }

    /// 年度 — the year every figure of the page is for.
    static func yearPicker(_ m: Model) -> HTML {
        guard !m.years.isEmpty else { return .empty }
        let links = m.years.map { y -> HTML in
            y == m.indicatorYear ? "<b>\(y)</b>" : "<a href=\"/areas/\(m.node.area.code.value)?year=\(y)\">\(y)</a>"
        }
        return "<p class=\"noprint years\">年度：\(links.joined(separator: " "))</p>"
    }

    /// 各乡镇（村）减贫任务完成情况 — the year's plan against exits and the pending households, area by area, the
    /// furthest from its plan first; every count opens its households.
    static func progressTable(_ m: Model) -> HTML {
        guard !m.parts.isEmpty else { return .empty }
        let year = m.indicatorYear
        let names = Dictionary(m.node.children.map { ($0.area.code, $0.area.name) }, uniquingKeysWith: { a, _ in a })
        func shortfall(_ p: TargetProgress) -> Int { max(0, p.householdGap - p.meetingNotExited) }
        let sorted = m.parts.sorted { a, b in
            (shortfall(a), b.householdRate?.basisPoints ?? 100_00, a.notMeeting) > (shortfall(b), a.householdRate?.basisPoints ?? 100_00, b.notMeeting)
        }
        let rows = sorted.map { p -> HTML in
            let code = p.area
            let exited = "/areas/\(code.value)?exit_year=\(year)#households"
            let meets = ExitCheckView.link(code, year: year, VerdictFilter(outcome: .meets), households: "pending")
            let fails = ExitCheckView.link(code, year: year, VerdictFilter(outcome: .fails), households: "pending")
            return """
                <tr><td><a href="/areas/\(code.value)?year=\(year)">\(names[code] ?? code.prefix)</a></td>\
                <td class="num">\(p.target.map { HTML.count($0.households) } ?? "—")</td>\
                \(HTML.countCell(p.exitedHouseholds, href: exited))<td class="num">\(p.householdRate?.description ?? "—")</td>\
                \(HTML.countCell(p.meetingNotExited, href: meets))\
                \(HTML.countCell(p.notMeeting, href: fails))<td>\(p.outlook)</td></tr>
                """
        }
        let level = m.node.area.level == .township ? "各村" : "各乡镇"
        return """
            <h2>\(year)年\(level)减贫任务完成情况</h2>
            <p class="muted">差距大的在前。“达标待退出”为\(year)年末尚未脱贫但已达到脱贫标准、只差退出程序的户；“未达标”为尚未达到标准的户。点数字查看对应的户。</p>
            <table><thead><tr><th scope="col">区划</th><th scope="col" class="num">计划脱贫户数</th><th scope="col" class="num">已脱贫户数</th>\
            <th scope="col" class="num">完成率</th><th scope="col" class="num">达标待退出</th><th scope="col" class="num">未达标</th><th scope="col">研判</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <p><a href="/areas/\(m.node.area.code.value)/targets?year=\(year)">完成情况明细与下达计划</a>　\
            <a href="/areas/\(m.node.area.code.value)/exit?year=\(year)">逐户脱贫标准核验</a>　\
            <a href="/areas/\(m.node.area.code.value)/plan?year=\(year)">帮扶措施与工作进度表</a>　\
            <a href="/cadres?area=\(m.node.area.code.value)">干部名单</a></p>
            """
    }

    /// 各村贫困发生率 — the villages under the area, the highest incidence first.
    static func villageTable(_ m: Model) -> HTML {
        guard !m.villages.isEmpty else { return .empty }
        let shown = 30
        let sorted = m.villages.sorted { a, b in
            (a.indicator.incidence?.basisPoints ?? -1, a.indicator.poorRemaining) > (b.indicator.incidence?.basisPoints ?? -1, b.indicator.poorRemaining)
        }
        let rows = sorted.prefix(shown).map { v -> HTML in
            let i = v.indicator
            let met: HTML = i.isMet.map { $0 ? "<span class=\"ok\">达到</span>" : "<span class=\"bad\">未达到</span>" } ?? "<span class=\"muted\">户籍人口未录入</span>"
            return """
                <tr><td><a href="/areas/\(v.code.value)?year=\(m.indicatorYear)">\(v.name)</a></td><td>\(v.isPoorVillage.map(YesNo.label) ?? "—")</td>\
                <td class="num">\(i.population.map(HTML.count) ?? "—")</td>\
                \(HTML.countCell(i.poorRemaining, href: "/areas/\(v.code.value)?status=\(HouseholdStatus.notExited.rawValue)#households"))\
                <td class="num">\(i.incidence?.description ?? "—")</td><td>\(met)</td></tr>
                """
        }
        let more: HTML = m.villages.count > shown ? "<p class=\"muted\">共 \(m.villages.count) 个村，此处列出贫困发生率最高的 \(shown) 个。</p>" : .empty
        return """
            <h2>\(m.indicatorYear)年末各村贫困发生率（高的在前）</h2>
            <table><thead><tr><th scope="col">村</th><th scope="col">贫困村</th><th scope="col" class="num">户籍人口</th>\
            <th scope="col" class="num">未脱贫人口</th><th scope="col" class="num">贫困发生率</th><th scope="col">退出标准</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(more)
            """
    }

    static func options<V: Vocabulary>(_ type: V.Type, selected: V?) -> HTML {
        "<option value=\"\">全部</option>" + V.allCases.map { v -> HTML in
            "<option value=\"\(v.rawValue)\"\(v == selected ? " selected" : "")>\(v.rawValue)</option>"
        }.joined()
    }

    static func filters(_ m: Model) -> HTML {
        """
        <form class="filters" method="get" action="/areas/\(m.node.area.code.value)#households">
        <label>姓名、证件号码或户编号<input type="search" name="q" value="\(m.filter.search ?? "")" size="24"></label>
        <label>脱贫标志<select name="status">\(options(HouseholdStatus.self, selected: m.filter.status))</select></label>
        <label>贫困户属性<select name="type">\(options(HouseholdType.self, selected: m.filter.type))</select></label>
        <label>主要致贫原因<select name="cause">\(options(PovertyCause.self, selected: m.filter.cause))</select></label>
        \(m.filter.exitYear.map { y -> HTML in "<label>脱贫年度<input name=\"exit_year\" value=\"\(y)\" size=\"5\"></label>" }.orEmpty)
        <button type="submit">查询</button>
        </form>
        """
    }

    static func list(_ m: Model) -> HTML {
        let p = m.page
        guard !p.items.isEmpty else { return "<p>没有符合条件的户。 <span class=\"muted\">No households match.</span></p>" }
        let rows = p.items.map { h -> HTML in
            """
            <tr><td><a href="/households/\(h.id)">\(h.number)</a></td><td>\(h.headName ?? "—")</td>\
            <td>\(h.headIDNumber.map(IDMask.mask) ?? "")</td><td class="num">\(h.memberCount)</td>\
            <td>\(h.villageName ?? h.villageCode)</td><td>\(h.type)</td><td>\(h.mainCause)</td>\
            <td>\(h.status)\(h.exitYear.map { "（\($0)）" } ?? "")</td></tr>
            """
        }.joined(separator: "\n")
        return """
        <p class="muted">共 \(HTML.count(p.total)) 户，第 \(p.page)/\(p.pageCount) 页</p>
        <table class="households"><thead><tr><th scope="col">户编号</th><th scope="col">户主</th><th scope="col">证件号码</th><th scope="col" class="num">人口</th><th scope="col">村</th><th scope="col">贫困户属性</th><th scope="col">主要致贫原因</th><th scope="col">脱贫标志</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        \(pager(m))
        """
    }

    static func pager(_ m: Model) -> HTML {
        let base = "/areas/\(m.node.area.code.value)"
        func link(_ page: Int) -> String {
            base + HTML.query([("q", m.filter.search), ("status", m.filter.status?.rawValue), ("type", m.filter.type?.rawValue),
                               ("cause", m.filter.cause?.rawValue), ("exit_year", m.filter.exitYear.map(String.init)), ("page", String(page))])
                + "#households"
        }
        var parts: [HTML] = []
        if m.page.page > 1 { parts.append("<a href=\"\(link(m.page.page - 1))\">上一页</a>") }
        parts.append("<span>第 \(m.page.page) 页 / 共 \(m.page.pageCount) 页</span>")
        if m.page.page < m.page.pageCount { parts.append("<a href=\"\(link(m.page.page + 1))\">下一页</a>") }
        return "<div class=\"pager\">\(parts)</div>"
    }

    /// 退出指标 — the area's incidence against its threshold, and the way to the exit test of its households.
    static func indicators(_ m: Model) -> HTML {
        guard let i = m.incidence else { return .empty }
        let area = m.node.area
        let what = area.code.level == .village ? "贫困村退出" : (area.code.level == .county ? "贫困县退出（综合贫困发生率）" : "贫困发生率")
        let status: HTML = i.isMet.map { $0 ? "<span class=\"ok\">达到</span>" : "<span class=\"bad\">未达到</span>" } ?? "<span class=\"muted\">无法判断</span>"
        var rows: HTML = "<tr><td>\(what)</td><td class=\"num\">\(i.incidence?.description ?? "—")</td><td>\(i.threshold.describe(western: i.western))</td><td>\(status)</td>"
            + "<td>未脱贫 \(HTML.count(i.poorRemaining)) 人 ÷ 户籍人口 \(i.population.map(HTML.count) ?? "未录入（请在各村页面的“贫困村登记”中填写）")</td></tr>"
        if area.code.level == .county {
            let names = ["脱贫人口错退率", "贫困人口漏评率", "群众认可度", "综合贫困发生率（评估推算）"]
            if let e = m.evaluation {
                for (name, r) in zip(names, e.rates.all) {
                    let met: HTML = r.met.map { $0 ? "<span class=\"ok\">达到</span>" as HTML : "<span class=\"bad\">未达到</span>" as HTML } ?? "<span class=\"muted\">无数据</span>"
                    let value = r.estimate.plain.map(EvaluationRates.Rate.percent) ?? "—"
                    let bound = (r.mustStayBelow ? "< " : "≥ ") + EvaluationRates.Rate.percent(r.threshold)
                    rows += "<tr><td>\(name)</td><td class=\"num\">\(value)</td><td>\(bound)</td><td>\(met)</td><td><a href=\"/evaluations/\(e.id)\">\(e.title)</a>：\(r.sentence)</td></tr>"
                }
            } else {
                for name in names.prefix(3) {
                    rows += "<tr><td>\(name)</td><td class=\"num\">—</td><td></td><td><span class=\"muted\">无数据</span></td><td>尚无可公开结果的评估（<a href=\"/evaluations\">评估</a>）</td></tr>"
                }
            }
        }
        return """
            <h2>退出指标（\(m.indicatorYear)年末）</h2>
            <table><thead><tr><th scope="col">指标</th><th scope="col" class="num">数值</th><th scope="col">标准</th><th scope="col">结果</th><th scope="col">依据</th></tr></thead><tbody>\(rows)</tbody></table>
            <p><a href="/areas/\(area.code.value)/exit?year=\(m.indicatorYear)">逐户脱贫标准核验（\(m.indicatorYear)年）</a>　<a href="/areas/\(area.code.value)/monitoring?year=\(m.indicatorYear)">防返贫监测名单</a></p>
            """
    }

    /// 挂图作战 — the year's plan against exits so far, and the way to the full progress table.
    static func targets(_ m: Model) -> HTML {
        guard let p = m.targets else { return .empty }
        let code = m.node.area.code.value
        let link: HTML = "<a href=\"/areas/\(code)/targets?year=\(p.year)\">完成情况、达标待退出户与缺项</a>"
        guard let t = p.target else {
            return "<h2>\(p.year)年减贫计划</h2><p class=\"muted\">未下达计划。已脱贫 \(HTML.count(p.exitedHouseholds)) 户 \(HTML.count(p.exitedPersons)) 人。\(link)</p>"
        }
        let rows = [("脱贫户数", t.households, p.exitedHouseholds, p.householdRate), ("脱贫人数", t.persons, p.exitedPersons, p.personRate)]
            .map { r -> HTML in
                "<tr><td>\(r.0)</td><td class=\"num\">\(HTML.count(r.1))</td><td class=\"num\">\(HTML.count(r.2))</td><td class=\"num\">\(r.3?.description ?? "—")</td></tr>"
            }
        let villages = t.villages.map { v -> HTML in
            "<tr><td>出列村数</td><td class=\"num\">\(v)</td><td class=\"num\">\(p.exitedVillages)</td><td class=\"num\">\(Percent.ratio(p.exitedVillages, of: v)?.description ?? "—")</td></tr>"
        }
        let county = t.countyExitYear.map { y -> HTML in "<p>计划摘帽年度：\(y)年</p>" }
        return """
            <h2>\(p.year)年减贫计划（挂图作战）</h2>
            <table><thead><tr><th scope="col">项目</th><th scope="col" class="num">计划</th><th scope="col" class="num">已完成</th><th scope="col" class="num">完成率</th></tr></thead><tbody>\(rows)\(villages.orEmpty)</tbody></table>
            \(county.orEmpty)<p>\(link)</p>
            """
    }

    /// 贫困村登记 — the village's registered population, poor-village flag and exit year, editable by the county office.
    static func villageProfile(_ m: Model) -> HTML {
        guard m.node.area.code.level == .village else { return .empty }
        let v = m.village
        let population = v?.indicator.population
        let facts: HTML = "<p>户籍人口：\(population.map(HTML.count) ?? "未录入")　贫困村：\(v?.isPoorVillage.map(YesNo.label) ?? "未录入")　出列年度：\(v?.exitYear.map(String.init) ?? "—")</p>"
        guard let csrf = m.profileCSRF else { return "<h2>贫困村登记</h2>" + facts }
        func option(_ label: String) -> HTML { "<option\(v?.isPoorVillage.map(YesNo.label) == label ? " selected" : "")>\(label)</option>" }
        return """
            <h2>贫困村登记</h2>\(facts)
            <form method="post" action="/areas/\(m.node.area.code.value)/profile" class="noprint">
            <input type="hidden" name="_csrf" value="\(csrf)">
            <p><label>户籍人口 <input name="registered_population" value="\(population.map(String.init) ?? "")" size="7" inputmode="numeric"></label>
            <label>贫困村 <select name="poor_village">\(option("是"))\(option("否"))</select></label>
            <label>出列年度 <input name="exit_year" value="\(v?.exitYear.map(String.init) ?? "")" size="5"></label>
            <label>修改原因 <input name="reason" size="24"></label> <button type="submit">保存</button></p>
            </form>
            """
    }
}

