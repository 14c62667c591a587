import Foundation
import TuopinDomain

/// 责任体系示例数据 — cadres, posts, pairings and a year of work logs that go with a generated registry, as the
/// three files `tuopin import-cadres`, `import-pairings` and `import-logs` read. Each poor village has the
/// set's village posts; every household a 帮扶责任人 with at most four or five households in one village; the
/// logs are a year (the registry's year) of visits, days in the village, meetings and leave. As in any county,
/// some fall short: about one month in six a resident cadre is in the village too few days, a few
/// households go unvisited, a few villages lack a post and a few households have no helper. Same seed, same
/// chain. The first helper of the first village signs in as `cadre`.
public struct GeneratedChain: Sendable {
    public var cadres: [[String]] = []
    public var pairings: [[String]] = []
    public var logs: [[String]] = []

    static let departments = ["县教育局", "县卫生健康局", "县农业农村局", "县财政局", "县交通运输局", "县水利局", "县人力资源和社会保障局",
                              "县住房和城乡建设局", "县民政局", "县林业局", "县发展和改革局", "县自然资源局", "县供销社", "县农商银行", "县电力公司"]

    public init(summary: RegistryGenerator.Summary, options: GeneratorOptions, villages: [VillageProfile], set: ResponsibilitySet) {
        var random = SeededRandom(seed: options.seed ^ 0xC0DE_CADE)
        let province = String(options.county.value.prefix(2))
        let year = options.year
        var phone = 13_900_000_000 + Int(options.seed % 1_000_000) * 100
        func person(_ unit: String, level: UnitLevel, post: String, rank: CadreRank, username: String = "") -> String {
            phone += 1 + random.int(0...7)
            let sex: Character = random.chance(0.7) ? "m" : "f"
            let name = NamePool.surname(province: province, using: &random) + NamePool.given(sex, using: &random)
            cadres.append([name, String(phone), unit, level.rawValue, post, rank.rawValue])
            cadres[cadres.count - 1] += ["", "", "", "", username, Self.idNumber(county: options.county, sex: sex, using: &random)]
            return String(phone)
        }
        // Each generated cadre holds one post: it goes on the row just written.
        func post(_ layer: String, _ area: AreaCode, start: LocalDate) {
            cadres[cadres.count - 1][6] = layer
            cadres[cadres.count - 1][7] = area.value
            cadres[cadres.count - 1][8] = start.description
        }
        let poor = Set(villages.filter { $0.isPoorVillage && ($0.exitYear.map { $0 >= year } ?? true) }.map(\.code))
        let start = LocalDate(year: max(2014, year - 1), month: 3, day: 1)!
        var residents: [(phone: String, village: AreaCode)] = []
        var liaisons: [(phone: String, village: AreaCode)] = []
        var first = true
        for code in summary.villages.keys.sorted() {
            let v = summary.villages[code]!
            let unit = random.pick(Self.departments)
            if poor.contains(code) {
                for layer in set.layers where layer.scope == .village {
                    // A few villages lack an optional-looking post: the coverage check has something to find.
                    if layer.name != "第一书记", random.chance(0.04) { continue }
                    let holders = layer.minimumHolders
                    for i in 0..<holders {
                        let rank: CadreRank = layer.name.contains("领导") ? .countyLevel : i == 0 ? .sectionLevel : .staff
                        let p = person(layer.name == "农技员" ? "县农业农村局" : unit, level: .county, post: layer.name == "农技员" ? "农艺师" : "干部", rank: rank)
                        post(layer.name, code, start: start)
                        if layer.name == "第一书记" || layer.name == "驻村工作队" || layer.name.contains("包村") || layer.name.contains("包组") {
                            residents.append((p, code))
                        } else {
                            liaisons.append((p, code))
                        }
                    }
                }
            }
            // 帮扶责任人: four or five households each, within the village.
            var number = 1
            while number <= v.households {
                let take = min(v.households - number + 1, random.chance(0.5) ? 4 : 5)
                let username = first ? "cadre" : ""
                first = false
                let p = person(random.pick(Self.departments), level: .county, post: "干部", rank: random.chance(0.2) ? .sectionLevel : .staff,
                               username: username)
                for n in number..<(number + take) {
                    let household = code.value + String(format: "%04d", n)
                    if random.chance(0.01) { continue }   // not yet paired
                    pairings.append([household, p, start.description, "", "结对帮扶"])
                    // A year of visits: about once a month, a few months missed.
                    for month in 1...12 where random.chance(0.975) {
                        let day = random.int(1...LocalDate.daysIn(month: month, year: year))
                        logs.append([p, LocalDate(year: year, month: month, day: day)!.description, WorkLog.Kind.visit.rawValue, code.value, household,
                                     "否", Self.visitText(&random), Self.saidText(&random), random.chance(0.2) ? "住房漏雨待修" : "", random.chance(0.2) ? "联系危房改造" : "", ""])
                    }
                }
                number += take
            }
        }
        // Resident cadres: days in the village each month, some short, some with approved leave.
        for r in residents {
            for month in 1...12 {
                let days = LocalDate.daysIn(month: month, year: year)
                let short = random.chance(0.15)
                let wanted = short ? random.int(10...18) : random.int(20...min(26, days))
                var chosen = Set<Int>()
                while chosen.count < wanted { chosen.insert(random.int(1...days)) }
                for day in chosen.sorted() {
                    logs.append([r.phone, LocalDate(year: year, month: month, day: day)!.description, WorkLog.Kind.villageWork.rawValue, r.village.value, "",
                                 random.chance(0.6) ? "是" : "否", "驻村开展工作", "", "", "", ""])
                }
                if short, random.chance(0.5) {
                    let leave = random.int(1...3)
                    for day in (1...days).filter({ !chosen.contains($0) }).prefix(leave) {
                        logs.append([r.phone, LocalDate(year: year, month: month, day: day)!.description, WorkLog.Kind.leave.rawValue, r.village.value, "",
                                     "否", "事假", "", "", "", "乡镇党委"])
                    }
                }
            }
        }
        // Liaison leaders, units and technicians: a visit a month, now and then missed.
        for l in liaisons {
            for month in 1...12 where random.chance(0.88) {
                logs.append([l.phone, LocalDate(year: year, month: month, day: random.int(1...28))!.description, WorkLog.Kind.villageWork.rawValue,
                             l.village.value, "", random.chance(0.3) ? "是" : "否", "到村指导工作", "", "", "", ""])
            }
        }
        logs.sort { ($0[1], $0[0]) < ($1[1], $1[0]) }
    }

