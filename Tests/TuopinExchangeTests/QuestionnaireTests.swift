import Testing
import TuopinDomain
import TuopinExchange

/// The interview questionnaire as data (issue #18 item 4; policy-rules §4.3): the shipped file parses into its
/// sections (两不愁, 三保障 …); a faulty line is named; answers are checked by kind and blanks mean not asked.
@Suite struct QuestionnaireTests {
    @Test func the_shipped_questionnaire_has_the_sections_of_the_practice() {
        let q = QuestionnaireFiles.shipped
        #expect(q.sections.map(\.title) == ["户基本情况", "收入核实", "两不愁", "三保障", "帮扶情况"])
        #expect(q.items.contains { $0.key == "public_employee" && $0.kind == .yesNo })
    }

    @Test func answers_are_checked_by_kind() {
        let q = QuestionnaireFiles.shipped
        let (kept, faults) = q.check(["resident_count": "4", "public_employee": "也许", "main_income": "务工", "help_received": "彩票", "safe_water": ""])
        #expect(kept == ["resident_count": "4", "main_income": "务工"])
        #expect(Set(faults.keys) == ["public_employee", "help_received"])
    }

    @Test(arguments: [
        ("x | 问题 | 是否", 1, "之下"),
        ("[节]\na | 问题 | 颜色", 2, "类型应为"),
        ("[节]\na | 问题 | 是否\na | 又问 | 是否", 3, "重复"),
        ("[节]\n问 | 问题 | 是否", 2, "编号应为"),
        ("[节]\na | 问题 | 选项:只有一个", 2, "至少两个"),
    ])
    func a_faulty_line_is_named(_ text: String, _ line: Int, _ words: String) {
        do {
            _ = try Questionnaire.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line && error.chinese.contains(words), "\(error)")
        }
    }
}
