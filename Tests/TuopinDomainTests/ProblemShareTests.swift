import Testing
@testable import TuopinDomain

/// Issue #15 item 2, second-wave anchors (b) (dcdb's one row per responsible unit with its own 办结时限): the issuing
/// level divides a problem among units (分办); each share is a problem of its own with its deadline.
@Suite struct ProblemShareTests {
    typealias S = SupervisionTests
    static let on = SupervisionTests.d("2016-08-05")
    static let shares = [ProblemShare(unit: "县教育局", deadline: S.d("2016-08-20")), ProblemShare(unit: "县卫计局", deadline: S.d("2016-09-05")),
                         ProblemShare(unit: "东兰镇人民政府", deadline: S.d("2016-08-31"))]

    @Test func the_problem_keeps_the_first_share_and_the_others_become_problems() throws {
        var original = S.problem
        original.id = Problem.ID(7)
        original.households = [Household.ID(3)]
        let kept = try original.take(.divide(Self.shares), by: S.reviewer, on: Self.on)
        #expect(kept.unit == "县教育局" && kept.deadline == S.d("2016-08-20") && kept.state == .rectifying && kept.parent == nil)
        let parts = original.parts(for: Self.shares)
        #expect(parts.map(\.unit) == ["县卫计局", "东兰镇人民政府"])
        #expect(parts.map(\.deadline) == [S.d("2016-09-05"), S.d("2016-08-31")])
        #expect(parts.allSatisfy { $0.parent == Problem.ID(7) && $0.id == nil && $0.state == .rectifying && $0.households == [Household.ID(3)] })
        #expect(parts.allSatisfy { $0.issuedBy == original.issuedBy && $0.description == original.description && $0.found == original.found })
        // Each part goes through the loop on its own: one closes, the other stays open and goes overdue.
        var first = try parts[0].take(.apply(ProblemEvidence(text: "已为该户落实大病救助并入账")), by: S.village1, on: Self.on)
        first = try first.take(.close(note: "核实"), by: S.reviewer, on: Self.on)
        #expect(first.state == .closed && !parts[1].isOverdue(on: S.d("2016-08-31")) && parts[1].isOverdue(on: S.d("2016-09-01")))
    }

    @Test func each_refusal_says_why() throws {
        func refused(_ shares: [ProblemShare], by actor: ProblemActor = S.reviewer, _ problem: Problem = S.problem) -> Refused? {
            S.refused { () throws(Refused) in try problem.take(.divide(shares), by: actor, on: Self.on) }
        }
        #expect(refused(Array(Self.shares.prefix(1)))?.field == "shares", "one unit is not a division")
        #expect(refused(Array(repeating: Self.shares[0], count: 11))?.field == "shares", "at most ten")
        #expect(refused([Self.shares[0], ProblemShare(unit: " ", deadline: S.d("2016-09-01"))])?.field == "unit_1")
        #expect(refused([Self.shares[0], ProblemShare(unit: "县教育局", deadline: S.d("2016-09-01"))])?.message.contains("重复") == true)
        #expect(refused([Self.shares[0], ProblemShare(unit: "县民政局", deadline: Self.on)])?.field == "deadline_1", "a deadline of today")
        #expect(refused([Self.shares[0], ProblemShare(unit: "县民政局", deadline: S.d("2017-09-01"))])?.field == "deadline_1", "more than a year")
        #expect(refused(Self.shares, by: S.village1)?.kind == .forbidden, "only the issuing level divides")
        var closed = S.problem
        closed.state = .closed
        #expect(refused(Self.shares, closed)?.kind == .conflict, "a closed problem is not divided")
    }
}
