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

extension Samples {
    /// Households at the edges the reader accepts: a negative per-capita income (costs above income after a
    /// failed harvest), zero and very large incomes, several years, names that look like formulas or hold
    /// commas and quotes, a 20-character disability certificate number, nothing optional filled in, every
    /// optional field filled in, work months without a work place, one member.
    public static func edgeHouseholds() -> [Household] {
        var negative = household("E0001", idBase: 11)
        negative.incomes = [HouseholdIncome(year: 2016, wage: Money(yuan: 1000), business: Money(yuan: 0), property: nil, transfer: nil,
                                            businessExpense: Money(yuan: 3000))]
        var zero = household("E0002", idBase: 12)
        zero.incomes = [HouseholdIncome(year: 2016, wage: .zero, business: .zero, property: .zero, transfer: .zero, businessExpense: .zero)]
        var large = household("E0003", idBase: 13)
        large.incomes = [HouseholdIncome(year: 2015, wage: Money(fen: 12_345_678_901_23), business: Money(fen: 1)),
                         HouseholdIncome(year: 2016, wage: Money(fen: 99_999_999_999)), HouseholdIncome(year: 2017, transfer: Money(fen: 5))]
        var names = household("E0004", idBase: 14, name: "=SUM(A1)")
        names.members[1].name = "韦,\"秀\"英"
        names.members[2].name = "-韦小军"
        var disabled = household("E0005", idBase: 15)
        let base = disabled.members[2].id.number
        disabled.members[2].id = ResidentID.stored(base + "62")!
        var bare = Household(number: "E0006", villageCode: village, type: .extremePoverty, mainCause: .disability, identifiedYear: 2015)
        bare.members = [Member(name: "覃一", id: id(1950, 1, 2, male: true, n: 16), relation: .head)]
        var full = household("E0007", idBase: 17)
        full.exitYear = 2019
        full.otherCauses = [.lackOfSkills, .lackOfCapital]
        full.housingGrade = .d
        full.housingResolved = true
        full.powerSupplied = true
        full.broadcastReception = false
        full.members[0].workPlace = nil
        full.members[0].workMonths = 3
        full.members[2].educationExempt = true
        return [negative, zero, large, names, disabled, bare, full]
    }
}
