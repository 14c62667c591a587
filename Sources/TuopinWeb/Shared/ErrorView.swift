/// An error page in Chinese and English.
public enum ErrorView {
    public static func render(status: Int, message: String) -> HTML {
        let title = status == 404 ? "找不到页面" : status < 500 ? "请求有误" : "系统出错"
        return Layout.page(title: title, crumbs: [.init("首页", "/areas")], body: """
            <p>\(message)</p><p class="muted">HTTP \(status) · <a href="/areas">返回首页</a></p>
            """)
    }
}
