import Foundation
import SQLKit
import Testing
import TuopinDomain
import TuopinExchange
import TuopinServices
@testable import TuopinStore
import TuopinTestSupport
@testable import TuopinWeb
import Vapor
import VaporTesting

/// Issue #19 item 9: tampering with the database is found without trusting the database alone — on SQLite
/// and PostgreSQL. The chain by itself cannot see its newest records deleted with the head moved back, or a
/// record rewritten with every later hash recomputed; signed anchors kept outside the database can. The
/// registry itself is proven by the state hashes its records carry.
@Suite struct AuditTamperTests {
    static func sql(_ app: Application) -> any SQLDatabase { app.db as! any SQLDatabase }

    static func anchored(_ app: Application) async throws -> (key: AnchorKey, anchors: [AuditAnchor]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("anchors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let key = try AnchorKey.create(dir.appendingPathComponent("anchor.key").path)
        #expect(throws: AnchorFault.self, "a key is never overwritten") { try AnchorKey.create(dir.appendingPathComponent("anchor.key").path) }
        let log = dir.appendingPathComponent("anchors.log").path
        let ctx = ServiceContext.commandLine(db: app.db)
        #expect(try await AuditService.anchor(key: key, log: log, in: ctx) != nil)
        #expect(try await AuditService.anchor(key: key, log: log, in: ctx) == nil, "no new anchor while the head stands still")
        return (key, try AnchorLog.read(log))
    }

    static func head(_ app: Application) async throws -> Int64 {
        try await sql(app).raw("SELECT seq FROM audit_chain_head WHERE id = 1").first()!.decode(column: "seq", as: Int64.self)
    }

    /// Deletes the newest `count` records and moves the head back to the record before them, as an attacker
    /// with the database file would.
    static func truncate(_ app: Application, count: Int64) async throws {
        let sql = sql(app)
        let newest = try await head(app)
        try await sql.raw("DELETE FROM audit_events WHERE seq > \(bind: newest - count)").run()
        let last = try await sql.raw("SELECT seq, hash FROM audit_events WHERE seq = \(bind: newest - count)").first()!
        try await sql.raw("UPDATE audit_chain_head SET seq = \(bind: try last.decode(column: "seq", as: Int64.self)), last_hash = \(bind: try last.decode(column: "hash", as: String.self)) WHERE id = 1").run()
    }

    /// Rewrites record `seq`'s reason and recomputes its hash and every later one, and the head.
    static func rewrite(_ app: Application, seq: Int64) async throws {
        let sql = sql(app)
        try await sql.raw("UPDATE audit_events SET reason = 'nothing happened' WHERE seq = \(bind: seq)").run()
        var previous = try await sql.raw("SELECT previous_hash FROM audit_events WHERE seq = \(bind: seq)").first()!.decode(column: "previous_hash", as: String.self)
        for row in try await sql.raw("SELECT * FROM audit_events WHERE seq >= \(bind: seq) ORDER BY seq").all() {
            let record = try AuditQuery.record(row)
            let hash = AuditChain.hash(previous: previous, canonical: AuditChain.canonical(seq: record.seq, record.entry))
            try await sql.raw("UPDATE audit_events SET previous_hash = \(bind: previous), hash = \(bind: hash) WHERE seq = \(bind: record.seq)").run()
            previous = hash
        }
        try await sql.raw("UPDATE audit_chain_head SET last_hash = \(bind: previous) WHERE id = 1").run()
    }

    @Test func deleting_the_newest_records_and_moving_the_head_breaks_the_anchors() async throws {
        try await WebHarness.withLoadedApp { app in
            let (key, anchors) = try await Self.anchored(app)
            try await Self.truncate(app, count: 2)
            let alone = try await AuditVerifier.verify(on: app.db)
            #expect(alone.isIntact, "the chain alone is consistent after the cut — why anchors are needed")
            let checked = try await AuditVerifier.verify(on: app.db, anchors: anchors, publicKey: key.publicKeyText)
            #expect(!checked.isIntact)
            #expect(checked.anchorProblems.contains { $0.contains("其后的记录被删除") }, "\(checked.anchorProblems)")
        }
    }

    @Test func rewriting_a_record_and_rehashing_the_rest_breaks_the_anchors() async throws {
        try await WebHarness.withLoadedApp { app in
            let (key, anchors) = try await Self.anchored(app)
            try await Self.rewrite(app, seq: 2)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact, "re-hashed: the chain alone says intact")
            let checked = try await AuditVerifier.verify(on: app.db, anchors: anchors, publicKey: key.publicKeyText)
            #expect(checked.anchorProblems.contains { $0.contains("被改写并重算了哈希") }, "\(checked.anchorProblems)")
        }
    }

