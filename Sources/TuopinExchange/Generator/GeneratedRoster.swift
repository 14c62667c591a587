import Foundation
import TuopinDomain

/// 户籍人口名单 for the demo and the tests: every registered member under their household's 户号, and in each
/// village several times as many households not on the register (卡外户), a known share of them poor by the
/// standard — the planted 漏评 an evaluation should find. The same for the same seed.
public enum GeneratedRoster {
    public struct Output: Sendable {
        public var url: URL
        public var persons: Int
        public var outside: Int
        /// 户号 of the planted 漏评 households.
        public var planted: Set<String>
    }

    /// The share of 卡外户 planted as 漏评.
    public static let missedShare = 0.02

    /// Whether the roster household `number` of a roster written with `seed` is a planted 漏评 (decided by the
    /// number itself, so the demo's interviews find the same households without the file).
    public static func isPlanted(_ number: String, seed: UInt64) -> Bool {
        var r = SeededRandom(seed: seed ^ (UInt64(number) ?? 0) &* 0x9E37_79B9)
        return r.chance(missedShare)
    }

    /// `outsidePerRegistered` non-registered households for each registered one, `missedShare` of them planted as 漏评.
    public static func write(homes: [LeakCheck.Home], county: AreaCode, year: Int, seed: UInt64, outsidePerRegistered: Int = 3,
                             to url: URL) throws -> Output {
        var random = SeededRandom(seed: seed &+ 0x0A_57E2)
        let reference = LocalDate(year: year, month: 12, day: 31)!
        let region = county.countyPart
        var used = Set(homes.flatMap { $0.members.map(\.idNumber) })
        var rows: [[String]] = [RosterPerson.header]
        var planted: Set<String> = [], outside = 0, next = 0
        func number() -> String { next += 1; return region + String(format: "%06d", next) }
        func relation(age: Int, headAge: Int, male: Bool) -> Relation {
            if abs(age - headAge) <= 12 { return .spouse }
            if age < headAge { return male ? .son : .daughter }
            return male ? .father : .mother
        }
        func person(age: Int, male: Bool) -> ResidentID {
            while true {
                let y = reference.year - age, m = random.int(1...12)
                let id = ResidentID.make(region: region, birth: LocalDate(year: y, month: m, day: random.int(1...LocalDate.daysIn(month: m, year: y)))!,
                                         sequence: random.int(0...498) * 2 + (male ? 1 : 0))
                if used.insert(id.number).inserted { return id }
            }
        }
        for village in Set(homes.map(\.village)).sorted() {
            let registered = homes.filter { $0.village == village }.sorted { $0.number < $1.number }
            for h in registered {
                let no = number()
                let headAge = h.members.first.map { $0.birth.age(on: reference) } ?? 40
                for (i, m) in h.members.enumerated() {
                    let male = (try? ResidentID.parse(m.idNumber, today: reference).get())?.sex == .male
                    let rel: Relation = i == 0 ? .head : relation(age: m.birth.age(on: reference), headAge: headAge, male: male)
                    rows.append([no, m.idNumber, m.name, rel.rawValue, male ? "男" : "女", m.birth.description, village.value])
                }
            }
            for _ in 0..<(registered.count * outsidePerRegistered) {
                let no = number()
                outside += 1
                if isPlanted(no, seed: seed) { planted.insert(no) }
                let surname = NamePool.surname(province: String(region.prefix(2)), using: &random)
                let headAge = random.int(28...75), size = random.int(1...6)
                for i in 0..<size {
                    let male = i == 0 ? random.chance(0.8) : random.chance(0.5)
                    let age = i == 0 ? headAge : (i == 1 ? max(18, headAge + random.int(-5...5)) : max(0, headAge - random.int(20...32)))
                    let id = person(age: age, male: male)
                    let rel: Relation = i == 0 ? .head : (i == 1 ? .spouse : (male ? .son : .daughter))
                    rows.append([no, id.number, surname + NamePool.given(male ? "m" : "f", using: &random), rel.rawValue, male ? "男" : "女",
                                 id.birthDate.description, village.value])
                }
            }
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(CSVFormat.table(rows, byteOrderMark: false).utf8).write(to: url)
        return Output(url: url, persons: rows.count - 1, outside: outside, planted: planted)
    }
}
