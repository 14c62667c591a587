import FluentKit
import Foundation
import SQLKit
import TuopinDomain

/// Writes an edit of a household's own fields: only over the version the editor saw, with the
/// values before and after in the audit trail, in one transaction.
public enum HouseholdEditor {
    /// Someone saved the household after the editor opened it; nothing was written.
    public struct Conflict: Error, Sendable {
        public var current: HouseholdDetail
        /// Fields whose stored value differs from the editor's: name → (theirs, stored now).
        public var changed: [String: (seen: String, now: String)]
        public var message: String {
            "保存失败：此户已被他人修改为第\(current.version)版（\(changed.keys.sorted().joined(separator: "、"))），您的修改未保存，请核对后重新提交 / not saved: someone else saved version \(current.version) meanwhile; check and submit again"
        }
    }

    /// The household fields as shown in change requests and the audit trail.
    public static func fields(_ h: Household) -> [String: String] {
        func b(_ v: Bool?) -> String { v.map(YesNo.label) ?? "" }
        return ["贫困户属性": h.type.rawValue, "识别标准": h.standard.rawValue, "主要致贫原因": h.mainCause.rawValue,
                "其他致贫原因": h.otherCauses.map(\.rawValue).joined(separator: "、"), "识别年度": String(h.identifiedYear),
                "脱贫年度": h.exitYear.map(String.init) ?? "", "住房安全等级": h.housingGrade?.rawValue ?? "",
                "危房已改造或已搬迁": b(h.housingResolved), "不愁吃": b(h.foodSecure), "不愁穿": b(h.clothingSecure),
                "饮水安全": b(h.waterSafe), "联系电话": h.phone ?? ""]
    }

    /// Applies `edited` to household `id` if it is still at `expectedVersion`; returns the new version.
    @discardableResult
    public static func apply(_ edited: Household, id: Int64, expectedVersion: Int, actor: User, ip: String?, reason: String?,
                             now: Date, on db: any Database) async throws -> Int {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let current = try await HouseholdStore.find(id, scope: .everything, on: tx) else {
                throw HouseholdMissing()
            }
            if current.version != expectedVersion {
                let now = fields(current.household), mine = fields(edited)
                var changed: [String: (seen: String, now: String)] = [:]
                for (k, v) in mine where now[k] != v { changed[k] = (seen: v, now: now[k] ?? "") }
                throw Conflict(current: current, changed: changed)
            }
            let h = edited
            try await sql.raw("""
                UPDATE households SET status = \(bind: h.status.rawValue), household_type = \(bind: h.type.rawValue),
                identification_standard = \(bind: h.standard.rawValue), main_cause = \(bind: h.mainCause.rawValue),
                other_causes = \(bind: h.otherCauses.map(\.rawValue).joined(separator: "、")), identified_year = \(bind: h.identifiedYear),
                exit_year = \(bind: h.exitYear), housing_grade = \(bind: h.housingGrade?.rawValue), housing_resolved = \(bind: h.housingResolved),
                food_secure = \(bind: h.foodSecure), clothing_secure = \(bind: h.clothingSecure), water_safe = \(bind: h.waterSafe),
                phone = \(bind: h.phone), version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """).run()
            let before = fields(current.household), after = fields(h)
            let changedKeys = after.keys.filter { before[$0] != after[$0] }
            try await AuditTrail.append(.init(actor: actor.username, actorRole: actor.role.rawValue, ip: ip, action: "household.edit",
                                              entity: "household", entityID: String(id), areaCode: h.villageCode.value,
                                              before: AuditTrail.json(before.filter { changedKeys.contains($0.key) }.mapValues { $0 }),
                                              after: AuditTrail.json(after.filter { changedKeys.contains($0.key) }.mapValues { $0 }),
                                              reason: reason, at: now), on: tx)
            return expectedVersion + 1
        }
    }

    struct HouseholdMissing: Error, CustomStringConvertible {
        var description: String { "没有这一户 / no such household" }
    }
}
