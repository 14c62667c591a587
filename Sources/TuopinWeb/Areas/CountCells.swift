import TuopinDomain
import TuopinStore

/// The count columns that area tables share; each count opens the area's households it counts.
enum CountCells {
    static let headers: HTML = "<th scope=\"col\" class=\"num\">户数</th><th scope=\"col\" class=\"num\">人数</th><th scope=\"col\" class=\"num\">未脱贫户</th><th scope=\"col\" class=\"num\">未脱贫人口</th><th scope=\"col\" class=\"num\">已脱贫户</th>"
        + HouseholdType.allCases.map { type -> HTML in "<th scope=\"col\" class=\"num\">\(type.rawValue)</th>" }.joined()

    static func cells(_ c: AreaCounts, area: AreaCode) -> HTML {
        let base = "/areas/\(area.value)"
        func cell(_ n: Int, _ query: [(String, String?)]) -> HTML {
            HTML.countCell(n, href: base + HTML.query(query) + "#households")
        }
        let notExited = HouseholdStatus.notExited.rawValue, exited = HouseholdStatus.exited.rawValue
        return cell(c.households, []) + cell(c.persons, []) + cell(c.households(.notExited), [("status", notExited)])
            + cell(c.persons(.notExited), [("status", notExited)]) + cell(c.households(.exited), [("status", exited)])
            + HouseholdType.allCases.map { cell(c.households($0), [("type", $0.rawValue)]) }.joined()
    }
}
