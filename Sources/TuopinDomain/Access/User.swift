/// 用户 — a person who signs in: their unit, phone, role and the area they answer for.
public struct User: Hashable, Sendable, Codable {
    public var id: ID?
    /// 登录名
    public var username: String
    /// 姓名
    public var name: String
    /// 单位
    public var unit: String
    /// 联系电话
    public var phone: String?
    public var role: Role
    /// 所属区划 (none for an administrator of the whole system)
    public var area: AreaCode?
    /// 已停用
    public var disabled: Bool

    public init(id: ID? = nil, username: String, name: String, unit: String, phone: String? = nil, role: Role,
                area: AreaCode?, disabled: Bool = false) {
        self.id = id
        self.username = username
        self.name = name
        self.unit = unit
        self.phone = phone
        self.role = role
        self.area = area
        self.disabled = disabled
    }

    public var scope: AccessScope { .of(role: role, area: area) }
    public func can(_ p: Permission) -> Bool { !disabled && role.allows(p) }

    /// The faults of a user record, by field (empty when valid).
    public func faults() -> [String: String] {
        var f: [String: String] = [:]
        let u = username.utf8
        if u.count < 3 || u.count > 32 || !u.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 == 95 || $0 == 45 || $0 == 46 }) {
            f["username"] = "登录名须为3–32位小写字母、数字或 . _ - / username must be 3–32 lower-case letters, digits or . _ -"
        }
        if name.trimmedCell.isEmpty { f["name"] = "姓名不能为空 / name is required" }
        if unit.trimmedCell.isEmpty { f["unit"] = "单位不能为空 / unit is required" }
        if let level = role.areaLevel {
            if let a = area, a.level != level {
                f["area"] = "\(role.rawValue)须属于\(level.label)级区划 / a \(role.key) user belongs to a \(level.key) area"
            } else if area == nil {
                f["area"] = "\(role.rawValue)须指定所属区划 / a \(role.key) user needs an area"
            }
        } else if role != .administrator && role != .cadre && role != .evaluator && area == nil {
            f["area"] = "\(role.rawValue)须指定所属区划 / a \(role.key) user needs an area"
        }
        return f
    }
}

extension User {
    /// Whether this user may create or change `other`: managers act only within their own area and only on
    /// accounts of a lower rank (`Role.rank`); only an administrator creates or changes administrators, county
    /// offices, leaders and inspectors (issues #3, #13).
    public func mayManage(_ other: User) -> Bool {
        guard can(.manageUsers) else { return false }
        if role == .administrator { return true }
        guard other.role.rank < role.rank else { return false }
        guard let mine = area, let theirs = other.area else { return false }
        return mine.contains(theirs)
    }
}
