/// The validity of GB/T 2260 region codes over time: for each 6-digit code, the first and
/// last revision (YYYYMM) of the Ministry of Civil Affairs list that carries it (1980-12 to 2019-04).
///
/// A resident ID keeps the region code in force when it was issued, so a code is checked
/// against the birth year. A mismatch is only a warning: late registrations carry a later code.
public struct RegionCodeHistory: Sendable {
    public struct Interval: Sendable, Hashable {
        public let name: String
        public let firstRevision: Int
        public let lastRevision: Int
        public init(name: String, firstRevision: Int, lastRevision: Int) {
            self.name = name
            self.firstRevision = firstRevision
            self.lastRevision = lastRevision
        }
    }

    private let intervals: [String: [Interval]]
    /// The last revision the table knows; codes valid then are taken as still valid after it.
    public let latestRevision: Int
    public let earliestRevision: Int

    public init(intervals: [String: [Interval]]) {
        self.intervals = intervals
        let all = intervals.values.flatMap { $0 }
        latestRevision = all.map(\.lastRevision).max() ?? 0
        earliestRevision = all.map(\.firstRevision).min() ?? 0
    }

    public var isEmpty: Bool { intervals.isEmpty }

    /// Whether `code` was in force at some time during `year`. Years before the first list
    /// are checked against that list; years after the last, against the last.
    public func isValid(code: String, inYear year: Int) -> Bool {
        guard let list = intervals[code] else { return false }
        var from = year * 100 + 1, to = year * 100 + 12
        if to < earliestRevision { (from, to) = (earliestRevision, earliestRevision) }
        if from > latestRevision { (from, to) = (latestRevision, latestRevision) }
        return list.contains { $0.firstRevision <= to && $0.lastRevision >= from }
    }

    /// Whether the code appears in any revision.
    public func isKnown(code: String) -> Bool { intervals[code] != nil }

    /// The code a county carried in `year`: itself if valid then, else a code of the same name
    /// in the same province that was (东兰县 was 452728 before 2002 and 451224 after).
    public func codeInForce(for county: String, name: String, inYear year: Int) -> String {
        if isValid(code: county, inYear: year) { return county }
        let province = county.prefix(2)
        for (code, list) in intervals where code.hasPrefix(province) && list.contains(where: { $0.name == name }) {
            if isValid(code: code, inYear: year) { return code }
        }
        return county
    }
}
