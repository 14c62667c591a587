import Testing
@testable import TuopinDomain

/// Issue #15: the rectification state machine (each step and each refusal), overdue and escalation, the
/// stratified draw, and the rules file.
@Suite struct SupervisionTests {
    static let county = AreaCode("451224")!
    static let township = AreaCode("451224100")!
    static let village = AreaCode("451224100201")!
    static func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    static let found = d("2016-08-01")
    static let problem = Problem(source: .unannounced, area: village, category: "查帮扶措施", description: "帮扶手册填写与实际不符",
                                 severity: .serious, found: found, deadline: d("2016-08-16"), issuedBy: county)
    static let township1 = ProblemActor(username: "township", area: township, mayRectify: true, mayReview: true)
    static let village1 = ProblemActor(username: "village", area: village, mayRectify: true, mayReview: false)
    static let reviewer = ProblemActor(username: "county", area: county, mayRectify: true, mayReview: true)
    static let reviewer2 = ProblemActor(username: "county2", area: county, mayRectify: true, mayReview: true)
    static let outsider = ProblemActor(username: "other", area: AreaCode("451224101")!, mayRectify: true, mayReview: true)

    static func refused(_ body: () throws(Refused) -> Problem) -> Refused? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func the_loop_claim_apply_return_apply_close_reopen() throws {
        let on = Self.d("2016-08-05")
        var p = try Self.problem.take(.claim(unit: "东兰镇人民政府", owner: nil), by: Self.township1, on: on)
        #expect(p.state == .rectifying && p.unit == "东兰镇人民政府")
        p = try p.take(.apply(ProblemEvidence(text: "已逐户核对帮扶手册并重新填写")), by: Self.village1, on: on)
        #expect(p.state == .applied && p.rectifier == "village")
        p = try p.take(.sendBack(reason: "缺少户主签字"), by: Self.reviewer, on: on)
        #expect(p.state == .rectifying)
        p = try p.take(.apply(ProblemEvidence(text: "补齐户主签字，附照片", auditRecord: 42)), by: Self.reviewer, on: on)
        #expect(p.rectifier == "county")
        p = try p.take(.close(note: "核实无误"), by: Self.reviewer2, on: Self.d("2016-08-10"))
        #expect(p.state == .closed && p.closed == Self.d("2016-08-10"))
        p = try p.take(.reopen(reason: "回头看发现问题反弹", deadline: Self.d("2016-10-01")), by: Self.reviewer, on: Self.d("2016-09-01"))
        #expect(p.state == .rectifying && p.closed == nil && p.deadline == Self.d("2016-10-01"))
    }

    @Test func each_refusal_says_why() throws {
        let on = Self.d("2016-08-05")
        // Out of order.
        #expect(Self.refused { () throws(Refused) in try Self.problem.take(.close(note: ""), by: Self.reviewer, on: on) }?.kind == .conflict)
        #expect(Self.refused { () throws(Refused) in try Self.problem.take(.apply(ProblemEvidence(text: "已经整改完毕了吗是的")), by: Self.village1, on: on) }?.kind == .conflict)
        // Outside the actor's area: looks like nothing.
        #expect(Self.refused { () throws(Refused) in try Self.problem.take(.claim(unit: "x", owner: nil), by: Self.outsider, on: on) }?.kind == .notFound)
        // A claim needs a unit; an application needs evidence.
        #expect(Self.refused { () throws(Refused) in try Self.problem.take(.claim(unit: " ", owner: nil), by: Self.township1, on: on) }?.field == "unit")
        let owned = try Self.problem.take(.claim(unit: "东兰镇人民政府", owner: nil), by: Self.township1, on: on)
        #expect(Self.refused { () throws(Refused) in try owned.take(.apply(ProblemEvidence(text: "已改")), by: Self.village1, on: on) }?.field == "evidence")
        let applied = try owned.take(.apply(ProblemEvidence(text: "已逐户核对帮扶手册并重新填写")), by: Self.township1, on: on)
        // The rectifier may not close their own fix, even as a reviewer; a village team may not review.
        #expect(Self.refused { () throws(Refused) in try applied.take(.close(note: ""), by: Self.township1, on: on) }?.kind == .forbidden)
        #expect(Self.refused { () throws(Refused) in try applied.take(.close(note: ""), by: Self.village1, on: on) }?.kind == .forbidden)
        // A township reviewer is below the issuing level (the county).
        let byCounty = try applied.take(.sendBack(reason: "证据不足"), by: Self.reviewer, on: on)
        let again = try byCounty.take(.apply(ProblemEvidence(text: "重新核对并补充照片材料")), by: Self.village1, on: on)
        #expect(Self.refused { () throws(Refused) in try again.take(.close(note: ""), by: Self.township1, on: on) }?.kind == .forbidden)
        #expect(Self.refused { () throws(Refused) in try again.take(.sendBack(reason: ""), by: Self.reviewer, on: on) }?.field == "reason")
        // An extension must move the deadline later.
        #expect(Self.refused { () throws(Refused) in try owned.take(.extend(to: Self.d("2016-08-10"), reason: "雨季"), by: Self.reviewer, on: on) }?.field == "deadline")
        #expect(try owned.take(.extend(to: Self.d("2016-09-30"), reason: "雨季施工困难"), by: Self.reviewer, on: on).deadline == Self.d("2016-09-30"))
    }

