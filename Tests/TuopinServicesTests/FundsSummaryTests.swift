import FluentKit
import Foundation
import Testing
import TuopinDomain
import TuopinServices
import TuopinStore
import TuopinTestSupport

/// The funds page's totals summed in the database give what the overview computes from every allocation with the
/// domain's idle rule — on both databases, for several dates and rules — and its idle rows are the overview's oldest.
@Suite struct FundsSummaryTests {
    @Test func the_summary_in_sql_agrees_with_the_overview_in_memory() async throws {
        try await StoreHarness.withStore { db in
            try await Self.fill(db)
            let county = AreaCode("451224")!
            let ctx = ServiceContext.commandLine(db: db)
            for (asOf, rule, area) in [(LocalDate(year: 2019, month: 12, day: 31)!, IdleFundRule.standard, Optional(county)),
                                       (LocalDate(year: 2019, month: 7, day: 1)!, IdleFundRule(days: 30, threshold: 10), nil),
                                       (LocalDate(year: 2020, month: 6, day: 30)!, IdleFundRule(days: 180, threshold: 50), AreaCode("451224100000"))] {
                let full = try await FundsService.overview(area: area, asOf: asOf, rule: rule, in: ctx)
                let page = try await FundsService.summary(area: area, asOf: asOf, rule: rule, shown: 7, in: ctx)
                #expect(full.total.idleCount > 0, "the data has idle money on \(asOf)")
                #expect(page.total == full.total)
                #expect(page.byArea == full.byArea)
                #expect(page.bySource == full.bySource)
                #expect(page.byUnit == full.byUnit)
                #expect(page.idleRows == Array(full.idleRows.prefix(7)))
            }
        }
    }

    /// What each ledger row says was reimbursed by a date — kept on the allocation by the writes, or summed when a
    /// reimbursement is later than the date — is the sum of its reimbursements up to that date.
    @Test func the_kept_reimbursed_sum_agrees_with_the_reimbursements_on_every_date() async throws {
        try await StoreHarness.withStore { db in
            let paid = try await Self.fill(db)
            let last = paid.map(\.date).max()!
            for asOf in [LocalDate(year: 2019, month: 3, day: 1)!, LocalDate(year: 2019, month: 9, day: 30)!, last.adding(days: -1), last] {
                let rows = try await FundStore.ledger(area: nil, asOf: asOf, on: db)
                #expect(rows.count > 0)
                for r in rows {
                    let expected = paid.filter { $0.allocation == r.allocation.id && $0.date <= asOf }.reduce(Money.zero) { $0 + $1.amount }
                    #expect(r.reimbursed == expected, "allocation \(r.allocation.id!.rawValue) on \(asOf)")
                }
            }
        }
    }

    /// A county's sources and 120 allocations with up to three reimbursements each, some after the dates asked.
    @discardableResult
    static func fill(_ db: any Database) async throws -> [Reimbursement] {
        var paid: [Reimbursement] = []
        var random = SeededRandom(seed: 16)
        let county = AreaCode("451224")!
        let areas = [AreaCode("451224100000")!, AreaCode("451224101000")!, AreaCode("451224100201")!, AreaCode("451224000000")!]
        var sources: [FundSource] = []
        // Two sources of one kind: the totals, grouped by source, are joined by kind.
        for (n, kind) in [FundSource.Kind.central, .integrated, .eastWest, .central].enumerated() {
            sources.append(try await FundStore.addSource(FundSource(kind: kind, document: "测〔2019〕\(n + 1)号", title: "测试资金\(n)",
                                                                    issued: LocalDate(year: 2019, month: 1, day: 10)!, amount: Money(yuan: 100_000_000),
                                                                    county: county), on: db))
        }
        for n in 0..<120 {
            let day = LocalDate(year: 2019, month: 1, day: 15)!.adding(days: Int(random.next() % 300))
            let amount = Money(fen: Int64(random.next() % 3 == 0 ? 0 : 100_000 + random.next() % 50_000_000))
            let unit = ["", "县教育局", "乡镇人民政府"][n % 3]
            let a = try await FundStore.addAllocation(FundAllocation(source: sources[n % 4].id!, area: areas[n % areas.count], amount: amount, date: day,
                                                                     unit: unit), on: db)
            for k in 0..<Int(random.next() % 4) {
                let share = Money(fen: amount.fen * Int64(random.next() % 40) / 100)
                let r = Reimbursement(allocation: a.id!, amount: share, date: day.adding(days: 1 + Int(random.next() % 200)), voucher: "记-\(n)-\(k)",
                                      level: .township)
                paid.append(try await FundStore.addReimbursement(r, on: db))
            }
        }
        return paid
    }
}
