import FluentKit
import Foundation
import TuopinDomain
import TuopinStore

/// 附件 — uploads checked before anything is written (type read from the bytes, size, count), written with
/// the record they come with in its transaction and audited with their SHA-256; served only to a viewer whose
/// area covers the record.
public enum AttachmentService {
    /// One uploaded file as the browser sent it.
    public struct Upload: Sendable {
        public var name: String
        public var content: Data
        public init(name: String, content: Data) {
            self.name = name
            self.content = content
        }
    }

    /// A checked upload, ready to be written.
    public struct Checked: Sendable {
        public var name: String
        public var type: AttachmentType
        public var content: Data
        public var sha256: String
    }

    /// Checks every file (a form field's empty file input is skipped); the first fault refuses them all.
    public static func check(_ uploads: [Upload], field: String = "files", in ctx: ServiceContext) -> Result<[Checked], Refused> {
        let chosen = uploads.filter { !($0.content.isEmpty && $0.name.isEmpty) }
        if let refusal = ctx.attachments.checkCount(chosen.count, field: field) {
            return .failure(refusal)
        }
        var checked: [Checked] = []
        for u in chosen {
            switch ctx.attachments.check(name: u.name, head: Array(u.content.prefix(16)), size: u.content.count, field: field) {
            case .failure(let r): return .failure(r)
            case .success(let (type, name)):
                checked.append(Checked(name: name, type: type, content: u.content, sha256: AttachmentStore.digest(u.content)))
            }
        }
        return .success(checked)
    }

    /// The checked files of a form, or none with the fault put at its field in `faults` (the form's other faults
    /// are reported with it).
    public static func check(_ uploads: [Upload], into faults: inout [String: String], in ctx: ServiceContext) -> [Checked] {
        switch check(uploads, in: ctx) {
        case .success(let checked): return checked
        case .failure(let r):
            faults[r.field ?? "files"] = r.message
            return []
        }
    }

    /// Writes checked files for `owner` and records each; call inside the transaction of the step they come with.
    @discardableResult
    static func attach(_ files: [Checked], to owner: AttachmentOwner, area: AreaCode, in tx: ServiceContext) async throws -> [Attachment] {
        var saved: [Attachment] = []
        for f in files {
            let a = try await AttachmentStore.add(Attachment(owner: owner, area: area, name: f.name, type: f.type, size: f.content.count, sha256: f.sha256,
                                                             uploadedBy: tx.user.username, uploaded: tx.today), content: f.content, on: tx.db)
            try await tx.record(AttachmentEvent.attached(a))
            saved.append(a)
        }
        return saved
    }

    /// The attachments of a record (without their bytes), for a page the viewer already may see.
    public static func list(_ owner: AttachmentOwner, in ctx: ServiceContext) async throws -> [Attachment] {
        try await AttachmentStore.list(owner, on: ctx.db)
    }

    /// A file and its bytes, if the viewer's area covers the record it belongs to; otherwise it does not exist.
    public static func file(_ id: Attachment.ID, in ctx: ServiceContext) async throws -> (Attachment, Data) {
        try ctx.user.require(.readRegistry)
        let missing = Refused.notFound("没有这个附件", "no such attachment")
        guard let a = try await AttachmentStore.find(id, on: ctx.db) else { throw missing }
        switch a.owner.kind {
        case .problem, .changeRequest: guard ctx.user.scope.includes(a.area) else { throw missing }
        case .project:
            // Whoever sees the project (its area or one of its villages) sees its papers.
            guard (try? await FundsService.project(Project.ID(a.owner.id), in: ctx)) != nil else { throw missing }
        case .appeal:
            // Whoever sees the evaluation's appeals: its team and the county after the feedback.
            guard let e = a.owner.evaluation, (try? await EvaluationService.detail(e, in: ctx))?.answersHidden == false else { throw missing }
        }
        guard let content = try await AttachmentStore.content(id, on: ctx.db) else { throw missing }
        return (a, content)
    }
}
