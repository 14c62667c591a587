import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange

/// Issue #17: the department file reader names each fault by row and column; and on generated files with planted
/// red flags every rule finds what was planted and nothing else (the confusion counts are printed).
@Suite struct DepartmentFileTests {
    static let today = LocalDate(year: 2026, month: 12, day: 3)!

    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dept-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func the_reader_names_each_fault() throws {
        let url = try Self.file("""
            证件号码,姓名,号牌号码,车辆类型,登记日期,估值
            452728196511154616,梁勇贵,桂A1,小型轿车,2018-05-01,68000
            452728196511154617,梁勇贵,桂A1,小型轿车,2018-05-01,68000
            452728196511154616,梁勇贵,桂A1,小型轿车,2099-05-01,68000
            452728196511154616,梁勇贵,桂A1,小型轿车,2018-05-01,-5
            452728196511154616,梁勇贵,,小型轿车,2018-05-01,
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let read = DepartmentFileReader.read(url, kind: .vehicles, today: Self.today)
        #expect(read.records.isEmpty)
        #expect(read.issues.map { "\($0.row ?? 0):\($0.column)" } == ["3:证件号码", "4:登记日期", "5:估值", "6:号牌号码"], "\(read.issues)")
        let school = try Self.file("证件号码,姓名,学校,学段,在籍状态\n451224200905154008,梁小红,村小学,小学,失学\n")
        defer { try? FileManager.default.removeItem(at: school) }
        #expect(DepartmentFileReader.read(school, kind: .school, today: Self.today).issues.first?.message.contains("在读、休学、辍学、毕业") == true)
        let missing = try Self.file("证件号码,姓名,学校\n451224200905154008,梁小红,村小学\n")
        defer { try? FileManager.default.removeItem(at: missing) }
        #expect(DepartmentFileReader.read(missing, kind: .school, today: Self.today).hasErrors, "a missing column")
    }

    @Test func planted_flags_are_found_and_nothing_else() throws {
        var random = SeededRandom(seed: 17)
        var homes: [LeakCheck.Home] = []
        for i in 0..<300 {
            var members: [LeakCheck.Person] = []
            for j in 0..<random.int(2...5) {
                let child = j >= 2
                let birth = LocalDate(year: child ? random.int(2004...2013) : random.int(1945...1990), month: random.int(1...12), day: random.int(1...28))!
                members.append(LeakCheck.Person(idNumber: ResidentID.make(region: "451224", birth: birth, sequence: (i * 7 + j) % 490).number, birth: birth,
                                                schooling: child ? .primary : .notInSchool, name: "成员\(i)-\(j)"))
            }
            homes.append(LeakCheck.Home(id: Household.ID(Int64(i + 1)), number: String(format: "45122410020100%02d%02d", i / 100, i % 100),
                                        village: AreaCode("451224100201")!, exitYear: i % 4 == 0 ? 2017 : nil, housing: .b, housingResolved: false,
                                        members: members))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dept-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try GeneratedDepartmentFiles.write(homes: homes, county: AreaCode("451224")!, year: 2020, seed: 5, to: dir)
        var records: [DepartmentRecord] = []
        for (kind, url) in out.files {
            let read = DepartmentFileReader.read(url, kind: kind, today: Self.today)
            #expect(!read.hasErrors, "\(kind): \(read.issues.prefix(2))")
            records += read.records
        }
        let found = Set(DepartmentMatch.evaluate(records: records, homes: homes, year: 2020).map { "\($0.rule.rawValue)|\($0.idNumber)" })
        for rule in DepartmentMatch.Rule.allCases {
            let planted = out.planted.filter { $0.hasPrefix(rule.rawValue + "|") }, hits = found.filter { $0.hasPrefix(rule.rawValue + "|") }
            let tp = planted.intersection(hits).count, fn = planted.count - tp, fp = hits.count - tp
            print("信息比对 \(rule.rawValue): planted \(planted.count), found \(hits.count), true \(tp), missed \(fn), false \(fp)")
            #expect(fn == 0 && fp == 0, "\(rule.rawValue): missed \(fn), false \(fp)")
        }
        #expect(out.planted.count >= 20)
    }

    /// `tuopin generate --departments DIR`: the generator keeps its households for the files, and what the files plant
    /// in a generated county is found, and nothing else.
    @Test func a_generated_county_gets_department_files_whose_flags_are_found() throws {
        var options = GeneratorOptions(households: 400, seed: 3, year: 2020)
        options.keepHomes = true
        var generator = try RegistryGenerator(options: options)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gen-dept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try generator.write(to: dir.appendingPathComponent("county.csv"))
        #expect(summary.homes.count == summary.households && summary.homes.reduce(0) { $0 + $1.members.count } == summary.members)
        let out = try GeneratedDepartmentFiles.write(homes: summary.homes, county: options.county, year: 2020, seed: 3, to: dir)
        var records: [DepartmentRecord] = []
        for (kind, url) in out.files { records += DepartmentFileReader.read(url, kind: kind, today: Self.today).records }
        let found = Set(DepartmentMatch.evaluate(records: records, homes: summary.homes, year: 2020).map { "\($0.rule.rawValue)|\($0.idNumber)" })
        #expect(out.files.count == 8 && found == out.planted, "missed \(out.planted.subtracting(found).prefix(3)), extra \(found.subtracting(out.planted).prefix(3))")
    }
}
