import Testing
@testable import TuopinDomain

/// Issue #16: the project lifecycle (each step and each refusal), the reimbursement checks, the rate and idle
/// funds.
@Suite struct FundsTests {
    static let county = AreaCode("451224")!
    static let village = AreaCode("451224100201")!
    static func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    static let project = Project(name: "弄谷村百香果基地", category: .industry, nature: .new, proposer: .village, county: county,
                                 villages: [village], unit: "东兰镇人民政府", tasks: "种植百香果200亩", planned: Money(yuan: 500_000),
                                 funding: "财政专项50万", year: 2019, start: d("2019-03-01"), end: d("2019-11-30"), beneficiaries: 120,
                                 targets: "带动贫困户40户增收", mechanism: "土地流转、务工、分红")

    static func refusal<T>(_ body: () throws(Refused) -> T) -> Refused? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func a_village_proposal_walks_the_whole_lifecycle() throws {
        var p = Self.project
        var day = Self.d("2019-01-05")
        var seen: [ProjectStage] = [p.stage]
        while let _ = p.nextStage {
            p = try p.take(.advance(note: "绩效评价良好"), on: day, reimbursed: Money(yuan: 480_000))
            seen.append(p.stage)
            day = day.adding(days: 11)
        }
        #expect(seen == ProjectStage.lifecycle)
        #expect(p.posted == Self.d("2019-01-27") && p.accepted != nil && p.announced != nil)
        #expect(Self.refusal { () throws(Refused) in try p.take(.advance(note: ""), on: day) }?.kind == .conflict)
    }

    @Test func a_department_proposal_goes_straight_to_county_review() throws {
        var p = Self.project
        p.proposer = .department
        #expect(try p.take(.advance(note: ""), on: Self.d("2019-01-05")).stage == .countyReviewed)
    }

    @Test func posting_needs_targets_and_ten_days_and_an_objection_sends_it_back() throws {
        var p = Self.project
        p.stage = .countyReviewed
        var bare = p
        bare.targets = "  "
        #expect(Self.refusal { () throws(Refused) in try bare.take(.advance(note: ""), on: Self.d("2019-02-01")) }?.field == "targets")
        let posted = try p.take(.advance(note: ""), on: Self.d("2019-02-01"))
        #expect(posted.stage == .posted && posted.posted == Self.d("2019-02-01"))
        let early = Self.refusal { () throws(Refused) in try posted.take(.advance(note: ""), on: Self.d("2019-02-10")) }
        #expect(early?.message.contains("已公示9天") == true)
        #expect(try posted.take(.advance(note: ""), on: Self.d("2019-02-11")).stage == .pooled)
        let objected = try posted.take(.object(note: "受益户名单有非贫困户"), on: Self.d("2019-02-05"))
        #expect(objected.stage == .countyReviewed && objected.posted == nil)
        #expect(Self.refusal { () throws(Refused) in try p.take(.object(note: "异议内容"), on: Self.d("2019-02-05")) }?.kind == .conflict)
    }

    @Test func removal_needs_a_reason_and_is_refused_once_under_way() throws {
        var p = Self.project
        p.stage = .pooled
        #expect(Self.refusal { () throws(Refused) in try p.take(.remove(reason: ""), on: Self.d("2019-04-01")) }?.field == "note")
        let removed = try p.take(.remove(reason: "村民大会否决选址"), on: Self.d("2019-04-01"))
        #expect(removed.stage == .removed && removed.removal == "村民大会否决选址" && removed.nextStage == nil)
        p.stage = .underway
        #expect(Self.refusal { () throws(Refused) in try p.take(.remove(reason: "资金不足无法实施"), on: Self.d("2019-04-01")) }?.kind == .conflict)
    }

