import Testing
import TuopinDomain
@testable import TuopinExchange

/// The standards file: every fault refuses the file and names the line.
@Suite struct StandardsFileTests {
    let good = """
        poverty_line | 2016 | 2952 | confirmed | NBS
        poverty_line | 2017 | 2952 | unconfirmed | commonly cited
        checklist | 2014 | income,food,clothing,education,medical,housing,water | 2016 意见
        overlay | 51 | 四川省 | 一超六有 | electricity,broadcast | 四川
        western | 15,45,50,51,52,53,54,61,62,63,64,65 | 西部
        village_incidence | below | 2 | 3 | 2016 意见
        county_incidence | below | 2 | 3 | 2016 意见
        wrong_exit_rate | below | 2 | - | 瞭望
        missed_rate | below | 2 | - | 瞭望
        recognition_rate | at_least | 90 | - | 瞭望
        posting_days | 7 | local
        monitoring | 1.5 | 30 | 2020 意见
        """

    @Test func a_good_file_gives_every_figure_with_its_source() throws {
        let s = try StandardsFile.parse(good).get()
        #expect(s.line(for: 2016)?.amount == Money(yuan: 2952))
        #expect(s.line(for: 2017)?.confirmed == false)
        #expect(s.villageIncidence.limit(western: true) == Percent(basisPoints: 300))
        #expect(s.villageIncidence.limit(western: false) == Percent(basisPoints: 200))
        #expect(s.recognitionRate.isMet(by: Percent(basisPoints: 9000), western: false))
        #expect(!s.wrongExitRate.isMet(by: Percent(basisPoints: 200), western: true))
        #expect(s.isWestern(AreaCode("451224")!) && !s.isWestern(AreaCode("110101")!))
        #expect(s.postingDays == 7 && s.monitoringMultiple == 150)
    }

    struct Fault: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: (String, String)
        var line: Int?
        var says: String
        var testDescription: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "amount not a number", replace: ("2016 | 2952", "2016 | 二九五二"), line: 1, says: "不是正的元数"),
        Fault(name: "unknown confirmation", replace: ("| confirmed | NBS", "| sure | NBS"), line: 1, says: "confirmed 或 unconfirmed"),
        Fault(name: "year twice", replace: ("2017 | 2952", "2016 | 2952"), line: 2, says: "重复"),
        Fault(name: "unknown item", replace: ("housing,water", "housing,wifi"), line: 3, says: "未知代码"),
        Fault(name: "checklist without income", replace: ("2014 | income,", "2014 | "), line: 3, says: "income"),
        Fault(name: "bad province code", replace: ("overlay | 51", "overlay | 5"), line: 4, says: "两位数字"),
        Fault(name: "percentage out of range", replace: ("at_least | 90", "at_least | 190"), line: 10, says: "百分数"),
        Fault(name: "unknown kind", replace: ("posting_days | 7", "posting | 7"), line: 11, says: "未知的类别"),
        Fault(name: "missing source", replace: ("| 7 | local", "| 7 |"), line: 11, says: "来源"),
        Fault(name: "too few fields", replace: ("monitoring | 1.5 | 30 |", "monitoring | 1.5 |"), line: 12, says: "字段"),
        Fault(name: "a single rule twice", replace: ("posting_days | 7 | local", "posting_days | 7 | local\nposting_days | 5 | other"), line: 12, says: "已在第11行"),
        Fault(name: "a required rule missing", replace: ("posting_days | 7 | local", "# none"), line: nil, says: "posting_days"),
    ]

    @Test(arguments: faults) func a_fault_names_its_line(_ f: Fault) {
        let text = good.replacingOccurrences(of: f.replace.0, with: f.replace.1)
        #expect(text != good, "the fixture changed")
        guard case .failure(let e) = StandardsFile.parse(text) else { Issue.record("\(f.name) was accepted"); return }
        #expect(e.line == f.line)
        #expect(e.description.contains(f.says), "\(e.description)")
        #expect(e.description.contains("/"), "Chinese and English")
    }

    @Test func comments_and_blank_lines_are_ignored() throws {
        let s = try StandardsFile.parse("# heading\n\n" + good.replacingOccurrences(of: "| NBS", with: "| NBS # trailing comment")).get()
        #expect(s.line(for: 2016)?.source == "NBS")
    }
}
