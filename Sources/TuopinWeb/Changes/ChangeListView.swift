import Foundation
import TuopinDomain
import TuopinStore

/// 变更申请 — the list of requests in the viewer's area, and one request with its before/after,
/// its steps and the actions the viewer may take.
public enum ChangeListView {
    public static func render(_ items: [ChangeRequestStore.Stored], waitingForMe: Bool = false, chrome: Layout.Chrome? = nil) -> HTML {
        let rows = items.map { s -> HTML in
            """
            <tr><td><a href="/changes/\(s.id)">#\(s.id)</a></td><td>\(s.request.kind.rawValue)</td>\
            <td>\(household(s))</td><td>\(s.names.village ?? s.request.area.value)</td>\
            <td>\(requester(s))</td><td>\(AuditSearchView.time(s.createdAt))</td><td>\(s.request.state.label)</td></tr>
            """
        }.joined(separator: "\n")
        let tabs: HTML = waitingForMe ? "<p><a href=\"/changes\">全部变更申请</a>　<b>待我审批</b></p>"
            : "<p><b>全部变更申请</b>　<a href=\"/changes?waiting=mine\">待我审批</a></p>"
        let body: HTML = tabs + (items.isEmpty ? "<p>没有变更申请。</p>" : """
            <table><thead><tr><th scope="col">编号</th><th scope="col">种类</th><th scope="col">户</th><th scope="col">村</th><th scope="col">申请人</th><th scope="col">提交时间</th><th scope="col">状态</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
        return Layout.page(title: waitingForMe ? "待我审批" : "变更申请", crumbs: [.init("首页", "/areas"), .init("变更申请")], chrome: chrome, body: body)
    }

    /// The household as a person names it: 户编号 and 户主, linked while it exists.
    static func household(_ s: ChangeRequestStore.Stored) -> HTML {
        let text = [s.names.householdNumber, s.names.head].compactMap { $0 }.joined(separator: " ")
        guard let id = s.householdID else { return "\(text)" }
        return "<a href=\"/households/\(id)\">\(text.isEmpty ? "户 \(id)" : text)</a>"
    }

    /// The requester by name and unit (the login where no account answers to it).
    static func requester(_ s: ChangeRequestStore.Stored) -> HTML {
        guard let name = s.names.requester else { return "\(s.request.requester)" }
        return "\(name)（\(s.names.requesterUnit ?? "")）"
    }
}
