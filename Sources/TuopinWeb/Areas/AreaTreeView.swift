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
                <p>帮扶干部请到 <a href="/my">我的帮扶</a>；第三方评估请到 <a href="/evaluations">评估</a> 查看本组的样本户。</p>
                <p class="muted">Your role sees no households yet: cadres see the households paired to them, evaluators the sampled ones.</p>
                """)
        }
        guard !m.roots.isEmpty else {
            return Layout.page(title: "区划与建档立卡户", crumbs: [.init("首页")], chrome: chrome, body: """
                <p>系统中还没有建档立卡户。请系统管理员导入本县的建档立卡数据后再查看。</p>
                <p class="muted">No households yet: the system administrator loads the county's registry file first.</p>
                """)
        }
        var rows: [HTML] = []
        func walk(_ node: AreaNode, depth: Int) {
            let indent = String(repeating: "　", count: depth)
            rows.append("""
                <tr><td>\(indent)<a href="/areas/\(node.area.code.value)">\(node.area.name)</a> <span class="muted">\(node.area.level.label)</span></td>\
                <td>\(node.area.code.prefix)</td>\(CountCells.cells(node.counts, area: node.area.code))</tr>

                """)
            if node.area.level < .township { node.children.forEach { walk($0, depth: depth + 1) } }
        }
        m.roots.forEach { walk($0, depth: 0) }
        return Layout.page(title: "区划与建档立卡户", crumbs: [.init("首页")], chrome: chrome, body: """
            <p class="muted">各级区划的建档立卡户数与人数（至乡镇；村见各乡镇页面）。</p>
            <table><thead><tr><th scope="col">区划</th><th scope="col">代码</th>\(CountCells.headers)</tr></thead>
            <tbody>\(rows)</tbody></table>
            """)
    }
}
