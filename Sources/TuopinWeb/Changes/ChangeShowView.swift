import Foundation
import TuopinDomain
import TuopinStore

/// 变更申请 — one request with its before/after, its steps and the actions the viewer may take.
public enum ChangeShowView {
    public struct Model: Sendable {
        public var stored: ChangeRequestStore.Stored
        public var csrf: String
        public var canDecide: Bool
        public var canWithdraw: Bool
        public var message: String?
        /// ID numbers and phones in the request's fields are masked (roles without 查看完整证件号码).
        public var masked = false
        /// "姓名（单位）" by login, for the steps.
        public var actors: [String: String] = [:]
        public var attachments: [Attachment] = []
        public var canAttach = false
        public var uploadLimit = AttachmentRules()
        public var filesFault: String?
        public init(stored: ChangeRequestStore.Stored, csrf: String, canDecide: Bool, canWithdraw: Bool, message: String? = nil) {
            self.stored = stored
            self.csrf = csrf
            self.canDecide = canDecide
            self.canWithdraw = canWithdraw
            self.message = message
        }
    }

    public static func render(_ m: Model, chrome: Layout.Chrome? = nil) -> HTML {
        let r = m.stored.request
        let keys = Set(r.before.keys).union(r.after.keys).sorted()
        let masked = m.masked
        let shown: (String) -> String = { masked ? IDMask.maskText($0) : $0 }
        let diff = keys.map { k -> HTML in
            "<tr><td>\(k)</td><td>\(shown(r.before[k] ?? ""))</td><td><b>\(shown(r.after[k] ?? ""))</b></td></tr>"
        }
        let steps = r.steps.map { s -> HTML in
            "<tr><td>\(AuditSearchView.time(s.at))</td><td>\(m.actors[s.actor] ?? s.actor)</td><td>\(s.role.rawValue)</td><td>\(s.decision.rawValue)</td><td>\(s.note ?? "")</td></tr>"
        }
        let hidden: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(m.csrf)\">"
        var actions: HTML = .empty
        if m.canDecide {
            actions += """
                <form class="filters" method="post" action="/changes/\(m.stored.id)/approve">\(hidden)<label>意见<input name="note" size="30"></label><button type="submit">同意</button></form>
                <form class="filters" method="post" action="/changes/\(m.stored.id)/return">\(hidden)<label>退回原因（必填）<input name="reason" size="30"></label><button type="submit">退回</button></form>
                """
        }
        if m.canWithdraw {
            actions += "<form class=\"filters\" method=\"post\" action=\"/changes/\(m.stored.id)/withdraw\">\(hidden)<button type=\"submit\">撤回申请</button></form>"
        }
        let message = m.message.map { text -> HTML in "<p class=\"bad\" role=\"alert\">\(text)</p>" }
        let household: HTML? = m.stored.householdID == nil && m.stored.names.householdNumber == nil ? nil
            : ChangeListView.household(m.stored) + "（\(m.stored.names.village ?? m.stored.request.area.value)，申请时第 \(m.stored.baseVersion) 版）"
        let body: HTML = """
            \(message.orEmpty)
            <dl class="facts"><dt>种类</dt><dd>\(r.kind.rawValue)</dd><dt>状态</dt><dd>\(r.state.label)</dd>
            <dt>申请人</dt><dd>\(ChangeListView.requester(m.stored))</dd><dt>原因</dt><dd>\(r.reason)</dd>
            <dt>附件名称</dt><dd>\(r.attachments.isEmpty ? "—" : r.attachments.joined(separator: "、"))</dd><dt>户</dt><dd>\(household.orEmpty)</dd></dl>
            <h2>修改前后</h2><table><thead><tr><th scope="col">项目</th><th scope="col">修改前</th><th scope="col">修改后</th></tr></thead><tbody>\(diff)</tbody></table>
            <h2>办理过程</h2><table><thead><tr><th scope="col">时间</th><th scope="col">办理人</th><th scope="col">角色</th><th scope="col">办理</th><th scope="col">意见</th></tr></thead><tbody>\(steps)</tbody></table>
            <h2>证明材料</h2>
            \(AttachmentViews.list(m.attachments))
            \(m.canAttach ? """
                <form class="stack noprint" method="post" action="/changes/\(m.stored.id)/attachments" enctype="multipart/form-data" id="change-files">\(hidden)
                \(AttachmentViews.input(m.uploadLimit, label: "上传证明材料（照片或 PDF）", fault: m.filesFault))<button type="submit">上传</button></form>
                """ as HTML : .empty)
            \(actions)
            """
        return Layout.page(title: "变更申请 #\(m.stored.id)", crumbs: [.init("首页", "/areas"), .init("变更申请", "/changes"), .init("#\(m.stored.id)")],
                           chrome: chrome, body: body)
    }
}
