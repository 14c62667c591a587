/// The identifiers of the registry's records. A household's ID cannot be passed where a user's or a
/// procedure's is expected; a member is identified by its ID number (one person, one household).
extension Household {
    public typealias ID = TypedID<Household>
}

extension Member {
    /// A member is the person with this ID number (证件号码).
    public typealias ID = ResidentID
}

extension User {
    public typealias ID = TypedID<User>
}

extension ChangeRequest {
    public typealias ID = TypedID<ChangeRequest>
}

extension Procedure {
    public typealias ID = TypedID<Procedure>
}
