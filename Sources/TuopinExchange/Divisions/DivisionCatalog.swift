import Foundation
import TuopinDomain

/// The real administrative divisions shipped with Tuopin: provinces, prefectures, counties and
/// townships as of 2025-12-31 (Ministry of Civil Affairs list), and the history of GB/T 2260 county
/// codes 1980–2019. See Resources/divisions/SOURCE.md.
public struct DivisionCatalog: Sendable {
    public let areas: [Area]
    private let byCode: [AreaCode: Area]

    public init(areas: [Area]) {
        self.areas = areas
        byCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func area(_ code: AreaCode) -> Area? { byCode[code] }

    /// The townships under a county, in code order.
    public func townships(of county: AreaCode) -> [Area] {
        areas.filter { $0.level == .township && county.contains($0.code) }.sorted { $0.code < $1.code }
    }

    public var townshipCodes: Set<AreaCode> { Set(areas.lazy.filter { $0.level == .township }.map(\.code)) }

    /// The catalog shipped with the program (loaded once).
    public static let shipped: DivisionCatalog = {
        guard let url = Bundle.module.url(forResource: "mca_20251231", withExtension: "csv", subdirectory: "Resources/divisions"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("the shipped division list Resources/divisions/mca_20251231.csv is missing from the build")
        }
        return parse(text)
    }()

    /// Parses `level,code,parent,name` rows.
    public static func parse(_ text: String) -> DivisionCatalog {
        var areas: [Area] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 4, let code = AreaCode(String(f[1])) else { continue }
            areas.append(Area(code: code, name: String(f[3])))
        }
        return DivisionCatalog(areas: areas)
    }

    /// The GB/T 2260 interval table shipped with the program (loaded once).
    public static let regionHistory: RegionCodeHistory = {
        guard let url = Bundle.module.url(forResource: "gb2260v2_intervals", withExtension: "csv", subdirectory: "Resources/divisions"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("the shipped region-code table Resources/divisions/gb2260v2_intervals.csv is missing from the build")
        }
        return parseHistory(text)
    }()

    /// Parses `code,name,first_rev,last_rev` rows.
    public static func parseHistory(_ text: String) -> RegionCodeHistory {
        var map: [String: [RegionCodeHistory.Interval]] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 4, let first = Int(f[2]), let last = Int(f[3]) else { continue }
            map[String(f[0]), default: []].append(.init(name: String(f[1]), firstRevision: first, lastRevision: last))
        }
        return RegionCodeHistory(intervals: map)
    }
}
