import FluentKit
import Foundation
import SQLKit
import Testing
import TuopinDomain
@testable import TuopinStore
import TuopinTestSupport

/// The audit trail is hash-chained: `audit verify` passes on an honest database and finds the first
/// broken link after a record is changed, deleted or forged.
@Suite struct AuditTrailTests {
    /// Six records: an import (its household and its batch), two user changes, a sign-in, a failure.
    func honestTrail(_ db: any Database) async throws {
        _ = try await StoreHarness.importRows(Samples.rows([Samples.household()]), on: db)
        let now = Date(timeIntervalSince1970: 1_795_000_000.123)
        let admin = AuditActor(username: "admin", role: .administrator, ip: nil)
        try await db.transaction { tx in
            let wei = try await UserStore.add(User(username: "wei", name: "韦", unit: "县扶贫办", role: .countyOffice, area: AreaCode("451224")),
                                              passwordHash: "x", now: now, on: tx)
            try await AuditTrail.append(AccountEvent.added(wei), by: admin, at: now, on: tx)
            try await AuditTrail.append(AccountEvent.disabledChanged(try await UserStore.setDisabled("wei", true, on: tx), disabled: true),
                                        by: admin, at: now, on: tx)
            let account = try await UserStore.find(username: "wei", on: tx)!
            let self_ = AuditActor(username: "wei", role: .countyOffice, ip: "10.0.0.1")
            _ = try await SessionStore.open(for: account, ip: "10.0.0.1", now: now, on: tx)
            try await AuditTrail.append(AccountEvent.signedIn(account.user), by: self_, at: now, on: tx)
            let locked = try await UserStore.recordFailure(account, policy: SignInPolicy(), now: now, on: tx)
            try await AuditTrail.append(AccountEvent.signInFailed(account.user, lockedUntil: locked.map { "\($0)" }, maxFailures: 5), by: self_, at: now, on: tx)
        }
    }

    var sql: (any Database) -> any SQLDatabase { { $0 as! any SQLDatabase } }

    @Test func an_honest_trail_verifies() async throws {
        try await StoreHarness.withStore { db in
            try await honestTrail(db)
            let report = try await AuditVerifier.verify(on: db)
            #expect(report.isIntact)
            #expect(report.checked == 6)
        }
    }

    @Test func a_changed_record_is_found() async throws {
        try await StoreHarness.withStore { db in
            try await honestTrail(db)
            try await sql(db).raw("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 3").run()
            let report = try await AuditVerifier.verify(on: db)
            #expect(report.firstBreak?.seq == 3)
            #expect(report.firstBreak?.problem.contains("changed") == true)
            #expect(report.checked == 2)
        }
    }

    @Test func a_deleted_record_is_found() async throws {
        try await StoreHarness.withStore { db in
            try await honestTrail(db)
            try await sql(db).raw("DELETE FROM audit_events WHERE seq = 2").run()
            #expect(try await AuditVerifier.verify(on: db).firstBreak?.seq == 2)
        }
    }

    @Test func the_last_record_deleted_is_found() async throws {
        try await StoreHarness.withStore { db in
            try await honestTrail(db)
            try await sql(db).raw("DELETE FROM audit_events WHERE seq = 6").run()
            let report = try await AuditVerifier.verify(on: db)
            #expect(report.firstBreak?.seq == 6)
            #expect(report.checked == 5)
        }
    }

    @Test func a_forged_record_with_a_recomputed_hash_breaks_the_next_link() async throws {
        try await StoreHarness.withStore { db in
            try await honestTrail(db)
            // Rewrite record 3 and recompute its own hash: record 4 no longer links to it.
            let row = try await sql(db).raw("SELECT * FROM audit_events WHERE seq = 3").first()!
            let previous = try row.decode(column: "previous_hash", as: String.self)
            let at = try row.decode(column: "occurred_at", as: Date.self)
            let forged = AuditChain.hash(previous: previous, canonical: AuditChain.canonical(
                seq: 3, at: at, actor: "nobody", actorRole: nil, ip: nil, action: "user.add", entity: "user", entityID: "1",
                areaCode: nil, before: nil, after: nil, reason: nil))
            try await sql(db).raw("UPDATE audit_events SET actor = 'nobody', actor_role = NULL, ip = NULL, area_code = NULL, after_json = NULL, reason = NULL, entity_id = '1', hash = \(bind: forged) WHERE seq = 3").run()
            let report = try await AuditVerifier.verify(on: db)
            #expect(report.firstBreak?.seq == 4)
            #expect(report.firstBreak?.problem.contains("does not link") == true)
        }
    }

    @Test func records_carry_who_when_what_and_why() async throws {
        try await StoreHarness.withStore { db in
            try await honestTrail(db)
            let rows = try await sql(db).raw("SELECT * FROM audit_events ORDER BY seq").all()
            let actions = try rows.map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["household.import", "import", "user.add", "user.disable", "sign_in", "sign_in.failed"])
            #expect(try rows[3].decode(column: "before_json", as: String?.self) == "{\"disabled\":\"false\"}")
            #expect(try rows[4].decode(column: "ip", as: String?.self) == "10.0.0.1")
            #expect(try rows[1].decode(column: "reason", as: String?.self)?.contains("registry.csv") == true)
        }
    }
}
