import TuopinDomain
import TuopinStore

/// The count columns that area tables share.
enum CountCells {
    static let headers = "<th class=\"num\">户数</th><th class=\"num\">人数</th><th class=\"num\">未脱贫户</th><th class=\"num\">未脱贫人口</th><th class=\"num\">已脱贫户</th>"
        + HouseholdType.allCases.map { "<th class=\"num\">\(HTML.escape($0.rawValue))</th>" }.joined()

    static func cells(_ c: AreaCounts) -> String {
        let fixed = [c.households, c.persons, c.households(.notExited), c.persons(.notExited), c.households(.exited)]
        return (fixed + HouseholdType.allCases.map { c.households($0) }).map { "<td class=\"num\">\(HTML.count($0))</td>" }.joined()
    }
}
