/// The one place permissions are checked. Every use case asks here before it reads or writes; what a
/// role may do is `Role.permissions` (docs/ROLES.md), what part of the registry it sees is `AccessScope`.
extension User {
    /// Requires a permission: a refusal naming the role and what it may not do otherwise.
    public func require(_ permission: Permission) throws(Refused) {
        guard can(permission) else {
            throw Refused(.forbidden, "您的角色（\(role.rawValue)）无权\(permission.label)", "your role may not do this (\(permission.rawValue))")
        }
    }

    /// Requires an area to lie within the user's scope. What lies outside looks exactly like what does not
    /// exist, so the refusal is "not found" in the words given.
    public func requireSight(of area: AreaCode, or notFound: Refused) throws(Refused) {
        guard scope.includes(area) else { throw notFound }
    }

    /// Requires that this user may create or change the account `other` (`mayManage`).
    public func requireManagement(of other: User) throws(Refused) {
        try require(.manageUsers)
        guard mayManage(other) else { throw Refused.noSuchUser }
    }
}

extension Refused {
    public static let noSuchHousehold = Refused.notFound("没有这一户", "no such household")
    public static let noSuchProcedure = Refused.notFound("没有这个程序", "no such procedure")
    public static let noSuchChangeRequest = Refused.notFound("没有这个变更申请", "no such change request")
    public static let noSuchUser = Refused.notFound("没有这个用户", "no such user")
    public static func noSuchArea(_ code: AreaCode) -> Refused { .notFound("没有这个区划", "no such area: \(code.value)") }
}