    /// A cadre's ID number: born 1965–1992 in the prefecture's first district (xxxx02), so never a registered
    /// household member's number (those carry the county's code).
    static func idNumber(county: AreaCode, sex: Character, using r: inout SeededRandom) -> String {
        let born = LocalDate(year: r.int(1965...1992), month: r.int(1...12), day: r.int(1...28))!
        let serial = r.int(0...499) * 2 + (sex == "m" ? 1 : 0)
        let first17 = String(county.value.prefix(4)) + "02" + born.description.replacingOccurrences(of: "-", with: "")
            + String(repeating: "0", count: 3 - String(serial).count) + String(serial)
        return first17 + String(ResidentID.checkCharacter(for: Array(first17.utf8)))
    }

    static func visitText(_ r: inout SeededRandom) -> String {
        r.pick(["了解家庭收入和务工情况", "宣讲扶贫政策", "核实住房和饮水情况", "帮助联系务工岗位", "指导发展种养产业", "了解子女上学情况", "核对医保缴费"])
    }

    static func saidText(_ r: inout SeededRandom) -> String {
        r.pick(["希望有技术培训", "对帮扶满意", "想申请小额信贷", "孩子上学有困难", "", "", "希望修通入户路"])
    }

    public func writeCadres(to url: URL) throws { try Self.write(url, header: CadreFileReader.header, rows: cadres, sheet: "干部名单") }
    public func writePairings(to url: URL) throws { try Self.write(url, header: PairingFileReader.header, rows: pairings, sheet: "结对帮扶") }
    public func writeLogs(to url: URL) throws { try Self.write(url, header: WorkLogFileReader.header, rows: logs, sheet: "工作日志") }

    static func write(_ url: URL, header: [String], rows: [[String]], sheet: String) throws {
        var writer = try GeneratedCounty.open(url, header: header, sheet: sheet)
        for r in rows { try writer.write(row: r) }
        try writer.close()
    }
}
