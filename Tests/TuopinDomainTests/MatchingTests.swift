import Testing
@testable import TuopinDomain

/// Issue #17 item 2: each department rule, table-driven, with the practice it follows and a record that must not flag.
@Suite struct MatchingTests {
    static func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    static let adult = LeakCheck.Person(idNumber: "452728196511154616", birth: d("1965-11-15"), schooling: .notInSchool, name: "梁勇贵")
    static let pupil = LeakCheck.Person(idNumber: "451224200905154008", birth: d("2009-05-15"), schooling: .primary, name: "梁小红")
    static let home = LeakCheck.Home(id: Household.ID(1), number: "4512241002010001", village: AreaCode("451224100201")!, exitYear: nil, housing: .b,
                                     housingResolved: false, members: [adult, pupil])

    struct Case: Sendable, CustomTestStringConvertible {
        var kind: DepartmentRecord.Kind
        var person: LeakCheck.Person
        var date: String?
        var fields: [String: String]
        var rule: DepartmentMatch.Rule?
        /// Words the explanation must hold (the member, the record, the figure).
        var says: String
        /// The practice the rule follows.
        var source: String
        var testDescription: String { "\(kind.rawValue) → \(rule?.rawValue ?? "no flag") (\(source))" }
    }

    static let cases: [Case] = [
        Case(kind: .deaths, person: adult, date: "2019-03-02", fields: [:], rule: .deceased, says: "2019-03-02死亡", source: "动态管理：死亡人员标注销户"),
        Case(kind: .moves, person: adult, date: "2019-04-01", fields: ["迁往地区": "东莞"], rule: .movedOut, says: "迁出至东莞", source: "户籍迁出人员不计入家庭人口"),
        Case(kind: .vehicles, person: adult, date: "2018-05-01", fields: ["号牌号码": "桂A12345", "车辆类型": "小型轿车", "估值": "68000"], rule: .vehicle,
             says: "小型轿车（桂A12345", source: "错评剔除：家庭成员拥有小轿车"),
        Case(kind: .vehicles, person: adult, date: "2018-05-01", fields: ["号牌号码": "桂M1", "车辆类型": "拖拉机", "估值": "12000"], rule: nil, says: "",
             source: "生产用车不剔除"),
        Case(kind: .vehicles, person: adult, date: "2018-05-01", fields: ["号牌号码": "桂M2", "车辆类型": "拖拉机", "估值": "52000"], rule: .vehicle,
             says: "估值52,000元", source: "估值超过3万元的车辆"),
        Case(kind: .property, person: adult, date: "2018-06-01", fields: ["坐落": "县城商业街8号", "用途": "商业", "建筑面积": "86.5"], rule: .property,
             says: "商业用房（县城商业街8号", source: "错评剔除：在城镇购买商品房、门面"),
        Case(kind: .property, person: adult, date: "2018-06-01", fields: ["坐落": "安置点", "用途": "住宅", "建筑面积": "75"], rule: nil, says: "",
             source: "搬迁安置住房不剔除"),
        Case(kind: .business, person: adult, date: "2017-01-01", fields: ["主体名称": "百货店", "主体类型": "个体工商户", "登记状态": "存续"], rule: .business,
             says: "存续的个体工商户“百货店”", source: "错评剔除：经商办企业"),
        Case(kind: .business, person: adult, date: "2017-01-01", fields: ["主体名称": "种养合作社", "主体类型": "农民专业合作社", "登记状态": "存续"], rule: nil,
             says: "", source: "合作社是带贫组织，不剔除"),
        Case(kind: .business, person: adult, date: "2017-01-01", fields: ["主体名称": "建材店", "主体类型": "个体工商户", "登记状态": "注销"], rule: nil,
             says: "", source: "已注销的不计"),
        Case(kind: .payroll, person: adult, date: "2015-07-01", fields: ["单位": "县林业局"], rule: .payroll, says: "县林业局", source: "错评剔除：财政供养人员"),
        Case(kind: .pension, person: adult, date: "2019-10-01", fields: ["参保单位": "建筑公司", "缴费月数": "36", "最近缴费年月": "2019-10"], rule: .pension,
             says: "最近缴费2019年10月", source: "稳定就业（职工养老保险）"),
        Case(kind: .pension, person: adult, date: "2016-06-01", fields: ["参保单位": "电子厂", "缴费月数": "14", "最近缴费年月": "2016-06"], rule: nil, says: "",
             source: "多年前的务工参保不计"),
        Case(kind: .school, person: pupil, date: nil, fields: ["学校": "村小学", "学段": "小学", "在籍状态": "辍学"], rule: .dropout, says: "显示辍学",
             source: "义务教育有保障：控辍保学"),
    ]

    @Test(arguments: cases) func each_rule(_ c: Case) {
        let record = DepartmentRecord(kind: c.kind, idNumber: c.person.idNumber, name: c.person.name, date: c.date.map(Self.d), fields: c.fields)
        let flags = DepartmentMatch.evaluate(records: [record], homes: [Self.home], year: 2019).filter { $0.rule != .noRoll }
        if let rule = c.rule {
            #expect(flags.map(\.rule) == [rule])
            #expect(flags.first?.explanation.contains(c.says) == true && flags.first?.explanation.contains(c.person.name) == true, "\(flags.first?.explanation ?? "")")
        } else {
            #expect(flags.isEmpty, "\(flags.map(\.explanation))")
        }
    }

    @Test func a_school_roll_loaded_flags_the_school_age_child_without_one_and_later_records_wait() {
        let roll = DepartmentRecord(kind: .school, idNumber: "451224201001010000", name: "别人", date: nil, fields: ["在籍状态": "在读"])
        let flags = DepartmentMatch.evaluate(records: [roll], homes: [Self.home], year: 2019)
        #expect(flags.map(\.rule) == [.noRoll] && flags[0].explanation.contains("10岁"))
        let later = DepartmentRecord(kind: .deaths, idNumber: Self.adult.idNumber, name: Self.adult.name, date: Self.d("2020-02-01"), fields: [:])
        #expect(DepartmentMatch.evaluate(records: [later], homes: [Self.home], year: 2019).isEmpty, "a death after the year does not flag it")
    }
}
