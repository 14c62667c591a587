import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange

/// The shipped policies file parses; a deployment's faulty file is named with its line; the payment-list reader
/// names each fault by row and column.
@Suite struct BenefitFilesTests {
    @Test func the_shipped_policies_and_a_faulty_override() throws {
        let shipped = BenefitFiles.shipped
        #expect(shipped.policies.count == 11 && shipped.entitlements["unsafe_house"] == ["housing", "relocation"])
        #expect(shipped.policies.allSatisfy { !$0.source.isEmpty }, "every policy names its source")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policies-\(UUID().uuidString).txt")
        try "[政策]\nedu | 教育 | 局 | -5 | 3 | 依据\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: BenefitFiles.Fault.self) { try BenefitFiles.fromEnvironment(["TUOPIN_BENEFIT_POLICIES": url.path]) }
        do { _ = try BenefitFiles.fromEnvironment(["TUOPIN_BENEFIT_POLICIES": url.path]) } catch let f as BenefitFiles.Fault {
            #expect(f.chinese.contains("第2行"))
        }
    }

    @Test func the_reader_names_each_fault() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pay-\(UUID().uuidString).csv")
        try """
            证件号码,姓名,金额,发放日期
            452728196511154616,梁勇贵,1000,2019-09-15
            452728196511154617,梁勇贵,1000,2019-09-15
            452728196511154616,梁勇贵,-5,2019-09-15
            452728196511154616,梁勇贵,1000,2099-09-15
            452728196511154616,梁勇贵,abc,2019-09-15
            """.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let read = BenefitFileReader.read(url, today: LocalDate(year: 2026, month: 12, day: 3)!)
        #expect(read.entries.isEmpty, "a file with faults gives no rows")
        let faults = read.issues.filter { $0.severity == .error }.map { "\($0.row ?? 0):\($0.column)" }
        #expect(faults == ["3:证件号码", "4:金额", "5:发放日期", "6:金额"], "\(read.issues)")
    }
}
