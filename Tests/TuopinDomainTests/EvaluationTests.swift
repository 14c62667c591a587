import Foundation
import Testing
import TuopinDomain

/// 第三方评估: the ratio estimator against hand-computed cases, the sample's reproducibility, strata and
/// probabilities, and the three rates with their thresholds.
struct EvaluationTests {
    /// Two strata of two villages: (stratum, village, y, x) as worked by hand in docs/EVALUATION.md.
    static let cases: [(String, String, Double, Double)] = [("A", "c1", 1, 10), ("A", "c1", 0, 10), ("A", "c2", 0, 10), ("A", "c2", 0, 10),
                                                            ("B", "c3", 2, 10), ("B", "c4", 1, 10), ("B", "c4", 0, 10)]

    @Test func the_estimator_agrees_with_the_hand_computation() throws {
        let equal = RatioEstimate(Self.cases.map { .init(stratum: $0.0, cluster: $0.1, weight: 1, y: $0.2, x: $0.3) })
        #expect(equal.plain == 4.0 / 70)
        #expect(abs(equal.weighted! - 4.0 / 70) < 1e-12)
        // z by cluster: c1 −0.0020408, c2 −0.0163265 (A), c3 0.0204082, c4 −0.0020408 (B); V = 2·Σ(z − z̄)² per stratum.
        #expect(abs(equal.standardError! - 0.026608989408990) < 1e-9)
        // Weights 2 in stratum A and 5 in B: R = 17/230; V = 7.5614e-5 + 1.429384e-3.
        let weighted = RatioEstimate(Self.cases.map { .init(stratum: $0.0, cluster: $0.1, weight: $0.0 == "A" ? 2 : 5, y: $0.2, x: $0.3) })
        #expect(abs(weighted.weighted! - 17.0 / 230) < 1e-12)
        #expect(abs(weighted.standardError! - 0.038794297012735) < 1e-9)
        #expect(weighted.plain == 4.0 / 70, "the plain ratio ignores the weights")
        let interval = try #require(weighted.interval)
        #expect(interval.lowerBound == 0 && abs(interval.upperBound - (17.0 / 230 + 1.96 * 0.038794297012735)) < 1e-9, "kept within [0, 1]")
    }

    @Test func a_lonely_village_adds_no_variance_and_no_sample_gives_no_rate() {
        let one = RatioEstimate([.init(stratum: "A", cluster: "c1", weight: 1, y: 1, x: 10), .init(stratum: "A", cluster: "c1", weight: 1, y: 0, x: 10)])
        #expect(one.standardError == 0)
        #expect(one.chance(beyond: 0.02) == 1, "0.05 is over 2% for certain when nothing varies")
        let none = RatioEstimate([])
        #expect(none.plain == nil && none.interval == nil && none.chance(beyond: 0.02) == nil)
    }

    @Test func the_chance_of_missing_follows_the_normal_curve() {
        let e = RatioEstimate(Self.cases.map { .init(stratum: $0.0, cluster: $0.1, weight: 1, y: $0.2, x: $0.3) })
        // (0.02 − 0.0571429) / 0.0266090 = −1.3959 → P(above) = Φ(1.3959) ≈ 0.9186.
        #expect(abs(e.chance(beyond: 0.02)! - 0.9186) < 0.0005)
        #expect(abs(e.chance(beyond: 0.02, above: false)! - 0.0814) < 0.0005)
    }

    static func frame() -> [EvaluationSampler.Village] {
        (1...40).map { v in
            let code = AreaCode(String(format: "4512241%02d2%02d", v % 8, v))!
            func units(_ prefix: String, _ n: Int) -> [EvaluationSampler.Unit] { (0..<n).map { .init(key: "\(prefix)\(v)-\($0)", persons: 1 + $0 % 5) } }
            return .init(code: code, isPoor: v <= 20, households: [.exited: units("E", 40), .poor: units("P", v % 3 == 0 ? 4 : 12), .nonRegistered: units("N", 100)])
        }
    }