    @Test func reimbursement_is_refused_before_acceptance_over_the_allocation_and_past_110_per_cent() throws {
        var p = Self.project
        p.id = Project.ID(1)
        p.stage = .underway
        let today = Self.d("2019-12-31")
        let r = Reimbursement(allocation: FundAllocation.ID(1), project: p.id, amount: Money(yuan: 100_000), date: Self.d("2019-12-01"), voucher: "记-001", level: .township)
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(r, allocationLeft: Money(yuan: 600_000), project: (p, .zero), today: today) }?.field == "project")
        p = try p.take(.advance(note: ""), on: Self.d("2019-12-05"))
        #expect(p.stage == .accepted)
        // Dated before the acceptance.
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(r, allocationLeft: Money(yuan: 600_000), project: (p, .zero), today: today) }?.field == "date")
        var later = r
        later.date = Self.d("2019-12-06")
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(later, allocationLeft: Money(yuan: 600_000), project: (p, .zero), today: today) } == nil)
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(later, allocationLeft: Money(yuan: 99_999), project: (p, .zero), today: today) }?.field == "amount")
        // 110% of 500,000 is 550,000: 460,000 so far + 100,000 passes it; 450,000 + 100,000 does not.
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(later, allocationLeft: Money(yuan: 600_000), project: (p, Money(yuan: 460_000)), today: today) }?.message.contains("110%") == true)
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(later, allocationLeft: Money(yuan: 600_000), project: (p, Money(yuan: 450_000)), today: today) } == nil)
        let replanned = try p.take(.replan(amount: Money(yuan: 600_000), note: "东发改〔2019〕8号批复"), on: Self.d("2019-12-10"), reimbursed: Money(yuan: 460_000))
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(later, allocationLeft: Money(yuan: 600_000), project: (replanned, Money(yuan: 460_000)), today: today) } == nil)
        var negative = later
        negative.amount = Money(fen: 0)
        #expect(Self.refusal { () throws(Refused) in try ReimbursementCheck.check(negative, allocationLeft: Money(yuan: 600_000), project: nil, today: today) }?.field == "amount")
    }

    @Test func the_rate_is_exact_and_idle_funds_follow_the_rule() {
        let rate = ReimbursementRate(reimbursed: Money(fen: 27_456), allocated: Money(yuan: 1_000))
        #expect(rate.basisPoints == 2_745 && rate.percent == "27.5%")
        #expect(ReimbursementRate(reimbursed: .zero, allocated: .zero).percent == "—")
        let rule = IdleFundRule.standard
        let allocated = Self.d("2019-03-01")
        #expect(rule.isIdle(allocated: allocated, amount: Money(yuan: 1_000), reimbursed: Money(yuan: 299), asOf: Self.d("2019-06-30")))
        #expect(!rule.isIdle(allocated: allocated, amount: Money(yuan: 1_000), reimbursed: Money(yuan: 300), asOf: Self.d("2019-06-30")))
        #expect(!rule.isIdle(allocated: allocated, amount: Money(yuan: 1_000), reimbursed: .zero, asOf: Self.d("2019-05-30")))
        #expect(IdleFundRule(days: 30, threshold: 50).isIdle(allocated: allocated, amount: Money(yuan: 1_000), reimbursed: Money(yuan: 400), asOf: Self.d("2019-05-01")))
        #expect(rule.age(of: allocated, asOf: Self.d("2019-02-01")) == 0)
    }

    @Test func notices_are_due_in_working_days_and_posted_for_ten() throws {
        #expect(Self.d("2026-12-03").weekday == 3 && Self.d("2026-12-06").weekday == 6, "Thursday, Sunday")
        #expect(PublicNotice.workingDays(15, after: Self.d("2026-12-03")) == Self.d("2026-12-24"))
        let n = PublicNotice(kind: .posting, subject: 1, title: "弄谷村百香果基地入库前公示", area: Self.village, due: Self.d("2019-02-01"))
        #expect(n.state(on: Self.d("2019-02-01")) == .pending && n.state(on: Self.d("2019-02-02")) == .overdue)
        let today = Self.d("2019-02-20")
        #expect(Self.refusal { () throws(Refused) in try n.post(on: Self.d("2019-01-31"), place: "村委会", today: today, earliest: Self.d("2019-02-01")) }?.field == "posted")
        #expect(Self.refusal { () throws(Refused) in try n.post(on: Self.d("2019-02-21"), place: "村委会", today: today, earliest: Self.d("2019-02-01")) }?.field == "posted")
        #expect(Self.refusal { () throws(Refused) in try n.post(on: Self.d("2019-02-02"), place: " ", today: today, earliest: Self.d("2019-02-01")) }?.field == "place")
        let posted = try n.post(on: Self.d("2019-02-02"), place: "村委会公示栏", today: today, earliest: Self.d("2019-02-01"))
        #expect(posted.state(on: today) == .showing)
        #expect(try posted.remove(on: Self.d("2019-02-08"), today: today).state(on: today) == .early)
        #expect(try posted.remove(on: Self.d("2019-02-12"), today: today).state(on: today) == .done)
        #expect(Self.refusal { () throws(Refused) in try posted.remove(on: Self.d("2019-02-01"), today: today) }?.field == "removed")
    }
}
