/// 沉淀资金 — money allocated long ago and still mostly unspent (Donglan: "报账率不到30%，仍然沉淀在乡镇的账户中").
/// An allocation is idle on a date when it is older than `days` and its reimbursement rate is under
/// `threshold`; both are set per query, defaults 90 days and 30%.
public struct IdleFundRule: Hashable, Sendable {
    public var days: Int
    /// In per cent.
    public var threshold: Int

    public init(days: Int = 90, threshold: Int = 30) {
        self.days = days
        self.threshold = threshold
    }

    public static let standard = IdleFundRule()

    /// 沉淀天数 — days since the allocation, on `asOf` (0 before it).
    public func age(of allocated: LocalDate, asOf: LocalDate) -> Int { max(0, asOf.days(since: allocated)) }

    /// The rule as a database reads it: idle are allocations made before `olderThan` (their age on `asOf` is over
    /// `days`), with a positive amount, whose rate in basis points (rounded down) is under `basisPoints`.
    public func bounds(asOf: LocalDate) -> (olderThan: LocalDate, basisPoints: Int) { (asOf.adding(days: -days), threshold * 100) }

    public func isIdle(allocated: LocalDate, amount: Money, reimbursed: Money, asOf: LocalDate) -> Bool {
        guard amount.fen > 0 else { return false }
        return age(of: allocated, asOf: asOf) > days && ReimbursementRate(reimbursed: reimbursed, allocated: amount).basisPoints < threshold * 100
    }
}

/// 报账率 — reimbursed ÷ allocated, kept exact in basis points (1/100 of a per cent), shown to one decimal.
public struct ReimbursementRate: Hashable, Sendable, Comparable {
    public var reimbursed: Money
    public var allocated: Money

    public init(reimbursed: Money, allocated: Money) {
        self.reimbursed = reimbursed
        self.allocated = allocated
    }

    /// 0 when nothing was allocated; rounded down.
    public var basisPoints: Int { allocated.fen > 0 ? Int(reimbursed.fen * 10_000 / allocated.fen) : 0 }

    /// `27.5%` (rounded half up to one decimal); `—` when nothing was allocated.
    public var percent: String {
        guard allocated.fen > 0 else { return "—" }
        let tenths = Int((reimbursed.fen * 2_000 / allocated.fen + 1) / 2)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    public static func < (a: ReimbursementRate, b: ReimbursementRate) -> Bool { a.basisPoints < b.basisPoints }
}
