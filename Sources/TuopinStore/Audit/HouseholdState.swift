import Crypto
import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// 户状态哈希 — a household's stored state (its fields, its members in order, its incomes by year) reduced to a
/// SHA-256 hash. The audit record of every change to a household carries the hash of the state the change
/// left; `tuopin audit verify --registry` hashes each household as it is stored now and compares it with
/// the hash its latest record gives, so a household, member or income changed behind the application's
/// back (with sqlite3 or psql) is named. The hash covers the values as the registry reads them back
/// (`HouseholdSnapshot`), not as a file wrote them.
public enum HouseholdState {
    /// The state of a household that no longer exists (removed by the application).
    public static let absent = "removed"

    /// The hash of the household with database ID `id` as this transaction sees it (`absent` when there is none).
    static func current(_ id: Household.ID, on db: any Database) async throws -> String {
        let stored = try await HouseholdSnapshot.load(ids: [id.rawValue], on: db as! any SQLDatabase)
        return stored[id.rawValue].map(hash) ?? absent
    }

    /// The hash of a household's state.
    public static func hash(_ h: Household) -> String {
        AuditChain.hex(SHA256.hash(data: Data(canonical(h).utf8)))
    }

    /// Every stored field in a fixed order, each as its length and text (nil as -1), so that no text can
    /// shift a boundary; members in their stored order, incomes by year.
    static func canonical(_ h: Household) -> String {
        var out = ""
        out.reserveCapacity(256 + h.members.count * 128)
        func put(_ s: String?) {
            if let s { out += String(s.utf8.count); out += ":"; out += s } else { out += "-1:" }
            out += "|"
        }
        func put(_ b: Bool?) { put(b.map { $0 ? "1" : "0" }) }
        func put(_ n: Int?) { put(n.map(String.init)) }
        func put(_ m: Money?) { put(m.map { String($0.fen) }) }
        put(h.number); put(h.villageCode.value); put(h.type.rawValue); put(h.standard.rawValue); put(h.mainCause.rawValue)
        put(h.otherCauses.map(\.rawValue).joined(separator: "、")); put(h.identifiedYear); put(h.exitYear)
        put(h.housingGrade?.rawValue); put(h.housingResolved); put(h.foodSecure); put(h.clothingSecure); put(h.waterSafe)
        put(h.phone); put(h.powerSupplied); put(h.broadcastReception)
        put(h.members.count)
        for p in h.members {
            put(p.name); put(p.id.registryText); put(p.relation.rawValue); put(p.ethnicity?.rawValue); put(p.education?.rawValue)
            put(p.schooling?.rawValue); put(p.educationExempt); put(p.health?.rawValue); put(p.labour?.rawValue)
            put(p.workPlace?.rawValue); put(p.workMonths); put(p.medicalInsurance); put(p.pensionInsurance)
        }
        put(h.incomes.count)
        for i in h.incomes.sorted(by: { $0.year < $1.year }) {
            put(i.year); put(i.wage); put(i.business); put(i.property); put(i.transfer); put(i.businessExpense)
        }
        return out
    }
}