    @Test func the_same_seed_draws_the_same_sample_with_its_probabilities() throws {
        let design = EvaluationDesign(villages: 24, poorShare: 2.0 / 3.0, perVillage: [.exited: 10, .poor: 5, .nonRegistered: 10])
        let a = EvaluationSampler.draw(Self.frame(), design: design, seed: 42)
        #expect(a == EvaluationSampler.draw(Self.frame().reversed(), design: design, seed: 42), "the frame's order does not matter")
        #expect(a != EvaluationSampler.draw(Self.frame(), design: design, seed: 43))
        let villages = Dictionary(grouping: a, by: \.village)
        #expect(villages.count == 24)
        #expect(villages.values.filter { $0[0].villageIsPoor }.count == 16, "two thirds poor villages")
        #expect(a.map(\.number) == Array(1...a.count))
        // 16 of 20 poor villages, 8 of 20 others; 10 of 40 exited households in each.
        #expect(a.filter { $0.stratum == .exited && $0.villageIsPoor }.allSatisfy { abs($0.probability - 0.8 * 0.25) < 1e-12 })
        #expect(a.filter { $0.stratum == .exited && !$0.villageIsPoor }.allSatisfy { abs($0.probability - 0.4 * 0.25) < 1e-12 })
        // A village with only 4 still-poor households gives all 4, each with household probability 1.
        let small = a.filter { $0.stratum == .poor }.filter { p in Self.frame().first { $0.code == p.village }!.households[.poor]!.count == 4 }
        #expect(!small.isEmpty && small.allSatisfy { abs($0.probability - ($0.villageIsPoor ? 0.8 : 0.4)) < 1e-12 })
        #expect(Set(a.map(\.key)).count == a.count, "no household twice")
    }

    @Test func the_two_stages_need_only_the_drawn_villages_households() {
        let design = EvaluationDesign(villages: 12, poorShare: 2.0 / 3.0, perVillage: [.exited: 6, .poor: 3, .nonRegistered: 6])
        let whole = EvaluationSampler.draw(Self.frame(), design: design, seed: 9)
        var random = EvaluationSampler.generator(9)
        let chosen = EvaluationSampler.villages(Self.frame().map { .init(code: $0.code, isPoor: $0.isPoor) }, design: design, random: &random)
        #expect(chosen.count == 12 && chosen.filter(\.village.isPoor).count == 8)
        let drawnOnly = Dictionary(uniqueKeysWithValues: Self.frame().filter { v in chosen.contains { $0.village.code == v.code } }.map { ($0.code, $0) })
        #expect(drawnOnly.count == 12)
        #expect(EvaluationSampler.households(chosen, of: drawnOnly, design: design, random: &random) == whole)
    }

    @Test func too_few_poor_villages_are_made_up_from_the_others() {
        let design = EvaluationDesign(villages: 30, poorShare: 0.9, perVillage: [.exited: 1, .poor: 0, .nonRegistered: 0])
        let a = EvaluationSampler.draw(Self.frame(), design: design, seed: 1)
        #expect(Set(a.map(\.village)).count == 30)
        #expect(Set(a.filter(\.villageIsPoor).map(\.village)).count == 20)
    }

    @Test func the_rates_count_persons_and_households_against_their_thresholds() {
        let v1 = AreaCode("451224100201")!, v2 = AreaCode("451224101201")!
        let picks: [EvaluationSampler.Pick] = [
            .init(number: 1, village: v1, villageIsPoor: true, stratum: .exited, key: "H1", persons: 4, probability: 0.5),
            .init(number: 2, village: v1, villageIsPoor: true, stratum: .exited, key: "H2", persons: 3, probability: 0.5),
            .init(number: 3, village: v2, villageIsPoor: true, stratum: .exited, key: "H3", persons: 5, probability: 0.5),
            .init(number: 4, village: v2, villageIsPoor: true, stratum: .nonRegistered, key: "R1", persons: 2, probability: 0.1),
            .init(number: 5, village: v2, villageIsPoor: true, stratum: .poor, key: "H4", persons: 2, probability: 0.5),
        ]
        let yes = Dictionary(uniqueKeysWithValues: EvaluationInterview.approvalItems.map { ($0, true) })
        let interviews = [
            EvaluationInterview(evaluation: 1, sample: 1, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .wrongExit, approvals: yes),
            EvaluationInterview(evaluation: 1, sample: 2, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .rightExit,
                                approvals: yes.merging(["脱贫退出": false], uniquingKeysWith: { $1 })),
            EvaluationInterview(evaluation: 1, sample: 4, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .notPoor, approvals: yes),
            EvaluationInterview(evaluation: 1, sample: 5, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .rightPoor, approvals: [:]),
        ]
        let rates = EvaluationRates(sample: picks, interviews: interviews)
        #expect(rates.wrongExit.estimate.plain == 4.0 / 7, "4 wrongly exited persons of 7 interviewed (sample 3 not yet)")
        #expect(rates.wrongExit.met == false)
        #expect(rates.missed.estimate.plain == 0 && rates.missed.met == true)
        #expect(rates.approval.estimate.plain == 2.0 / 3, "household 2 did not approve the exit; household 5 was not asked")
        #expect(rates.approval.met == false)
        #expect(rates.wrongExit.sentence.hasPrefix("错退率 57.1%（加权 57.1%，95% 区间"))
        #expect(rates.wrongExit.sentence.hasSuffix("阈值 < 2%：有 100% 的可能超标") || rates.wrongExit.sentence.contains("的可能超标"))
        #expect(rates.rows.map(\.first) == ["错退率", "漏评率", "群众认可度"])
        #expect(rates.rows[0].last == "否" && rates.rows[1].last == "是")
        #expect(EvaluationRates(sample: picks, interviews: []).wrongExit.sentence.contains("无数据"))
    }

