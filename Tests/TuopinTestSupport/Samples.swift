import Foundation
import TuopinDomain
import TuopinExchange

/// Small, valid registry data for tests: households in 东兰县 (451224) whose every field is set.
public enum Samples {
    public static let today = LocalDate(year: 2026, month: 11, day: 22)!
    public static let village = AreaCode("451224100201")!
    public static let otherVillage = AreaCode("451224101201")!

    /// A valid ID number for a birth date and sex in 东兰县 (code in force after 2002).
    /// Numbers `n` of 400 or more move the birth date on by whole days, so that every `n` gives another number.
    public static func id(_ year: Int, _ month: Int, _ day: Int, male: Bool, n: Int = 1) -> ResidentID {
        let d = LocalDate(year: year + n / 4800, month: (month - 1 + n / 400) % 12 + 1, day: min(day, 28))!
        return ResidentID.make(region: year < 2002 ? "452728" : "451224", birth: d, sequence: (n % 400) * 2 + (male ? 1 : 0))
    }

    /// A family of three: head, spouse, a 12-year-old at school (in 2016).
    public static func household(_ number: String = "H0001", village: AreaCode = village, idBase: Int = 1, name: String = "韦国强") -> Household {
        Household(number: number, villageCode: village, type: .ordinary, standard: .national, mainCause: .illness,
                  otherCauses: [.lackOfSkills], identifiedYear: 2014, exitYear: nil, housingGrade: .b, housingResolved: nil,
                  foodSecure: true, clothingSecure: true, waterSafe: true, phone: "13907781234",
                  members: [
                      Member(name: name, id: id(1975, 3, 8, male: true, n: idBase), relation: .head, ethnicity: Ethnicity.parse("壮族"),
                             education: .juniorSecondary, schooling: .notInSchool, health: .chronicIllness, labour: .ordinary,
                             workPlace: .outOfProvince, workMonths: 8, medicalInsurance: true, pensionInsurance: true),
                      Member(name: "黄秀英", id: id(1977, 11, 20, male: false, n: idBase), relation: .spouse, ethnicity: Ethnicity.parse("壮族"),
                             education: .primary, schooling: .notInSchool, health: .healthy, labour: .ordinary,
                             medicalInsurance: true, pensionInsurance: true),
                      Member(name: "韦小军", id: id(2004, 6, 1, male: true, n: idBase), relation: .son, ethnicity: Ethnicity.parse("壮族"),
                             education: .primary, schooling: .grade7, health: .healthy, labour: LabourCapacity.none,
                             medicalInsurance: true, pensionInsurance: false),
                  ],
                  incomes: [HouseholdIncome(year: 2016, wage: Money(yuan: 6000), business: Money(yuan: 2500), property: Money(yuan: 100),
                                            transfer: Money(yuan: 900), businessExpense: Money(yuan: 1500))])
    }

    /// Rows of several households, the header first.
    public static func rows(_ households: [Household]) -> [[String]] {
        [RegistryRowFormatter.header] + households.flatMap { RegistryRowFormatter.rows($0) }
    }

    /// CSV text of rows.
    public static func csv(_ rows: [[String]]) -> String {
        rows.map(CSVFormat.line).joined(separator: "\r\n") + "\r\n"
    }

    /// A fresh temporary directory.
    public static func directory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes text (UTF-8) to a new file and returns its URL.
    public static func file(_ text: String, name: String = "registry.csv", bom: Bool = false) -> URL {
        let url = directory().appendingPathComponent(name)
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(contentsOf: text.utf8)
        try? data.write(to: url)
        return url
    }

    /// Reader options for 东兰县 with the shipped region history.
    public static func options(county: AreaCode? = AreaCode("451224")) -> RegistryReadOptions {
        RegistryReadOptions(county: county, today: today, regionHistory: DivisionCatalog.regionHistory,
                            knownTownships: DivisionCatalog.shipped.townshipCodes)
    }

    /// Runs a program and returns its standard output and exit status.
    public static func run(_ program: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [program] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), p.terminationStatus)
    }
}
