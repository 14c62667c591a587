import Foundation
import TuopinDomain
import TuopinStore

/// 变更申请 — the list of requests in the viewer's area, and one request with its before/after,
/// its steps and the actions the viewer may take.
public enum ChangeListView {
    public static func render(_ items: [ChangeRequestStore.Stored], chrome: Layout.Chrome? = nil) -> String {
        let rows = items.map { s in
            """
            <tr><td><a href="/changes/\(s.id)">#\(s.id)</a></td><td>\(HTML.escape(s.request.kind.rawValue))</td>\
            <td>\(s.householdID.map { "<a href=\"/households/\($0)\">户 \($0)</a>" } ?? "")</td><td>\(HTML.escape(s.request.area.value))</td>\
            <td>\(HTML.escape(s.request.requester))</td><td>\(AuditSearchView.time(s.createdAt))</td><td>\(HTML.escape(s.request.state.label))</td></tr>
            """
        }.joined(separator: "\n")
        let body = items.isEmpty ? "<p>没有变更申请。</p>" : """
            <table><thead><tr><th>编号</th><th>种类</th><th>户</th><th>区划</th><th>申请人</th><th>提交时间</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return Layout.page(title: "变更申请", crumbs: [.init("首页", "/areas"), .init("变更申请")], chrome: chrome, body: body)
    }
}

public enum ChangeShowView {
    public struct Model: Sendable {
        public var stored: ChangeRequestStore.Stored
        public var csrf: String
        public var canDecide: Bool
        public var canWithdraw: Bool
        public var message: String?
        public init(stored: ChangeRequestStore.Stored, csrf: String, canDecide: Bool, canWithdraw: Bool, message: String? = nil) {
            self.stored = stored
            self.csrf = csrf
            self.canDecide = canDecide
            self.canWithdraw = canWithdraw
            self.message = message
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> String {
        let r = m.stored.request
        let keys = Set(r.before.keys).union(r.after.keys).sorted()
        let diff = keys.map { k in
            "<tr><td>\(HTML.escape(k))</td><td>\(HTML.escape(r.before[k] ?? ""))</td><td><b>\(HTML.escape(r.after[k] ?? ""))</b></td></tr>"
        }.joined()
        let steps = r.steps.map { s in
            "<tr><td>\(AuditSearchView.time(s.at))</td><td>\(HTML.escape(s.actor))</td><td>\(HTML.escape(s.role.rawValue))</td><td>\(HTML.escape(s.decision.rawValue))</td><td>\(HTML.escape(s.note ?? ""))</td></tr>"
        }.joined()
        let hidden = "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(m.csrf))\">"
        var actions = ""
        if m.canDecide {
            actions += """
                <form class="filters" method="post" action="/changes/\(m.stored.id)/approve">\(hidden)<label>意见<input name="note" size="30"></label><button type="submit">同意</button></form>
                <form class="filters" method="post" action="/changes/\(m.stored.id)/return">\(hidden)<label>退回原因（必填）<input name="reason" size="30"></label><button type="submit">退回</button></form>
                """
        }
        if m.canWithdraw {
            actions += "<form class=\"filters\" method=\"post\" action=\"/changes/\(m.stored.id)/withdraw\">\(hidden)<button type=\"submit\">撤回申请</button></form>"
        }
        let body = """
            \(m.message.map { "<p class=\"bad\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
            <dl class="facts"><dt>种类</dt><dd>\(HTML.escape(r.kind.rawValue))</dd><dt>状态</dt><dd>\(HTML.escape(r.state.label))</dd>
            <dt>申请人</dt><dd>\(HTML.escape(r.requester))</dd><dt>原因</dt><dd>\(HTML.escape(r.reason))</dd>
            <dt>附件</dt><dd>\(HTML.escape(r.attachments.joined(separator: "、")))</dd><dt>户</dt><dd>\(m.stored.householdID.map { "<a href=\"/households/\($0)\">户 \($0)</a>（申请时第 \(m.stored.baseVersion) 版）" } ?? "")</dd></dl>
            <h2>修改前后</h2><table><thead><tr><th>项目</th><th>修改前</th><th>修改后</th></tr></thead><tbody>\(diff)</tbody></table>
            <h2>办理过程</h2><table><thead><tr><th>时间</th><th>办理人</th><th>角色</th><th>办理</th><th>意见</th></tr></thead><tbody>\(steps)</tbody></table>
            \(actions)
            """
        return Layout.page(title: "变更申请 #\(m.stored.id)", crumbs: [.init("首页", "/areas"), .init("变更申请", "/changes"), .init("#\(m.stored.id)")],
                           chrome: chrome, body: body)
    }
}
