/// A rate in hundredths of a percent (2% = 200), so that thresholds compare exactly.
public struct Percent: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// Reads "2", "2.5", "90" (percent, at most two decimals).
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole <= 100 else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy(\.isASCII), let n = Int(f) else { return nil }
            fraction = f.count == 1 ? n * 10 : n
        }
        basisPoints = whole * 100 + fraction
        guard basisPoints <= 10_000 else { return nil }
    }

    /// part ÷ whole, rounded down to a hundredth of a percent; nil when whole is 0.
    public static func ratio(_ part: Int, of whole: Int) -> Percent? {
        whole > 0 ? Percent(basisPoints: part * 10_000 / whole) : nil
    }

    public static func < (a: Percent, b: Percent) -> Bool { a.basisPoints < b.basisPoints }

    public var description: String {
        let f = basisPoints % 100
        return "\(basisPoints / 100)" + (f == 0 ? "" : "." + (f < 10 ? "0\(f)" : (f % 10 == 0 ? "\(f / 10)" : "\(f)"))) + "%"
    }
}