    /// 漏评率 takes the official base (the sampled villages' non-registered persons) once the roster gives it, and
    /// 综合贫困发生率 = (剩余 + 漏评率 × 卡外人口 + 错退率 × 脱贫人口) ÷ 乡村户籍人口, worked by hand.
    @Test func the_roster_gives_the_official_missed_base_and_the_incidence() throws {
        let v1 = AreaCode("451224100201")!, v2 = AreaCode("451224101201")!, v3 = AreaCode("451224102201")!
        let picks: [EvaluationSampler.Pick] = [
            .init(number: 1, village: v1, villageIsPoor: true, stratum: .exited, key: "H1", persons: 4, probability: 0.5),
            .init(number: 2, village: v2, villageIsPoor: true, stratum: .exited, key: "H2", persons: 6, probability: 0.5),
            .init(number: 3, village: v1, villageIsPoor: true, stratum: .nonRegistered, key: "R1", persons: 2, probability: 0.1),
            .init(number: 4, village: v2, villageIsPoor: true, stratum: .nonRegistered, key: "R2", persons: 3, probability: 0.1),
        ]
        let interviews = [
            EvaluationInterview(evaluation: 1, sample: 1, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .rightExit, approvals: [:]),
            EvaluationInterview(evaluation: 1, sample: 2, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .wrongExit, approvals: [:]),
            EvaluationInterview(evaluation: 1, sample: 3, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .missed, approvals: [:]),
            EvaluationInterview(evaluation: 1, sample: 4, date: LocalDate(iso: "2020-08-01")!, interviewer: "e", verdict: .notPoor, approvals: [:]),
        ]
        // v3 was not sampled: its non-registered persons are outside the official base.
        let population = EvaluationPopulation(outsideByVillage: [v1: 40, v2: 60, v3: 900], remainingPoor: 50, exited: 1_000, rural: 5_000)
        let rates = EvaluationRates(sample: picks, interviews: interviews, population: population)
        #expect(rates.missed.estimate.plain == 2.0 / 100, "2 missed persons over the 100 non-registered persons of v1 and v2")
        #expect(rates.missed.estimate.weighted == 2.0 / 5, "the design estimate still divides by the persons interviewed")
        let incidence = try #require(rates.incidence)
        // (50 + 0.02 × 1000 + 0.6 × 1000) / 5000 = 670 / 5000
        #expect(abs(incidence.estimate.plain! - 670.0 / 5000) < 1e-12 && incidence.estimate.events == 670)
        #expect(incidence.threshold == 0.03 && incidence.met == false)
        #expect(rates.rows.map(\.first) == ["错退率", "漏评率", "群众认可度", "综合贫困发生率"] && rates.rows[3][2] == "670")
        #expect(EvaluationRates(sample: picks, interviews: interviews).incidence == nil, "no roster, no incidence")
    }

    @Test func verdicts_belong_to_their_stratum() {
        #expect(EvaluationVerdict.allowed(for: .exited) == [.rightExit, .wrongExit])
        #expect(!EvaluationVerdict.allowed(for: .nonRegistered).contains(.wrongExit))
        #expect(EvaluationVerdict.wrongExit.isFinding && EvaluationVerdict.missed.isFinding && !EvaluationVerdict.rightExit.isFinding)
        #expect(EvaluationDesign.perVillage("30, 10,30") == [.exited: 30, .poor: 10, .nonRegistered: 30])
        #expect(EvaluationDesign.perVillage("30,10") == nil && EvaluationDesign.perVillage("a,b,c") == nil && EvaluationDesign.perVillage("-1,0,0") == nil)
    }
}