    @Test func an_altered_or_foreign_anchor_log_is_not_believed() async throws {
        try await WebHarness.withLoadedApp { app in
            let (key, anchors) = try await Self.anchored(app)
            var forged = anchors[0]
            forged.seq += 5
            let altered = try await AuditVerifier.verify(on: app.db, anchors: [forged], publicKey: key.publicKeyText)
            #expect(altered.anchorProblems.contains { $0.contains("签名无效") })
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString).key").path
            let other = try AnchorKey.create(dir)
            let foreign = try AuditAnchor.signed(seq: anchors[0].seq, hash: anchors[0].hash, at: Date(), key: other)
            let checked = try await AuditVerifier.verify(on: app.db, anchors: [foreign], publicKey: key.publicKeyText)
            #expect(checked.anchorProblems.contains { $0.contains("不是本部署的锚点密钥所签") })
            #expect(try await AuditVerifier.verify(on: app.db, anchors: anchors, publicKey: key.publicKeyText).isIntact)
            #expect(throws: AnchorFault.self) { try AuditAnchor.parse("v1\t12\tnot-a-hash\t2026-01-01T00:00:00Z\tk\ts", number: 3) }
        }
    }

    @Test func the_registry_is_proven_by_the_trail_and_changes_behind_its_back_are_named() async throws {
        try await WebHarness.withLoadedApp { app in
            // Through the application: an edit on the page and a reload with a changed income.
            let county = try await WebHarness.signIn(app, as: "county")
            var form = EditingTests.base
            form["reason"] = "更正电话"
            form["version"] = "1"
            form["phone"] = "13800003333"
            #expect(try await WebHarness.post(app, "households/1/edit", county, form).location == "/households/1")
            var changed = Samples.household()
            changed.incomes[0].wage = Money(yuan: 4321)
            let file = Samples.file(Samples.csv(Samples.rows([changed])))
            let reload = try await RegistryImporter.run(file: file, options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
            #expect(reload.written && reload.updated == 1)
            let clean = try await RegistryVerifier.verify(on: app.db)
            #expect(clean.checked == 3)
            #expect(clean.isIntact, "what the application wrote matches its records: \(clean.findings)")

            // Behind its back: an income, a status, a member, a new household, a deleted one.
            let sql = Self.sql(app)
            try await sql.raw("UPDATE household_incomes SET wage_fen = wage_fen + 100 WHERE household_id = 1").run()
            try await sql.raw("UPDATE households SET exit_year = 2016, status = '脱贫' WHERE id = 3").run()
            let found = try await RegistryVerifier.verify(on: app.db)
            #expect(found.findings.map(\.householdID) == [1, 3], "\(found.findings)")
            #expect(found.findings.allSatisfy { $0.problem.contains("在应用之外被改动") })
            try await sql.raw("DELETE FROM household_incomes WHERE household_id = 2").run()
            try await sql.raw("DELETE FROM members WHERE household_id = 2").run()
            try await sql.raw("DELETE FROM households WHERE id = 2").run()
            let gone = try await RegistryVerifier.verify(on: app.db)
            #expect(gone.findings.contains { $0.householdID == 2 && $0.problem.contains("在应用之外被删除") }, "\(gone.findings)")
            // Rewriting the record's state hash to match breaks the chain instead.
            try await sql.raw("UPDATE audit_events SET state_hash = 'x' WHERE seq = (SELECT MAX(seq) FROM audit_events WHERE entity = 'household' AND entity_id = '1' AND state_hash IS NOT NULL)").run()
            #expect(!(try await AuditVerifier.verify(on: app.db).isIntact))
        }
    }

    @Test func a_baseline_records_households_stored_before_state_hashes() async throws {
        try await WebHarness.withLoadedApp { app in
            // As data from before the upgrade: no record carries a state.
            try await Self.sql(app).raw("UPDATE audit_events SET state_hash = NULL").run()
            #expect(try await RegistryVerifier.verify(on: app.db).findings.count == 3)
            let ctx = ServiceContext.commandLine(db: app.db)
            #expect(try await AuditService.baseline(in: ctx) == 3)
            #expect(try await RegistryVerifier.verify(on: app.db).isIntact)
            #expect(try await AuditService.baseline(in: ctx) == 0)
        }
    }

    @Test func the_server_anchors_the_chain_when_it_starts() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("serve-anchors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let keyFile = dir.appendingPathComponent("anchor.key").path, log = dir.appendingPathComponent("anchors.log").path
        let key = try AnchorKey.create(keyFile)
        var settings = try WebSettings.fromEnvironment(["TUOPIN_ANCHOR_KEY": keyFile, "TUOPIN_ANCHOR_LOG": log])
        #expect(settings.anchorHours == 24)
        #expect(throws: WebSettings.Invalid.self, "one without the other is refused") {
            try WebSettings.fromEnvironment(["TUOPIN_ANCHOR_KEY": keyFile])
        }
        settings.bcryptCost = 4
        let (url, drop) = try await TestDatabase.make(.sqlite)
        try await WebHarness.withLoadedApp(url, settings: settings) { app in
            try await app.asyncBoot()
            var anchors: [AuditAnchor] = []
            for _ in 0..<50 where anchors.isEmpty {
                try await Task.sleep(nanoseconds: 100_000_000)
                anchors = (try? AnchorLog.read(log)) ?? []
            }
            #expect(anchors.count == 1)
            #expect(anchors.first?.publicKey == key.publicKeyText && anchors.first?.isSignatureValid == true)
            #expect(try await AuditVerifier.verify(on: app.db, anchors: anchors, publicKey: key.publicKeyText).isIntact)
        }
        await drop()
    }
}
