import Foundation
import TuopinDomain

/// 部门比对数据 for the demo and the tests: the eight kinds of department file for a county's registered members,
/// with red flags planted in known members — and records that must not flag (tractors, homes, cooperatives,
/// closed businesses, old pension spells) — so that what `DepartmentMatch` finds can be counted against what was
/// planted. The same for the same seed.
public enum GeneratedDepartmentFiles {
    public struct Output: Sendable {
        public var files: [(kind: DepartmentRecord.Kind, url: URL)]
        /// "规则|证件号码" of every planted flag.
        public var planted: Set<String>
    }

    static let atSchool: Set<Schooling> = [.primary, .grade7, .grade8, .grade9, .homeTeaching]

    public static func write(homes: [LeakCheck.Home], county: AreaCode, year: Int, seed: UInt64, to directory: URL) throws -> Output {
        var random = SeededRandom(seed: seed &+ 0xDE_9A27)
        var rows: [DepartmentRecord.Kind: [[String]]] = [:]
        var planted: Set<String> = []
        var used: Set<String> = []
        let adults = homes.flatMap { h in h.members.filter { $0.birth.age(on: LocalDate(year: year, month: 1, day: 1)!) >= 20 } }.sorted { $0.idNumber < $1.idNumber }
        func pick() -> LeakCheck.Person? {
            for _ in 0..<50 {
                let p = random.pick(adults)
                if !used.contains(p.idNumber) { used.insert(p.idNumber); return p }
            }
            return nil
        }
        func day(_ month: Int) -> String { LocalDate(year: year, month: month, day: random.int(1...28))!.description }
        func plant(_ kind: DepartmentRecord.Kind, _ rule: DepartmentMatch.Rule?, _ cells: (LeakCheck.Person) -> [String], count: Int) {
            for _ in 0..<count {
                guard let p = pick() else { return }
                rows[kind, default: []].append([p.idNumber, p.name] + cells(p))
                if let rule { planted.insert("\(rule.rawValue)|\(p.idNumber)") }
            }
        }
        guard !adults.isEmpty else { return Output(files: [], planted: []) }
        plant(.deaths, .deceased, { _ in [day(3)] }, count: 3)
        plant(.moves, .movedOut, { _ in [day(4), "广东省东莞市"] }, count: 3)
        plant(.vehicles, .vehicle, { _ in ["桂A\(random.int(10000...99999))", "小型轿车", day(5), "68000"] }, count: 4)
        plant(.vehicles, nil, { _ in ["桂M\(random.int(10000...99999))", "拖拉机", day(2), "12000"] }, count: 5)
        plant(.vehicles, .vehicle, { _ in ["桂M\(random.int(10000...99999))", "拖拉机", day(2), "52000"] }, count: 1)
        plant(.property, .property, { _ in ["县城商业街\(random.int(1...80))号", "商业", "86.5", day(6)] }, count: 2)
        plant(.property, nil, { _ in ["易地扶贫搬迁安置点\(random.int(1...20))栋", "住宅", "75", day(6)] }, count: 3)
        plant(.business, .business, { p in ["\(p.name)百货店", "个体工商户", "50000", day(1), "存续"] }, count: 2)
        plant(.business, nil, { p in ["\(p.name)种养专业合作社", "农民专业合作社", "100000", day(1), "存续"] }, count: 2)
        plant(.business, nil, { p in ["\(p.name)建材店", "个体工商户", "", day(1), "注销"] }, count: 1)
        plant(.payroll, .payroll, { _ in ["县林业局", day(7)] }, count: 2)
        plant(.pension, .pension, { _ in ["县城建筑公司", "36", "\(year)-\(String(format: "%02d", random.int(8...11)))"] }, count: 2)
        plant(.pension, nil, { _ in ["广东某电子厂", "14", "\(year - 3)-06"] }, count: 2)
        // 学籍: every school-age member of a current household at school, but three left off and two marked 辍学.
        let september = LocalDate(year: year, month: 9, day: 1)!
        var missing = 0, dropped = 0
        for h in homes.sorted(by: { $0.number < $1.number }) where h.exitYear.map({ $0 >= year }) ?? true {
            for m in h.members where (6...15).contains(m.birth.age(on: september)) {
                if missing < 3 && random.chance(0.05) { missing += 1; planted.insert("\(DepartmentMatch.Rule.noRoll.rawValue)|\(m.idNumber)"); continue }
                let inSchool = atSchool.contains(m.schooling ?? .notInSchool)
                if inSchool && dropped < 2 && random.chance(0.05) {
                    dropped += 1
                    planted.insert("\(DepartmentMatch.Rule.dropout.rawValue)|\(m.idNumber)")
                    rows[.school, default: []].append([m.idNumber, m.name, "\(h.village.value.suffix(3))村小学", "小学", "辍学"])
                } else {
                    rows[.school, default: []].append([m.idNumber, m.name, "\(h.village.value.suffix(3))村小学", m.birth.age(on: september) >= 12 ? "初中" : "小学", "在读"])
                }
            }
        }
        // Someone from elsewhere in every file: a warning, never a flag.
        let outsider = ResidentID.make(region: String(county.value.prefix(6)), birth: LocalDate(year: 1980, month: 1, day: 1)!, sequence: 951).number
        rows[.vehicles, default: []].append([outsider, "外县人员", "桂A00001", "小型轿车", day(3), "90000"])
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [(DepartmentRecord.Kind, URL)] = []
        for kind in DepartmentRecord.Kind.allCases {
            guard let r = rows[kind] else { continue }
            let url = directory.appendingPathComponent("比对-\(kind.rawValue)-\(year).csv")
            try Data(CSVFormat.table([["证件号码", "姓名"] + kind.columns.map(\.name)] + r, byteOrderMark: false).utf8).write(to: url)
            files.append((kind, url))
        }
        return Output(files: files, planted: planted)
    }
}
