import TuopinDomain
import TuopinServices

/// 防漏表 on the household page — every benefit its members received, by year, beside its plan and exit verdict:
/// policy, person, amount, date, paying department.
enum HouseholdLedgerSection {
    static func render(_ ledger: BenefitsService.Ledger, names: [String: String]) -> HTML {
        guard !ledger.years.isEmpty else {
            return "<section id=\"ledger\"><h2>到户资金（防漏表）</h2><p class=\"muted\">还没有导入发给本户成员的资金。</p></section>"
        }
        let years = ledger.years.map { y -> HTML in
            let rows = y.payments.map { p -> HTML in
                "<tr><td>\(p.date.description)</td><td>\(ledger.names[p.policy] ?? p.policy)</td><td>\(names[p.idNumber] ?? p.name)</td><td class=\"num\">\(p.amount.compactYuan)</td><td>\(p.department)</td></tr>"
            }.joined(separator: "\n")
            return """
                <h3>\(y.year)年：\(y.payments.count) 笔，合计 \(y.total.compactYuan) 元</h3>
                <div class="scroll"><table><thead><tr><th scope="col">发放日期</th><th scope="col">政策</th><th scope="col">领取人</th><th scope="col">金额（元）</th><th scope="col">发放部门</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """
        }.joined(separator: "\n")
        return "<section id=\"ledger\"><h2>到户资金（防漏表）</h2>\(years)</section>"
    }
}
