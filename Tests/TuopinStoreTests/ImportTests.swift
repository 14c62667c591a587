import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
@testable import TuopinStore
import TuopinTestSupport

@Suite struct ImportTests {
    @Test func loads_households_members_incomes_areas_batch_and_audit() async throws {
        try await StoreHarness.withStore { db in
            let before = try await StoreHarness.counts(db)
            let outcome = try await StoreHarness.importRows(Samples.rows([Samples.household(), Samples.household("H0002", village: Samples.otherVillage, idBase: 2)]), on: db)
            #expect(outcome.written && outcome.created == 2 && outcome.updated == 0)
            let after = try await StoreHarness.counts(db)
            #expect(after["households"] == 2)
            #expect(after["members"] == 6)
            #expect(after["household_incomes"] == 2)
            #expect(after["import_batches"] == 1)
            #expect(after["audit_events"] == 3, "one record per household and one for the batch")
            // Two villages first met in the file are created under their townships.
            #expect(after["areas"]! == before["areas"]! + 2)
            let village = try await AreaStore.find(Samples.village, on: db)
            #expect(village?.name == "村 451224100201")
        }
    }

    @Test func loading_again_updates_and_never_duplicates() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household()]), on: db)
            var changed = Samples.household()
            changed.type = .minimumIncome
            changed.members.removeLast()                        // the son leaves the household
            changed.members[0].name = "韦国强（改）"
            changed.record(HouseholdIncome(year: 2017, wage: Money(yuan: 9000)))
            let outcome = try await StoreHarness.importRows(Samples.rows([changed]), on: db)
            #expect(outcome.written && outcome.created == 0 && outcome.updated == 1)
            let counts = try await StoreHarness.counts(db)
            #expect(counts["households"] == 1)
            #expect(counts["members"] == 2)
            let id = try await HouseholdRecord.query(on: db).first()!.id!
            let detail = try #require(try await HouseholdStore.find(Household.ID(id), scope: .everything, on: db))
            #expect(detail.household.type == .minimumIncome)
            #expect(detail.household.members.map(\.name) == ["韦国强（改）", "黄秀英"])
            #expect(detail.household.incomes.map(\.year) == [2016, 2017])   // one income record per year: 2016 kept, 2017 added
            #expect(detail.version == 2)
        }
    }

    /// A reload writes, counts, versions and audits only the households it changes: a file loaded twice
    /// writes nothing the second time, and a file changing one household of thirty changes that one.
    @Test func a_reload_writes_only_what_changed() async throws {
        try await StoreHarness.withStore { db in
            var households = (1...30).map { Samples.household(String(format: "H%04d", $0), idBase: 100 + $0) }
            households[4].exitYear = 2016
            households += Samples.edgeHouseholds()
            let first = try await StoreHarness.importRows(Samples.rows(households), on: db)
            #expect(first.created == households.count)
            let sql = db as! any SQLDatabase
            func versions() async throws -> [String: Int] {
                Dictionary(uniqueKeysWithValues: try await sql.raw("SELECT household_no, version FROM households").all().map {
                    (try $0.decode(column: "household_no", as: String.self), try $0.decode(column: "version", as: Int.self))
                })
            }
            let before = try await StoreHarness.counts(db)
            let versionsBefore = try await versions()

            let again = try await StoreHarness.importRows(Samples.rows(households), on: db)
            #expect(again.written && again.created == 0 && again.updated == 0 && again.unchanged == households.count)
            let after = try await StoreHarness.counts(db)
            #expect(after["audit_events"] == before["audit_events"]! + 1, "only the batch's own record")
            #expect(try await versions() == versionsBefore)

            households[7].phone = "13800000007"
            let one = try await StoreHarness.importRows(Samples.rows(households), on: db)
            #expect(one.updated == 1 && one.unchanged == households.count - 1)
            var expected = versionsBefore
            expected["H0008"] = versionsBefore["H0008"]! + 1
            #expect(try await versions() == expected)
            let records = try await sql.raw("SELECT entity_id FROM audit_events WHERE action = 'household.import' AND seq > \(bind: after["audit_events"]!)").all()
            #expect(records.count == 1)
            #expect(try await AuditVerifier.verify(on: db).isIntact)
        }
    }

    @Test func a_file_with_any_error_writes_nothing() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household()]), on: db)
            let before = try await StoreHarness.counts(db)
            var rows = Samples.rows([Samples.household("H0009", idBase: 9), Samples.household("H0010", idBase: 10)])
            rows[6][ExchangeColumn.relation.rawValue] = "之侄"
            let outcome = try await StoreHarness.importRows(rows, on: db)
            #expect(!outcome.written)
            #expect(outcome.issues.contains { $0.row == 7 && $0.column == "与户主关系" })
            #expect(try await StoreHarness.counts(db) == before)
        }
    }

    @Test func an_id_registered_in_another_household_is_refused() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household()]), on: db)
            let before = try await StoreHarness.counts(db)
            var other = Samples.household("H0077", idBase: 77)
            other.members[1].id = Samples.household().members[1].id   // the spouse of H0001
            let outcome = try await StoreHarness.importRows(Samples.rows([other]), on: db)
            #expect(!outcome.written)
            #expect(outcome.issues.contains { $0.row == 3 && $0.column == "证件号码" && $0.message.contains("H0001") })
            #expect(try await StoreHarness.counts(db) == before)
        }
    }

    @Test func moving_a_person_between_households_in_one_file_is_allowed() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household(), Samples.household("H0002", idBase: 2)]), on: db)
            var a = Samples.household(), b = Samples.household("H0002", idBase: 2)
            let son = a.members.removeLast()
            b.members.append(son)
            let outcome = try await StoreHarness.importRows(Samples.rows([a, b]), on: db)
            #expect(outcome.written, "\(outcome.issues.prefix(3))")
            #expect(try await StoreHarness.counts(db)["members"] == 6)
        }
    }

    @Test func dry_run_checks_and_writes_nothing() async throws {
        try await StoreHarness.withStore { db in
            let before = try await StoreHarness.counts(db)
            let outcome = try await StoreHarness.importFile(Samples.file(Samples.csv(Samples.rows([Samples.household()]))), dryRun: true, on: db)
            #expect(!outcome.written && !outcome.hasErrors && outcome.created == 1)
            #expect(try await StoreHarness.counts(db) == before)
        }
    }

    @Test func export_then_import_gives_the_same_registry() async throws {
        let dir = Samples.directory()
        let source = dir.appendingPathComponent("county.csv")
        var g = try RegistryGenerator(options: GeneratorOptions(households: 600, seed: 21))
        _ = try g.write(to: source)
        for kind in TestDatabase.kinds {
        for ext in ["csv", "xlsx"] {
            let exported = dir.appendingPathComponent("out.\(ext)")
            let first = try await StoreHarness.withStore(kind) { db in
                _ = try await StoreHarness.importFile(source, on: db)
                _ = try await RegistryExport.write(area: nil, to: exported, on: db)
                return try await Self.snapshot(db)
            }
            let second = try await StoreHarness.withStore(kind) { db in
                let o = try await StoreHarness.importFile(exported, on: db)
                #expect(o.written, "\(o.issues.prefix(3))")
                return try await Self.snapshot(db)
            }
            #expect(first.count == 600)
            #expect(first == second, "round trip through \(ext) on \(kind)")
        }
        }
    }

    /// Import → export → import gives the same registry for households at every edge the reader accepts, and
    /// the export of the second registry is the same file as the first's.
    @Test func households_at_the_edges_make_the_round_trip() async throws {
        let dir = Samples.directory()
        let source = Samples.file(Samples.csv(Samples.rows(Samples.edgeHouseholds())))
        for kind in TestDatabase.kinds {
            for ext in ["csv", "xlsx"] {
                let exported = dir.appendingPathComponent("edges.\(ext)"), again = dir.appendingPathComponent("again.\(ext)")
                let first = try await StoreHarness.withStore(kind) { db in
                    let o = try await StoreHarness.importFile(source, on: db)
                    #expect(o.written, "\(o.issues.prefix(3))")
                    _ = try await RegistryExport.write(area: nil, to: exported, on: db)
                    return try await Self.snapshot(db)
                }
                let second = try await StoreHarness.withStore(kind) { db in
                    let o = try await StoreHarness.importFile(exported, on: db)
                    #expect(o.written, "the import refused its own export (\(ext), \(kind)): \(o.issues.prefix(3))")
                    _ = try await RegistryExport.write(area: nil, to: again, on: db)
                    return try await Self.snapshot(db)
                }
                #expect(first.count == Samples.edgeHouseholds().count)
                #expect(first == second, "round trip through \(ext) on \(kind)")
                if ext == "csv" { #expect(try Data(contentsOf: exported) == Data(contentsOf: again)) }
                #expect(first["E0001"]?.incomes.first?.perCapita(memberCount: 3) == Money(fen: -66_667))
            }
        }
    }

    /// Every household as a domain value, by 户编号.
    static func snapshot(_ db: any Database) async throws -> [String: Household] {
        var result: [String: Household] = [:]
        for r in try await HouseholdRecord.query(on: db).all() {
            let h = try #require(try await HouseholdStore.find(Household.ID(r.id!), scope: .everything, on: db))
            result[h.household.number] = h.household
        }
        return result
    }
}

/// Every fault of the reader's rules, through the importer: refused, and the database unchanged.
@Suite struct FaultNothingWrittenTests {
    @Test func each_faulty_file_leaves_the_database_unchanged() async throws {
        try await StoreHarness.withStore { db in
            _ = try await StoreHarness.importRows(Samples.rows([Samples.household("H9999", idBase: 99)]), on: db)
            let before = try await StoreHarness.counts(db)
            for c in FaultCases.all {
                let outcome = try await StoreHarness.importRows(FaultCases.rows(for: c), on: db)
                #expect(!outcome.written, "\(c.name) was written")
                #expect(outcome.issues.contains { $0.row == c.row && $0.column == c.column.chineseName }, "\(c.name)")
                #expect(try await StoreHarness.counts(db) == before, "\(c.name) changed the database")
            }
        }
    }
}
