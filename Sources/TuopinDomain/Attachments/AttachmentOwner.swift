/// 附件所属 — the record an attachment belongs to: a problem (its finding or a step's evidence), a change
/// request, or a project.
public struct AttachmentOwner: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        case problem
        case changeRequest = "change_request"
        case project

        public var label: String {
            switch self {
            case .problem: "问题"
            case .changeRequest: "变更申请"
            case .project: "项目"
            }
        }
    }

    public var kind: Kind
    public var id: Int64

    public init(_ kind: Kind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }

    public static func problem(_ id: Problem.ID) -> AttachmentOwner { AttachmentOwner(.problem, id.rawValue) }
    public static func changeRequest(_ id: ChangeRequest.ID) -> AttachmentOwner { AttachmentOwner(.changeRequest, id.rawValue) }
    public static func project(_ id: Project.ID) -> AttachmentOwner { AttachmentOwner(.project, id.rawValue) }

    /// "问题 12".
    public var description: String { "\(kind.label) \(id)" }
}
