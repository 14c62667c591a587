import Foundation
import TuopinDomain

/// Readable names of audit actions and a readable before → after.
public enum AuditLabels {
    /// The Chinese label of an action (every event type declares its own, `AuditCatalog`).
    public static func action(_ key: String) -> String { AuditCatalog.label(key) }

    /// "field: before → after" lines from the JSON objects the trail keeps.
    public static func changes(before: String?, after: String?) -> [String] {
        let b = object(before), a = object(after)
        let keys = Set(b.keys).union(a.keys).sorted()
        if keys.isEmpty { return [before, after].compactMap { $0 } }
        return keys.compactMap { k in
            let x = b[k] ?? nil, y = a[k] ?? nil
            if before == nil { return "\(k)：\(y ?? "空")" }
            return x == y ? nil : "\(k)：\(x ?? "空") → \(y ?? "空")"
        }
    }

    static func object(_ json: String?) -> [String: String?] {
        guard let data = json?.data(using: .utf8),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return obj.mapValues { v in v is NSNull ? nil : "\(v)" }
    }
}
