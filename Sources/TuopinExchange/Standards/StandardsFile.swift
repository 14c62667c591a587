import TuopinDomain

/// The standards file (扶贫标准文件): one rule per line, `kind | field | … | source`, `#` starts a
/// comment. The format is documented in docs/STANDARDS.md; the shipped file is
/// `Sources/TuopinExchange/Resources/standards/standards.txt`. Any fault refuses the whole file,
/// naming the line, so that a deployment never runs on half a standard.
public enum StandardsFile {
    public static func parse(_ text: String) -> Result<StandardSet, StandardsFileError> {
        var lines: [Int: PovertyLine] = [:]
        var checklists: [ChecklistPeriod] = []
        var overlays: [String: ProvinceOverlay] = [:]
        var western: (Set<String>, String)?
        var rates: [String: RateThreshold] = [:]
        var posting: (Int, String)?
        var monitoring: (Int, Percent, String)?
        var seen: [String: Int] = [:]

        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = index + 1
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !content.trimmedCell.isEmpty else { continue }
            let f = content.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmedCell }
            func fail(_ chinese: String, _ english: String) -> Result<StandardSet, StandardsFileError> {
                .failure(StandardsFileError(line: n, chinese, english))
            }
            func count(_ expected: Int, _ shape: String) -> Result<StandardSet, StandardsFileError>? {
                f.count == expected ? nil : fail("应为“\(shape)”，实有\(f.count)个字段", "expected `\(shape)`, found \(f.count) fields")
            }
            let kind = f[0]
            guard f.count < 2 || !f[f.count - 1].isEmpty else {
                return fail("缺少来源（最后一个字段）", "the source (last field) is missing")
            }
            if singleKinds.contains(kind) {
                if let first = seen[kind] { return fail("“\(kind)”已在第\(first)行给出", "`\(kind)` was already given on line \(first)") }
                seen[kind] = n
            }
            switch kind {
            case "poverty_line":
                if let e = count(5, "poverty_line | 年度 | 元 | confirmed/unconfirmed | 来源") { return e }
                guard let year = Int(f[1]), (2000...2100).contains(year) else { return fail("年度“\(f[1])”不是年份", "`\(f[1])` is not a year") }
                guard case .success(let amount) = Money.parse(yuan: f[2]), amount.fen > 0 else {
                    return fail("金额“\(f[2])”不是正的元数", "`\(f[2])` is not a positive amount of yuan")
                }
                guard let confirmed = ["confirmed": true, "unconfirmed": false][f[3]] else {
                    return fail("第3个字段应为 confirmed 或 unconfirmed，实为“\(f[3])”", "field 3 must be confirmed or unconfirmed")
                }
                if lines[year] != nil { return fail("\(year)年的扶贫标准重复", "the line for \(year) is given twice") }
                lines[year] = PovertyLine(year: year, amount: amount, confirmed: confirmed, source: f[4])
            case "checklist":
                if let e = count(4, "checklist | 起始年度 | 项目,项目… | 来源") { return e }
                guard let year = Int(f[1]), (2000...2100).contains(year) else { return fail("年度“\(f[1])”不是年份", "`\(f[1])` is not a year") }
                guard let items = parseItems(f[2]) else { let (zh, en) = itemFault(f[2]); return fail(zh, en) }
                guard items.contains(.income) else { return fail("检查项目必须包含 income（一超过）", "a checklist must contain income") }
                if checklists.contains(where: { $0.fromYear == year }) { return fail("\(year)年起的检查项目重复", "a checklist from \(year) is given twice") }
                checklists.append(ChecklistPeriod(fromYear: year, items: items, source: f[3]))
            case "overlay":
                if let e = count(6, "overlay | 省代码 | 省名 | 标准名称 | 增加项目 | 来源") { return e }
                guard f[1].utf8.count == 2, let code = AreaCode(f[1] + "0000"), code.level == .province else {
                    return fail("省代码“\(f[1])”应为两位数字", "the province code `\(f[1])` must be two digits")
                }
                guard let items = parseItems(f[4]) else { let (zh, en) = itemFault(f[4]); return fail(zh, en) }
                if overlays[f[1]] != nil { return fail("省代码\(f[1])的地方标准重复", "province \(f[1]) is given twice") }
                overlays[f[1]] = ProvinceOverlay(province: f[1], provinceName: f[2], title: f[3], adds: items, source: f[5])
            case "western":
                if let e = count(3, "western | 省代码,省代码… | 来源") { return e }
                let codes = f[1].split(separator: ",").map { String($0).trimmedCell }
                guard !codes.isEmpty, codes.allSatisfy({ $0.utf8.count == 2 && AreaCode($0 + "0000") != nil }) else {
                    return fail("省代码应为两位数字，以逗号分隔", "province codes must be two digits separated by commas")
                }
                western = (Set(codes), f[2])
            case "village_incidence", "county_incidence", "wrong_exit_rate", "missed_rate", "recognition_rate":
                if let e = count(5, "\(kind) | below/at_least | 一般 | 西部（或 -） | 来源") { return e }
                guard let k = ["below": RateThreshold.Kind.below, "at_least": .atLeast][f[1]] else {
                    return fail("第1个字段应为 below 或 at_least，实为“\(f[1])”", "field 1 must be below or at_least")
                }
                guard let general = Percent(text: f[2]) else { return fail("“\(f[2])”不是百分数（0–100）", "`\(f[2])` is not a percentage") }
                let west: Percent?
                if f[3] == "-" || f[3].isEmpty { west = nil } else {
                    guard let w = Percent(text: f[3]) else { return fail("“\(f[3])”不是百分数（0–100）", "`\(f[3])` is not a percentage") }
                    west = w
                }
                rates[kind] = RateThreshold(kind: k, general: general, western: west, source: f[4])
            case "posting_days":
                if let e = count(3, "posting_days | 天数 | 来源") { return e }
                guard let days = Int(f[1]), (1...90).contains(days) else { return fail("公示天数“\(f[1])”应为 1–90", "posting days must be 1–90") }
                posting = (days, f[2])
            case "monitoring":
                if let e = count(4, "monitoring | 收入倍数 | 收入降幅% | 来源") { return e }
                guard let multiple = Percent(text: f[1]), multiple.basisPoints >= 100, multiple.basisPoints <= 1000 else {
                    return fail("收入倍数“\(f[1])”应为 1–10 之间的数", "the income multiple must be between 1 and 10")
                }
                guard let drop = Percent(text: f[2]), drop.basisPoints > 0 else { return fail("降幅“\(f[2])”不是百分数", "`\(f[2])` is not a percentage") }
                monitoring = (multiple.basisPoints, drop, f[3])
            default:
                return fail("未知的类别“\(kind)”", "unknown kind `\(kind)` (allowed: \(allKinds.joined(separator: ", ")))")
            }
        }
        func missing(_ what: String) -> Result<StandardSet, StandardsFileError> {
            .failure(StandardsFileError(line: nil, "缺少 \(what)", "`\(what)` is missing"))
        }
        guard !lines.isEmpty else { return missing("poverty_line") }
        guard !checklists.isEmpty else { return missing("checklist") }
        guard let western else { return missing("western") }
        for k in ["village_incidence", "county_incidence", "wrong_exit_rate", "missed_rate", "recognition_rate"] where rates[k] == nil {
            return missing(k)
        }
        guard let posting else { return missing("posting_days") }
        guard let monitoring else { return missing("monitoring") }
        return .success(StandardSet(lines: lines, checklists: checklists, overlays: overlays, westernProvinces: western.0,
                                    westernSource: western.1, villageIncidence: rates["village_incidence"]!,
                                    countyIncidence: rates["county_incidence"]!, wrongExitRate: rates["wrong_exit_rate"]!,
                                    missedRate: rates["missed_rate"]!, recognitionRate: rates["recognition_rate"]!,
                                    postingDays: posting.0, postingSource: posting.1, monitoringMultiple: monitoring.0,
                                    monitoringIncomeDrop: monitoring.1, monitoringSource: monitoring.2))
    }

    static let singleKinds: Set<String> = ["western", "village_incidence", "county_incidence", "wrong_exit_rate", "missed_rate",
                                           "recognition_rate", "posting_days", "monitoring"]
    static let allKinds = ["poverty_line", "checklist", "overlay", "western", "village_incidence", "county_incidence",
                           "wrong_exit_rate", "missed_rate", "recognition_rate", "posting_days", "monitoring"]

    /// Comma-separated item codes in verdict-file order; nil if any is unknown or there is none.
    static func parseItems(_ text: String) -> [ChecklistItem]? {
        var items: Set<ChecklistItem> = []
        for p in text.split(separator: ",").map({ String($0).trimmedCell }) {
            guard let item = ChecklistItem(rawValue: p) else { return nil }
            items.insert(item)
        }
        return items.isEmpty ? nil : items.sorted()
    }

    static func itemFault(_ text: String) -> (String, String) {
        let allowed = ChecklistItem.allCases.map(\.rawValue).joined(separator: ",")
        return ("项目“\(text)”含未知代码；可用：\(allowed)", "unknown item code in `\(text)`; allowed: \(allowed)")
    }
}
