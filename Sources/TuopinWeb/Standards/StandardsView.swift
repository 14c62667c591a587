import TuopinDomain

/// 扶贫标准 — the standards in force, each figure with its source; unconfirmed figures are marked.
enum StandardsView {
    static func render(_ s: StandardSet, custom: Bool, chrome: Layout.Chrome?) -> HTML {
        func src(_ t: String) -> HTML { "<span class=\"muted\">\(t)</span>" }
        let lines = s.lines.keys.sorted().map { y -> HTML in
            let l = s.lines[y]!
            let confirmed: HTML = l.confirmed ? "已证实" : "<span class=\"warn\">待核实</span>"
            return "<tr><td>\(y)</td><td class=\"num\">\(l.amount.groupedYuan)</td><td>\(confirmed)</td><td>\(src(l.source))</td></tr>"
        }
        let checklists = s.checklists.map { p -> HTML in
            "<tr><td>\(p.fromYear)年起</td><td>\(p.items.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、"))</td><td>\(src(p.source))</td></tr>"
        }
        let overlays = s.overlays.values.sorted { $0.province < $1.province }.map { o -> HTML in
            "<tr><td>\(o.province) \(o.provinceName)</td><td>\(o.title)</td><td>\(o.adds.map(\.label).joined(separator: "、"))</td><td>\(src(o.source))</td></tr>"
        }
        func rate(_ name: String, _ r: RateThreshold) -> HTML {
            "<tr><td>\(name)</td><td>\(r.describe(western: false))</td><td>\(r.western.map { _ in r.describe(western: true) } ?? "同左")</td><td>\(src(r.source))</td></tr>"
        }
        let overlayTable: HTML = overlays.isEmpty ? "<p class=\"muted\">无。</p>"
            : "<table><thead><tr><th scope=\"col\">省份</th><th scope=\"col\">名称</th><th scope=\"col\">增加项目</th><th scope=\"col\">来源</th></tr></thead><tbody>\(overlays)</tbody></table>"
        let body: HTML = """
            <p>\(custom ? "本系统使用本地部署的扶贫标准文件（TUOPIN_STANDARDS）。" : "本系统使用随程序提供的扶贫标准文件。")如需更换标准，请联系系统管理员；“待核实”的数字没有找到官方来源，使用前请核对。</p>
            <h2>国家扶贫标准（元/人·年，现行价）</h2>
            <table><thead><tr><th scope="col">年度</th><th scope="col" class="num">标准</th><th scope="col">核实</th><th scope="col">来源</th></tr></thead><tbody>\(lines)</tbody></table>
            <h2>贫困户退出检查项目</h2>
            <table><thead><tr><th scope="col">适用</th><th scope="col">项目</th><th scope="col">来源</th></tr></thead><tbody>\(checklists)</tbody></table>
            <h2>省级地方标准（增加项目）</h2>
            \(overlayTable)
            <h2>贫困村、贫困县退出指标</h2>
            <table><thead><tr><th scope="col">指标</th><th scope="col">一般地区</th><th scope="col">西部地区</th><th scope="col">来源</th></tr></thead><tbody>
            \(rate("贫困村：贫困发生率", s.villageIncidence))\(rate("贫困县：综合贫困发生率", s.countyIncidence))\(rate("贫困县：脱贫人口错退率", s.wrongExitRate))\
            \(rate("贫困县：贫困人口漏评率", s.missedRate))\(rate("贫困县：群众认可度", s.recognitionRate))
            </tbody></table>
            <p>西部地区（省代码）：\(s.westernProvinces.sorted().joined(separator: "、")) \(src(s.westernSource))</p>
            <h2>程序与监测</h2>
            <dl class="facts"><dt>公示最短天数</dt><dd>\(s.postingDays) 天 \(src(s.postingSource))</dd>
            <dt>防返贫监测</dt><dd>人均纯收入低于扶贫标准 \(String(Percent(basisPoints: s.monitoringMultiple).description.dropLast())) 倍，或较上年下降 \(s.monitoringIncomeDrop) 及以上 \(src(s.monitoringSource))</dd></dl>
            """
        return Layout.page(title: "扶贫标准", crumbs: [Layout.Crumb("首页", "/areas"), Layout.Crumb("扶贫标准")], chrome: chrome, body: body)
    }
}
