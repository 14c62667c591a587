/// 考核周期 — a month or a quarter a duty rule is checked over.
public struct DutyPeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Length: String, Sendable { case month = "月", quarter = "季度", year = "年" }

    public var year: Int
    /// 1–12 for a month, 1–4 for a quarter, 1 for a year.
    public var index: Int
    public var length: Length

    public static func month(_ year: Int, _ month: Int) -> DutyPeriod { DutyPeriod(year: year, index: month, length: .month) }

    /// `2016-07`, `2016-Q3` or `2016`; nil for anything else.
    public static func parse(_ text: String) -> DutyPeriod? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = Int(parts[0]), parts[0].count == 4, (2013...2100).contains(year) else { return nil }
        if parts.count == 1 { return DutyPeriod(year: year, index: 1, length: .year) }
        guard parts.count == 2 else { return nil }
        if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q) { return DutyPeriod(year: year, index: q, length: .quarter) }
        if parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) { return .month(year, m) }
        return nil
    }

    public var first: LocalDate {
        switch length {
        case .month: LocalDate(year: year, month: index, day: 1)!
        case .quarter: LocalDate(year: year, month: (index - 1) * 3 + 1, day: 1)!
        case .year: LocalDate(year: year, month: 1, day: 1)!
        }
    }

    public var last: LocalDate {
        switch length {
        case .month: LocalDate(year: year, month: index, day: LocalDate.daysIn(month: index, year: year))!
        case .quarter: LocalDate(year: year, month: index * 3, day: LocalDate.daysIn(month: index * 3, year: year))!
        case .year: LocalDate(year: year, month: 12, day: 31)!
        }
    }

    /// How many months the period covers (a monthly minimum is multiplied by it).
    public var months: Int {
        switch length {
        case .month: 1
        case .quarter: 3
        case .year: 12
        }
    }

    public func contains(_ d: LocalDate) -> Bool { first <= d && d <= last }

    /// 2016年7月, 2016年第3季度, 2016年
    public var description: String {
        switch length {
        case .month: "\(year)年\(index)月"
        case .quarter: "\(year)年第\(index)季度"
        case .year: "\(year)年"
        }
    }

    /// 2016-07, 2016-Q3, 2016
    public var key: String {
        switch length {
        case .month: "\(year)-" + (index < 10 ? "0" : "") + String(index)
        case .quarter: "\(year)-Q\(index)"
        case .year: String(year)
        }
    }
}
