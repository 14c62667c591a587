import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// Warnings are reported and do not stop a load.
@Suite struct WarningTests {
    func read(_ rows: [[String]]) -> RegistryReadResult {
        RegistryFileReader.read(Samples.file(Samples.csv(rows)), options: Samples.options())
    }

    @Test func unknown_column_is_ignored_with_a_warning() {
        var rows = Samples.rows([Samples.household()])
        rows[0].append("备注")
        for i in 1..<rows.count { rows[i].append("随便写") }
        let result = read(rows)
        #expect(!result.hasErrors)
        #expect(result.households.count == 1)
        #expect(result.issues.contains { $0.severity == .warning && $0.column == "备注" && $0.row == 1 })
    }

    @Test func region_code_not_in_force_in_the_birth_year() {
        var h = Samples.household()
        // Born 1975 but carrying 451224, which came into force in 2002: a late registration.
        h.members[0].id = ResidentID.make(region: "451224", birth: LocalDate(year: 1975, month: 3, day: 8)!, sequence: 3)
        let result = read(Samples.rows([h]))
        #expect(!result.hasErrors)
        #expect(result.issues.contains { $0.severity == .warning && $0.row == 2 && $0.column == "证件号码" && $0.message.contains("not in force") })
    }

    @Test func fifteen_digit_number_is_upgraded_with_a_warning() {
        var rows = Samples.rows([Samples.household()])
        let id18 = rows[2][ExchangeColumn.idNumber.rawValue]   // 452728 19771120 xxx c
        let id15 = String(id18.prefix(6)) + String(id18.dropFirst(8).prefix(9))
        rows[2][ExchangeColumn.idNumber.rawValue] = id15
        let result = read(rows)
        #expect(!result.hasErrors, "\(result.issues.prefix(3))")
        #expect(result.households[0].members[1].id.number == id18)
        #expect(result.issues.contains { $0.severity == .warning && $0.row == 3 && $0.message.contains("upgraded") })
    }

    @Test func other_cause_repeating_the_main_cause() {
        var h = Samples.household()
        h.otherCauses = [.illness]
        let result = read(Samples.rows([h]))
        #expect(!result.hasErrors)
        #expect(result.households[0].otherCauses.isEmpty)
        #expect(result.issues.contains { $0.severity == .warning && $0.column == "其他致贫原因" })
    }

    @Test func township_missing_from_the_division_list() {
        let h = Samples.household(village: AreaCode("451224999201")!)
        let result = read(Samples.rows([h]))
        #expect(!result.hasErrors)
        #expect(result.issues.contains { $0.severity == .warning && $0.column == "村代码" })
    }

    @Test func lower_case_x_and_alternative_spellings_are_read() {
        var rows = Samples.rows([Samples.household()])
        rows[1][ExchangeColumn.householdType.rawValue] = "一般贫困户"
        for r in 1...3 { rows[r][ExchangeColumn.foodSecure.rawValue] = "Y"; rows[r][ExchangeColumn.wageIncome.rawValue] = "6,000.00" }
        rows[2][ExchangeColumn.ethnicity.rawValue] = "壮"
        let result = read(rows)
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        #expect(result.households[0].foodSecure == true)
    }
}
