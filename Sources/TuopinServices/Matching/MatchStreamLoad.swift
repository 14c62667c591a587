import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// A department's file written as it is read (`tuopin import-department`), as `BenefitsService.load(file:…)` writes a
/// payment list: one core reads and checks while the other writes what is checked, in one transaction rolled back
/// when the file turns out to have an error. The county's members are read before the file.
extension MatchService {
    /// Records handed from the reader to the writer at a time.
    public static let streamChunk = 20_000

    /// What the writer saw: the records, those not in the registry, and their warnings (the first 200).
    private struct Tally: Sendable {
        var rows = 0, unmatched = 0
        var warnings: [ImportIssue] = []
    }

    /// The transaction is given up: the file has errors.
    private struct Refusing: Error {
        var issues: [ImportIssue]
        var rows: Int
    }

    /// `chunk`: records handed to the writer at a time (the tests use a few).
    public static func load(file: URL, kind: DepartmentRecord.Kind, county: AreaCode?, dryRun: Bool, chunk: Int = streamChunk,
                            in ctx: ServiceContext) async throws -> FileLoadOutcome {
        let county = try ctx.managedCounty(county)
        let members = try await BenefitStore.members(county: county, file: ctx.registryFile, on: ctx.db)
        if dryRun {
            return try await load(DepartmentFileReader.read(file, kind: kind, today: ctx.today), kind: kind, file: file, county: county, dryRun: true,
                                  members: members, in: ctx)
        }
        let digest = try BenefitStore.digest(file)
        if try await DepartmentStore.loaded(digest: digest, kind: kind, county: county, on: ctx.db) {
            return .init(issues: [alreadyLoaded(file)], rows: 0, changed: 0, written: false)
        }
        let today = ctx.today
        let (chunks, feed) = AsyncStream<[DepartmentRecord]>.makeStream()
        let reading = Task.detached { () -> DepartmentFileReader.Result in
            defer { feed.finish() }
            return DepartmentFileReader.read(file, kind: kind, today: today, every: chunk) { feed.yield($0) }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let tally: Tally
        do {
            tally = try await ctx.transaction { tx in
                let batch = try await DepartmentStore.startBatch(kind: kind, file: file.lastPathComponent, digest: digest, rows: 0, county: county,
                                                                 username: tx.user.username, date: tx.today, on: tx.db)
                var tally = Tally()
                // About 80 bytes a row: whether the indexes are built after the rows is decided on the file's size.
                try await DepartmentStore.loading(rows: size / 80, on: tx.db) {
                    for await records in chunks {
                        for (i, r) in records.enumerated() where members[r.idNumber] == nil {
                            tally.unmatched += 1
                            if tally.warnings.count < 200 {
                                // The reader's records do not keep their row; the n-th clean record is on row n + 1 of a clean file.
                                tally.warnings.append(unregistered(r, row: tally.rows + i + 2))
                            }
                        }
                        tally.rows += records.count
                        try await DepartmentStore.append(records, batch: batch, county: county, on: tx.db)
                    }
                }
                let read = await reading.value
                guard !read.hasErrors else { throw Refusing(issues: read.issues, rows: tally.rows) }
                try await DepartmentStore.finishBatch(batch, rows: tally.rows, on: tx.db)
                try await tx.record(MatchEvent.imported(kind: kind, file: file.lastPathComponent, digest: digest, rows: tally.rows,
                                                        unmatched: tally.unmatched, county: county))
                return tally
            }
        } catch let refusing as Refusing {
            return .init(issues: refusing.issues, rows: refusing.rows, changed: 0, written: false)
        }
        return .init(issues: tally.warnings, rows: tally.rows, changed: tally.rows - tally.unmatched, written: true)
    }
}