    @Test func overdue_is_derived_and_escalates_one_level() throws {
        let p = Self.problem
        #expect(!p.isOverdue(on: Self.d("2016-08-16")))
        #expect(p.isOverdue(on: Self.d("2016-08-17")) && p.daysOverdue(on: Self.d("2016-08-17")) == 1)
        #expect(p.escalatedTo(on: Self.d("2016-08-20"), afterDays: 7) == nil)
        #expect(p.escalatedTo(on: Self.d("2016-08-24"), afterDays: 7) == Self.township, "a village's problem goes to its township")
        let applied = try p.take(.claim(unit: "镇政府", owner: nil), by: Self.township1, on: Self.found)
            .take(.apply(ProblemEvidence(text: "整改完成，附佐证材料")), by: Self.township1, on: Self.found)
        #expect(!applied.isOverdue(on: Self.d("2016-12-01")), "an application waiting for review is not overdue")
    }

    @Test func the_draw_is_stratified_reproducible_and_bounded() {
        var villages: [SampleDraw.Village] = []
        for t in 0..<3 {
            for v in 0..<(t == 0 ? 6 : 3) {
                let code = AreaCode(String(format: "451224%03d%03d", 100 + t, 201 + v))!
                villages.append(.init(code: code, households: (0..<40).map { Household.ID(Int64(t * 1000 + v * 100 + $0)) }))
            }
        }
        let a = SampleDraw.draw(villages, villageCount: 4, householdCount: 30, seed: 7)
        #expect(a == SampleDraw.draw(villages, villageCount: 4, householdCount: 30, seed: 7))
        #expect(a != SampleDraw.draw(villages, villageCount: 4, householdCount: 30, seed: 8))
        #expect(a.villages.count == 4 && a.households.count == 30)
        let byTownship = Dictionary(grouping: a.villages) { $0.ancestor(at: .township)! }.mapValues(\.count)
        #expect(byTownship[AreaCode("451224100")!] == 2, "the township with half the villages gets half the draw: \(byTownship)")
        #expect(Set(a.households.map(\.id)).count == 30, "no household twice")
        #expect(a.households.allSatisfy { h in a.villages.contains(h.village) })
        let all = SampleDraw.draw(villages, villageCount: 50, householdCount: 10_000, seed: 1)
        #expect(all.villages.count == 12 && all.households.count == 480, "never more than there is")
        #expect(SampleDraw.apportion(5, over: [1, 1, 1]) == [1, 1, 1])
        // The store's two stages (villages from their sizes, then the drawn villages' households) give the same draw.
        var random = SeededRandom(seed: 7)
        let codes = SampleDraw.villages(villages.reversed().map { ($0.code, $0.households.count) }, count: 4, random: &random)
        let staged = SampleDraw.Result(villages: codes, households: SampleDraw.households(in: villages.filter { codes.contains($0.code) }.shuffled(),
                                                                                          count: 30, random: &random))
        #expect(staged == a)
    }

    @Test func the_rules_file_parses_and_names_the_faulty_line() throws {
        let rules = try SupervisionRules.parse("[检查项目]\n查责任落实\n查精准退出 # 注释\n[整改期限]\n一般 | 30\n较重 | 15\n严重 | 7\n[升级]\n逾期天数 | 5\n")
        #expect(rules.checkItems == ["查责任落实", "查精准退出"] && rules.escalateAfterDays == 5)
        #expect(rules.deadline(for: .grave, found: Self.found) == Self.d("2016-08-08"))
        do {
            _ = try SupervisionRules.parse("[检查项目]\n查责任落实\n[整改期限]\n轻微 | 3\n")
            Issue.record("a severity that does not exist was accepted")
        } catch {
            #expect(error.line == 4 && error.chinese.contains("严重程度"))
        }
        #expect(throws: SupervisionRules.Fault.self) { try SupervisionRules.parse("[检查项目]\n查责任落实\n[整改期限]\n一般 | 30\n") }
        #expect(throws: SupervisionRules.Fault.self) { try SupervisionRules.parse("[其他]\n") }
    }
}
