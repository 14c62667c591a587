import Foundation
import Testing
import TuopinDomain
import TuopinExchange

/// The matching rules file (issue #17 item 2): the shipped one parses and names a source for every rule; a faulty
/// line is named; a deployment's thresholds and applicability change what is flagged (a rule for 未脱贫 only leaves
/// an exited household alone; a rule applying to none is off).
@Suite struct MatchRulesTests {
    static let person = LeakCheck.Person(idNumber: "452728196511154616", birth: LocalDate(iso: "1965-11-15")!, schooling: .notInSchool, name: "梁勇贵")
    static func home(exit: Int?) -> LeakCheck.Home {
        LeakCheck.Home(id: Household.ID(1), number: "H1", village: AreaCode("451224100201")!, exitYear: exit, housing: .b, housingResolved: false, members: [person])
    }
    static let records = [
        DepartmentRecord(kind: .vehicles, idNumber: person.idNumber, name: person.name, date: LocalDate(iso: "2019-05-01"),
                         fields: ["车辆类型": "拖拉机", "号牌号码": "桂M1", "估值": "40000"]),
        DepartmentRecord(kind: .property, idNumber: person.idNumber, name: person.name, date: LocalDate(iso: "2019-06-01"),
                         fields: ["用途": "商业", "坐落": "县城商业街1号", "建筑面积": "80"]),
    ]

    static func rules(vehicle: String = "30000", property: String = "未脱贫") -> String {
        MatchFiles.shippedText
            .replacingOccurrences(of: "拥有非生产用车辆   | 未脱贫、已脱贫 | 30000", with: "拥有非生产用车辆 | 未脱贫、已脱贫 | \(vehicle)")
            .replacingOccurrences(of: "拥有商业用房       | 未脱贫         | -", with: "拥有商业用房 | \(property) | -")
    }

    @Test func the_shipped_rules_parse_with_a_source_for_every_rule() throws {
        let shipped = MatchFiles.shipped
        #expect(DepartmentMatch.Rule.allCases.allSatisfy { !(shipped.entries[$0]?.source.isEmpty ?? true) })
        #expect(shipped.thresholds == DepartmentMatch.Thresholds(), "the shipped thresholds are the issue's defaults")
        #expect(shipped.applies(.property, to: .notExited) && !shipped.applies(.property, to: .exited))
    }

    @Test func thresholds_and_applicability_change_what_is_flagged() throws {
        let standard = try MatchRules.parse(Self.rules())
        var found = standard.flags(records: Self.records, homes: [Self.home(exit: nil)], year: 2019)
        #expect(Set(found.map(\.rule)) == [.vehicle, .property], "a tractor over 30,000 yuan, a shop")
        found = standard.flags(records: Self.records, homes: [Self.home(exit: 2018)], year: 2019)
        #expect(found.map(\.rule) == [.vehicle], "the shop rule applies to households not exited")
        let raised = try MatchRules.parse(Self.rules(vehicle: "50000", property: ""))
        #expect(raised.flags(records: Self.records, homes: [Self.home(exit: nil)], year: 2019).isEmpty, "a 50,000 threshold; the shop rule off")
    }

    @Test(arguments: [
        ("[比对规则]\n拥有飞机 | 未脱贫 | - | 依据", 2, "未知的规则"),
        ("[比对规则]\n已死亡仍在户 | 全部 | - | 依据", 2, "适用应为"),
        ("[比对规则]\n已死亡仍在户 | 未脱贫 | 5 | 依据", 2, "没有阈值"),
        ("[比对规则]\n已死亡仍在户 | 未脱贫 | - |", 2, "请写明依据"),
        ("[规则]\n", 1, "未知的段"),
        ("[比对规则]\n已死亡仍在户 | 未脱贫 | - | 依据", 2, "缺少规则"),
    ])
    func a_faulty_line_is_named(_ text: String, _ line: Int, _ words: String) {
        do {
            _ = try MatchRules.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line && error.chinese.contains(words), "\(error)")
        }
    }
}
