import Foundation
import TuopinDomain
import TuopinStore

/// 变更申请 — the list of requests in the viewer's area, and one request with its before/after,
/// its steps and the actions the viewer may take.
public enum ChangeListView {
    public static func render(_ items: [ChangeRequestStore.Stored], chrome: Layout.Chrome? = nil) -> HTML {
        let rows = items.map { s -> HTML in
            let household = s.householdID.map { id -> HTML in "<a href=\"/households/\(id)\">户 \(id)</a>" }
            return """
            <tr><td><a href="/changes/\(s.id)">#\(s.id)</a></td><td>\(s.request.kind.rawValue)</td>\
            <td>\(household.orEmpty)</td><td>\(s.request.area.value)</td>\
            <td>\(s.request.requester)</td><td>\(AuditSearchView.time(s.createdAt))</td><td>\(s.request.state.label)</td></tr>
            """
        }.joined(separator: "\n")
        let body: HTML = items.isEmpty ? "<p>没有变更申请。</p>" : """
            <table><thead><tr><th>编号</th><th>种类</th><th>户</th><th>区划</th><th>申请人</th><th>提交时间</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return Layout.page(title: "变更申请", crumbs: [.init("首页", "/areas"), .init("变更申请")], chrome: chrome, body: body)
    }
}
