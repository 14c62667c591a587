/// 附件 — a photo or document uploaded as a finding's picture, a rectification's evidence (整改佐证), a change
/// request's supporting paper or a project step's record. Its bytes are kept with it in the database; the
/// trail keeps its SHA-256, so a file swapped afterwards no longer matches what was recorded.
public struct Attachment: Hashable, Sendable {
    public typealias ID = TypedID<Attachment>
    public var id: ID?
    public var owner: AttachmentOwner
    /// The area of what it belongs to: who may open it is decided by this area's scope.
    public var area: AreaCode
    /// The file's name as uploaded, cleaned of any folder part.
    public var name: String
    public var type: AttachmentType
    public var size: Int
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    public var uploadedBy: String
    public var uploaded: LocalDate

    public init(id: ID? = nil, owner: AttachmentOwner, area: AreaCode, name: String, type: AttachmentType, size: Int, sha256: String,
                uploadedBy: String, uploaded: LocalDate) {
        self.id = id
        self.owner = owner
        self.area = area
        self.name = name
        self.type = type
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploaded = uploaded
    }
}
