import Foundation
import Testing
@testable import TuopinDomain

/// 变更申请: village → township → county, in order, by approvers of the awaited level within their area
/// (issue #3; the OpenSPP bugs where a higher level acted first, or another area's approver acted, are the cases).
@Suite struct ChangeRequestTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    static let village = User(username: "cun", name: "村", unit: "村委", role: .villageTeam, area: AreaCode("451224100201"))
    static let township = User(username: "zhen", name: "镇", unit: "镇站", role: .townshipStation, area: AreaCode("451224100"))
    static let otherTownship = User(username: "aidong", name: "隘洞", unit: "镇站", role: .townshipStation, area: AreaCode("451224101"))
    static let county = User(username: "xian", name: "县", unit: "县办", role: .countyOffice, area: AreaCode("451224"))
    static let leader = User(username: "ld", name: "领导", unit: "县委", role: .leader, area: AreaCode("451224"))
    static let place = AreaCode("451224100201")!

    func submit(_ kind: ChangeKind = .incomeCorrection, by user: User = village, policy: ApprovalPolicy = .standard) throws -> ChangeRequest {
        try ChangeRequest.submit(kind: kind, area: Self.place, by: user, reason: "更正", before: ["工资性收入": "6000"],
                                 after: ["工资性收入": "6600"], policy: policy, now: Self.t0)
    }

    @Test(arguments: ChangeKind.allCases)
    func each_kind_goes_village_township_county(kind: ChangeKind) throws {
        var r = try submit(kind)
        #expect(r.state == .pending(.township))
        try r.approve(by: Self.township, now: Self.t0)
        #expect(r.state == .pending(.county))
        try r.approve(by: Self.county, now: Self.t0)
        #expect(r.state == .approved)
        #expect(r.steps.map(\.decision) == [.submit, .approve, .approve])
        #expect(r.steps.map(\.actor) == ["cun", "zhen", "xian"])
    }

    @Test func a_township_change_waits_for_the_county_and_a_county_change_takes_effect() throws {
        #expect(try submit(by: Self.township).state == .pending(.county))
        #expect(try submit(by: Self.county).state == .approved)
    }

    @Test func no_level_acts_before_the_one_below() throws {
        var r = try submit()
        #expect(throws: ChangeRequestError.wrongLevel(awaiting: .township, actor: .county)) { try r.approve(by: Self.county, now: Self.t0) }
        #expect(throws: ChangeRequestError.wrongLevel(awaiting: .township, actor: .county)) { try r.giveBack(by: Self.county, reason: "x", now: Self.t0) }
        #expect(r.state == .pending(.township))
    }

    @Test func only_an_approver_of_the_area_acts() throws {
        var r = try submit()
        #expect(throws: ChangeRequestError.outsideArea) { try r.approve(by: Self.otherTownship, now: Self.t0) }
        #expect(throws: ChangeRequestError.notAllowed(.leader)) { try r.approve(by: Self.leader, now: Self.t0) }
        #expect(throws: ChangeRequestError.notAllowed(.villageTeam)) { try r.approve(by: Self.village, now: Self.t0) }
    }

    @Test func a_return_needs_a_reason_and_closes_the_request() throws {
        var r = try submit()
        #expect(throws: ChangeRequestError.reasonRequired) { try r.giveBack(by: Self.township, reason: "  ", now: Self.t0) }
        try r.giveBack(by: Self.township, reason: "收入证明不全", now: Self.t0)
        #expect(r.state == .returned)
        #expect(throws: ChangeRequestError.notPending) { try r.approve(by: Self.county, now: Self.t0) }
    }

    @Test func the_requester_may_withdraw_a_pending_request_only() throws {
        var r = try submit()
        #expect(throws: ChangeRequestError.notTheRequester) { try r.withdraw(by: Self.township, now: Self.t0) }
        try r.withdraw(by: Self.village, now: Self.t0)
        #expect(r.state == .withdrawn)
        #expect(throws: ChangeRequestError.notPending) { try r.withdraw(by: Self.village, now: Self.t0) }
    }

    @Test func routes_are_configurable_per_kind() throws {
        let policy = ApprovalPolicy(routes: [.incomeCorrection: [.township], .removal: [.county]])
        var income = try submit(.incomeCorrection, policy: policy)
        try income.approve(by: Self.township, now: Self.t0)
        #expect(income.state == .approved)
        #expect(try submit(.removal, policy: policy).state == .pending(.county))
        #expect(try submit(.exit, policy: policy).state == .pending(.township))
    }

    @Test func outsiders_and_readers_cannot_propose() {
        #expect(throws: ChangeRequestError.notAllowed(.leader)) { try submit(by: Self.leader) }
        #expect(throws: ChangeRequestError.outsideArea) { try submit(by: Self.otherTownship) }
    }
}
