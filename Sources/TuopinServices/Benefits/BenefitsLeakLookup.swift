import Foundation
import TuopinDomain
import TuopinStore

/// One leak flag found by its key (`year|证件号码|policy|rule`) for a verification, without checking the whole county
/// again: every rule of `LeakCheck` looks at one person's payments, their household, their death and move-out records
/// and whom they live with, so the check run over the person's household alone (or the person alone, when the
/// registry does not hold them) gives the county's flags for them (BenefitsFlowTests checks it for every flag).
extension BenefitsService {
    static func leakFlag(year: Int, key: String, county: AreaCode, in ctx: ServiceContext) async throws -> LeakCheck.Flag? {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, Int(parts[0]) == year else { return nil }
        let idNumber = String(parts[1])
        let homes = try await BenefitStore.home(holding: idNumber, county: county, file: ctx.registryFile, on: ctx.db).map { [$0] } ?? []
        let ids = homes.isEmpty ? [idNumber] : homes.flatMap { $0.members.map(\.idNumber) }
        let payments = try await BenefitStore.payments(county: county, year: year, idNumbers: ids, file: ctx.registryFile, on: ctx.db)
        var deaths: [String: LocalDate] = [:], moves: [String: LocalDate] = [:]
        for r in try await DepartmentStore.records(county: county, idNumbers: ids, kinds: [.deaths, .moves], on: ctx.db) {
            guard let d = r.date else { continue }
            if r.kind == .deaths { deaths[r.idNumber] = min(deaths[r.idNumber] ?? d, d) } else { moves[r.idNumber] = min(moves[r.idNumber] ?? d, d) }
        }
        let flags = LeakCheck.evaluate(year: year, payments: payments, homes: homes, policies: ctx.benefits, deaths: deaths, moves: moves,
                                       officials: try await officials(county: county, homes: homes, in: ctx))
        return flags.first { $0.key == key }
    }
}
