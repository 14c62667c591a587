import FluentKit
import Foundation
import TuopinDomain
import TuopinExchange

/// Writes the registry (or one area of it) in the exchange format, a chunk of households at a time.
public enum RegistryExport {
    public struct Outcome: Sendable {
        public var households = 0
        public var members = 0
    }

    public static func write(area: AreaCode?, to url: URL, on db: any Database,
                             progress: (@Sendable (Int) -> Void)? = nil) async throws -> Outcome {
        var writer = try RegistryFileWriters.open(url)
        var outcome = Outcome()
        var lastID: Int64 = 0
        let chunk = 2_000
        while true {
            var q = HouseholdRecord.query(on: db).filter(\.$id > lastID).sort(\.$id).limit(chunk)
            if let a = area {
                let (lo, hi) = a.villageRange
                q = q.filter(\.$villageCode >= lo).filter(\.$villageCode <= hi)
            }
            let records = try await q.all()
            guard !records.isEmpty else { break }
            let ids = records.compactMap(\.id)
            let members = Dictionary(grouping: try await MemberRecord.query(on: db).filter(\.$householdID ~~ ids).sort(\.$position).all(), by: \.householdID)
            let incomes = Dictionary(grouping: try await HouseholdIncomeRecord.query(on: db).filter(\.$householdID ~~ ids).sort(\.$year).all(), by: \.householdID)
            for r in records {
                guard let id = r.id, let h = RecordMapping.household(r, members: members[id] ?? [], incomes: incomes[id] ?? []) else { continue }
                for row in RegistryRowFormatter.rows(h) { try writer.write(row: row) }
                outcome.households += 1
                outcome.members += h.members.count
            }
            lastID = ids.last!
            progress?(outcome.households)
        }
        try writer.close()
        return outcome
    }
}
