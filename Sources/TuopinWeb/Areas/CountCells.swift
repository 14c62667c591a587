import TuopinDomain
import TuopinStore

/// The count columns that area tables share.
enum CountCells {
    static let headers: HTML = "<th class=\"num\">户数</th><th class=\"num\">人数</th><th class=\"num\">未脱贫户</th><th class=\"num\">未脱贫人口</th><th class=\"num\">已脱贫户</th>"
        + HouseholdType.allCases.map { type -> HTML in "<th class=\"num\">\(type.rawValue)</th>" }.joined()

    static func cells(_ c: AreaCounts) -> HTML {
        let fixed = [c.households, c.persons, c.households(.notExited), c.persons(.notExited), c.households(.exited)]
        return (fixed + HouseholdType.allCases.map { c.households($0) }).map { n -> HTML in "<td class=\"num\">\(HTML.count(n))</td>" }.joined()
    }
}
