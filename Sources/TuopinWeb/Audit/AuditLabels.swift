import Foundation

/// Readable names of audit actions and a readable before → after.
public enum AuditLabels {
    public static let actions: [String: String] = [
        "import": "导入", "sign_in": "登录", "sign_in.failed": "登录失败", "sign_in.locked": "登录失败并锁定", "sign_out": "退出",
        "user.add": "新建用户", "user.disable": "停用用户", "user.enable": "恢复用户", "user.reset_password": "重设密码",
        "api_token.issue": "发放 API 令牌", "api_token.revoke": "撤销 API 令牌", "identity.view": "查看完整证件号码",
        "audit.export": "导出痕迹", "registry.export": "导出建档立卡数据", "household.edit": "修改户信息", "household.import": "导入户信息",
        "change.submit": "提交变更申请", "change.approve": "同意变更申请", "change.return": "退回变更申请", "change.withdraw": "撤回变更申请",
    ]

    public static func action(_ key: String) -> String { actions[key] ?? key }

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
