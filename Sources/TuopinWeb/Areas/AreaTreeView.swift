import TuopinStore

/// 区划树 — every area holding households, with its counts, from the provinces down.
public enum AreaTreeView {
    public struct Model: Sendable {
        public var roots: [AreaNode]
        /// The viewer's role sees no households yet (a cadre before pairings, an evaluator before sampling).
        public var scopeIsEmpty: Bool
        public init(roots: [AreaNode], scopeIsEmpty: Bool = false) {
            self.roots = roots
            self.scopeIsEmpty = scopeIsEmpty
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        if m.scopeIsEmpty {
            return Layout.page(title: "区划与建档立卡户", crumbs: [.init("首页")], chrome: chrome, body: """
                <p>您的角色目前没有可查看的户：帮扶干部在结对后、第三方评估在抽样后才能看到对应的户。</p>
                <p class="muted">Your role sees no households yet: cadres see the households paired to them, evaluators the sampled ones.</p>
                """)
        }
        guard !m.roots.isEmpty else {
            return Layout.page(title: "区划与建档立卡户", crumbs: [.init("首页")], chrome: chrome, body: """
                <p>数据库中还没有建档立卡户。用 <code>tuopin import 文件.csv</code> 导入，或用 <code>tuopin demo</code> 生成演示县。</p>
                <p class="muted">No households yet: load a file with <code>tuopin import FILE</code>.</p>
                """)
        }
        var rows: [HTML] = []
        func walk(_ node: AreaNode, depth: Int) {
            let indent = String(repeating: "　", count: depth)
            rows.append("""
                <tr><td>\(indent)<a href="/areas/\(node.area.code.value)">\(node.area.name)</a> <span class="muted">\(node.area.level.label)</span></td>\
                <td>\(node.area.code.prefix)</td>\(CountCells.cells(node.counts))</tr>

                """)
            if node.area.level < .township { node.children.forEach { walk($0, depth: depth + 1) } }
        }
        m.roots.forEach { walk($0, depth: 0) }
        return Layout.page(title: "区划与建档立卡户", crumbs: [.init("首页")], chrome: chrome, body: """
            <p class="muted">各级区划的建档立卡户数与人数（至乡镇；村见各乡镇页面）。</p>
            <table><thead><tr><th>区划</th><th>代码</th>\(CountCells.headers)</tr></thead>
            <tbody>\(rows)</tbody></table>
            """)
    }
}
