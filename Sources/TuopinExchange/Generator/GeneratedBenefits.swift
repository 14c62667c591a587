import Foundation
import TuopinDomain

/// 到户资金发放名单 for the demo: a year of four departments' payment lists (教育资助, 危房改造, 低保, 产业奖补)
/// for the county's registered households, with leaks planted in known numbers — school children and unsafe
/// houses left out (应享未享), payments twice in a month, over the cap, to households that exited years ago, and to
/// people not in the registry. Written as the CSV files the departments send (docs/BENEFITS.md).
public enum GeneratedBenefits {
    /// What was planted, by rule, to compare with what `LeakCheck` finds.
    public struct Planted: Sendable, Equatable {
        public var missedSchool = 0, missedHousing = 0, twice = 0, overCap = 0, afterExit = 0, unregistered = 0
    }

    public struct Output: Sendable {
        public var files: [(policy: String, url: URL)]
        public var planted: Planted
    }

    static let compulsory: Set<Schooling> = [.primary, .grade7, .grade8, .grade9, .homeTeaching]

    public static func write(homes: [LeakCheck.Home], county: AreaCode, year: Int, seed: UInt64, to directory: URL) throws -> Output {
        var random = SeededRandom(seed: seed &+ 0xB3_9EF1)
        var planted = Planted()
        var lists: [String: [[String]]] = ["education": [], "housing": [], "dibao": [], "industry": []]
        func pay(_ policy: String, _ p: LeakCheck.Person, _ yuan: Int64, _ month: Int, _ day: Int = 15) {
            lists[policy]!.append([p.idNumber, p.name.isEmpty ? "某某" : p.name, Money(yuan: yuan).plainYuan,
                                   LocalDate(year: year, month: month, day: day)!.description])
        }
        let schoolDay = LocalDate(year: year, month: 9, day: 1)!
        for h in homes.sorted(by: { $0.number < $1.number }) {
            guard let head = h.members.first else { continue }
            let current = h.exitYear.map { $0 >= year } ?? true
            if current {
                for m in h.members where compulsory.contains(m.schooling ?? .notInSchool) && (6...15).contains(m.birth.age(on: schoolDay)) {
                    if random.chance(0.04) { planted.missedSchool += 1; continue }
                    let amount: Int64 = m.schooling == .primary ? 1000 : 1250
                    pay("education", m, amount, 9)
                    if planted.twice < 3 && random.chance(0.02) { pay("education", m, amount, 9, 28); planted.twice += 1 }
                    else if planted.overCap < 2 && random.chance(0.01) { pay("education", m, 5000, 12); planted.overCap += 1 }
                }
                if h.housing?.isDangerous == true && !h.housingResolved {
                    if random.chance(0.2) { planted.missedHousing += 1 } else { pay("housing", head, 20_000, 6) }
                }
                if random.chance(0.15) { for q in [3, 6, 9, 12] { pay("dibao", head, 900, q, 10) } }
                if random.chance(0.3) { pay("industry", head, Int64(random.int(10...30)) * 100, 5) }
            } else if let exit = h.exitYear, year > exit + 3, planted.afterExit < 4, random.chance(0.05) {
                pay("industry", head, 2000, 5)
                planted.afterExit += 1
            }
        }
        // People not in the registry: valid ID numbers of the county nobody registered.
        for i in 0..<3 {
            let birth = LocalDate(year: 1960 + random.int(0...30), month: random.int(1...12), day: random.int(1...28))!
            let id = ResidentID.make(region: String(county.value.prefix(6)), birth: birth, sequence: 900 + i * 2 + 1)
            pay("industry", LeakCheck.Person(idNumber: id.number, birth: birth, schooling: nil, name: ["覃某", "韦某", "黄某"][i]), 3000, 5)
            planted.unregistered += 1
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [(String, URL)] = []
        for policy in ["education", "housing", "dibao", "industry"] where !lists[policy]!.isEmpty {
            let url = directory.appendingPathComponent("发放名单-\(policy)-\(year).csv")
            try Data(CSVFormat.table([["证件号码", "姓名", "金额", "发放日期"]] + lists[policy]!, byteOrderMark: false).utf8).write(to: url)
            files.append((policy, url))
        }
        return Output(files: files, planted: planted)
    }
}
