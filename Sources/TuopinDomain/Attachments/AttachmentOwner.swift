/// 附件所属 — the record an attachment belongs to: a problem (its finding or a step's evidence), a change
/// request, a project, or an evaluation's appeal (申诉举证: evaluation × 1,000,000 + 样本编号).
public struct AttachmentOwner: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        case problem
        case changeRequest = "change_request"
        case project
        case appeal

        public var label: String {
            switch self {
            case .problem: "问题"
            case .changeRequest: "变更申请"
            case .project: "项目"
            case .appeal: "申诉"
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
    public static func appeal(_ evaluation: Evaluation.ID, sample: Int) -> AttachmentOwner { AttachmentOwner(.appeal, evaluation.rawValue * 1_000_000 + Int64(sample)) }

    /// The evaluation an appeal's file belongs to.
    public var evaluation: Evaluation.ID? { kind == .appeal ? Evaluation.ID(id / 1_000_000) : nil }

    /// "问题 12".
    public var description: String { "\(kind.label) \(id)" }
}
