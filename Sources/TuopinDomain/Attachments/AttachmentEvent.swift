/// 附件的痕迹 — a file attached to a record, with its SHA-256, size and type, in the same transaction as
/// the step it came with.
public enum AttachmentEvent: AuditEvent {
    case attached(Attachment)

    public enum Action: String, AuditActionKind {
        case attach = "attachment.add"

        public var label: String { "上传附件" }
    }

    public static var groupLabel: String { "附件" }

    public var action: Action { .attach }

    public var subject: AuditSubject {
        switch self {
        case .attached(let a):
            switch a.owner.kind {
            case .problem: AuditSubject(.problem, String(a.owner.id))
            case .changeRequest: AuditSubject(.changeRequest, String(a.owner.id))
            case .project: AuditSubject(.project, String(a.owner.id))
            case .appeal: AuditSubject(.evaluation, a.owner.evaluation?.description)
            }
        }
    }

    public var area: AreaCode? {
        switch self {
        case .attached(let a): a.area
        }
    }

    public var before: [String: String?]? { nil }

    public var after: [String: String?]? {
        switch self {
        case .attached(let a):
            ["附件编号": a.id?.description, "所属": a.owner.description, "文件名": a.name, "类型": a.type.mediaType, "大小": String(a.size), "SHA-256": a.sha256]
        }
    }

    public var reason: String? { nil }
}
