/// 国家扶贫标准 — the national rural poverty line in current-price yuan per person per year.
///
/// Base: 2,300 yuan at 2010 constant prices, adjusted each year by prices (policy-rules §1.1).
/// The figures and their sources live in the standards file (`StandardsFile`).
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
}
