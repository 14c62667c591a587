/// 国家扶贫标准 — the national rural poverty line in current-price yuan per person per year.
///
/// Base: 2,300 yuan at 2010 constant prices, adjusted each year by prices.
/// Source: NBS note in the 云南调查年鉴 2017 (2011–2016); 刘永富, press conference of
/// 2020-03-12 (2019: 3,218; 2020: "about 4,000"). 2017 and 2018 are commonly cited but unconfirmed
/// (policy-rules §1.1).
public struct PovertyLine: Hashable, Sendable, Codable {
    public let year: Int
    public let amount: Money
    /// False where no official source confirms the figure.
    public let confirmed: Bool
    public let source: String

    public init(year: Int, amount: Money, confirmed: Bool, source: String) {
        self.year = year
        self.amount = amount
        self.confirmed = confirmed
        self.source = source
    }

    /// The built-in table; a deployment's standards file may replace it.
    public static let national: [Int: PovertyLine] = {
        let nbs = "国家统计局《云南调查年鉴2017》说明 / NBS note, Yunnan Survey Yearbook 2017"
        let rows: [(Int, Int64, Bool, String)] = [
            (2011, 2536, true, nbs), (2012, 2625, true, nbs), (2013, 2736, true, nbs),
            (2014, 2800, true, nbs), (2015, 2855, true, nbs), (2016, 2952, true, nbs),
            (2017, 2952, false, "常见引用，未找到官方来源 / commonly cited, no official source found"),
            (2018, 2995, false, "常见引用，未找到官方来源 / commonly cited, no official source found"),
            (2019, 3218, true, "刘永富，2020-03-12 新闻发布会 / press conference 2020-03-12 (year disputed)"),
            (2020, 4000, false, "“4000元左右”，政策目标 / 'about 4,000', policy target"),
        ]
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.0, PovertyLine(year: $0.0, amount: Money(yuan: $0.1), confirmed: $0.2, source: $0.3)) })
    }()
}
