import Foundation
import TuopinDomain
import TuopinServices
import TuopinStore

extension DemoCommand {
    /// 干部亲属领取 (a leak the 公职人员 rule finds through the cadre list): the county records the ID number of one
    /// cadre, and it turns out to be that of an adult in a registered household whose other member was paid a benefit
    /// this year — Xintian's 优亲厚友. The change goes through the cadre form's service, so it is audited as any edit.
    /// Returns the household number planted, or nil when no payment fits.
    func plantCadreKin(county: AreaCode, year: Int, homes: [LeakCheck.Home], in ctx: ServiceContext) async throws -> String? {
        let byMember = Dictionary(homes.flatMap { h in h.members.map { ($0.idNumber, h) } }, uniquingKeysWith: { a, _ in a })
        let adult = ctx.today.adding(days: -365 * 25)
        let payments = try await BenefitStore.payments(county: county, year: year, on: ctx.db).sorted { $0.idNumber < $1.idNumber }
        var chosen: (home: LeakCheck.Home, kin: LeakCheck.Person)?
        for p in payments {
            guard let home = byMember[p.idNumber],
                  let kin = home.members.first(where: { $0.idNumber != p.idNumber && $0.birth < adult }) else { continue }
            chosen = (home, kin)
            break
        }
        let cadres = try await CadreStore.byPhone(on: ctx.db).values.filter { $0.username == nil }.sorted { $0.phone < $1.phone }
        guard let chosen, let cadre = cadres.last, let id = cadre.id else { return nil }
        let form = ResponsibilityService.CadreForm(name: chosen.kin.name.isEmpty ? cadre.name : chosen.kin.name, phone: cadre.phone, unit: cadre.unit,
                                                   unitLevel: cadre.unitLevel.rawValue, post: cadre.post, rank: cadre.rank.rawValue,
                                                   username: "", reason: "演示数据：补录干部证件号码", idNumber: chosen.kin.idNumber)
        guard case .done = try await ResponsibilityService.saveCadre(id, form, in: ctx) else { return nil }
        return chosen.home.number
    }
}
