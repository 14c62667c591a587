import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore

/// A department's payment list written as it is read (`tuopin import-benefits`): one core reads and checks the file
/// while the other writes the entries already checked, inside one transaction. All or nothing still holds: when the
/// file turns out to have an error (its last row, say), the transaction is rolled back and the report lists every
/// fault, as the whole-file `load(_:…)` does. The county's members are read before the file.
extension BenefitsService {
    /// Entries handed from the reader to the writer at a time.
    public static let streamChunk = 20_000

    /// What the writer saw: the entries, those not in the registry, and the faults and warnings.
    private struct Tally: Sendable {
        var rows = 0, unmatched = 0
        var issues: [ImportIssue] = []
    }

    /// The transaction is given up: the file has errors.
    private struct Refusing: Error {
        var tally: Tally
    }

    /// `chunk`: entries handed to the writer at a time (the tests use a few).
    public static func load(file: URL, policy key: String, department: String?, county: AreaCode?, dryRun: Bool, chunk: Int = streamChunk,
                            in ctx: ServiceContext) async throws -> FileLoadOutcome {
        let county = try ctx.managedCounty(county)
        let policy = try policy(key, in: ctx)
        let members = try await BenefitStore.members(county: county, file: ctx.registryFile, on: ctx.db)
        if dryRun {
            return try await load(BenefitFileReader.read(file, today: ctx.today), policy: key, department: department, file: file, county: county,
                                  dryRun: true, members: members, in: ctx)
        }
        let digest = try BenefitStore.digest(file)
        if try await BenefitStore.loaded(digest: digest, policy: policy.key, county: county, on: ctx.db) {
            return .init(issues: [alreadyLoaded(file)], rows: 0, changed: 0, written: false)
        }
        let today = ctx.today
        let (chunks, feed) = AsyncStream<[BenefitFileReader.Entry]>.makeStream()
        let reading = Task.detached { () -> BenefitFileReader.Result in
            defer { feed.finish() }
            return BenefitFileReader.read(file, today: today, every: chunk) { feed.yield($0) }
        }
        let paidBy = department ?? policy.department
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let tally: Tally
        do {
            tally = try await ctx.transaction { tx in
                let batch = try await BenefitStore.startBatch(.init(policy: policy.key, department: paidBy, file: file.lastPathComponent, digest: digest,
                                                                    rows: 0, county: county, username: tx.user.username, date: tx.today), on: tx.db)
                var tally = Tally(), known: [Int64: Bool] = [:], refused = false
                // About 60 bytes a row: whether the indexes are built after the rows is decided on the file's size.
                try await BenefitStore.loading(rows: size / 60, on: tx.db) {
                    for await entries in chunks {
                        tally.rows += entries.count
                        var payments: [Benefit] = []
                        payments.reserveCapacity(entries.count)
                        for e in entries {
                            let home = members[e.id.number]
                            if home == nil {
                                tally.unmatched += 1
                                tally.issues.append(unregistered(e))
                            }
                            if let p = e.project {
                                if known[p] == nil { known[p] = try await ProjectStore.find(Project.ID(p), on: tx.db) != nil }
                                if known[p] == false {
                                    tally.issues.append(unknownProject(e, p))
                                    refused = true
                                }
                            }
                            payments.append(Benefit(idNumber: e.id.number, name: e.name, household: home, policy: policy.key, amount: e.amount, date: e.date,
                                                    department: paidBy, project: e.project.map { Project.ID($0) }, county: county))
                        }
                        // After a fault the rest is read for the report, and nothing more is written.
                        if !refused { try await BenefitStore.append(payments, batch: batch, on: tx.db) }
                    }
                }
                let read = await reading.value
                tally.issues = read.issues + tally.issues
                guard !refused, !read.hasErrors else { throw Refusing(tally: tally) }
                try await BenefitStore.finishBatch(batch, rows: tally.rows, on: tx.db)
                try await tx.record(BenefitsEvent.imported(policy: policy.key, department: paidBy, file: file.lastPathComponent, digest: digest,
                                                           rows: tally.rows, unmatched: tally.unmatched, county: county))
                return tally
            }
        } catch let refusing as Refusing {
            return .init(issues: refusing.tally.issues, rows: refusing.tally.rows, changed: 0, written: false)
        }
        return .init(issues: tally.issues, rows: tally.rows, changed: tally.rows, written: true)
    }
}
