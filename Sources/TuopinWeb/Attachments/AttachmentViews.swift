import TuopinDomain

/// 附件 in pages: the file input of an upload form (limits stated, the camera offered on a phone) and the
/// list of a record's files (photos as thumbnails, documents as links, each with its size and SHA-256).
enum AttachmentViews {
    static func input(_ rules: AttachmentRules, label: String = "照片或文件（可多选）", fault: String?, photo: Bool = false) -> HTML {
        let hint = "JPEG、PNG 或 PDF，每个不超过 \(AttachmentRules.megabytes(rules.maxBytes))，最多 \(rules.maxFiles) 个"
        let accept: HTML = photo ? "image/jpeg,image/png" : "image/jpeg,image/png,application/pdf"
        let err: HTML = fault.map { f -> HTML in "<span class=\"bad\" id=\"s-files-fault\">\(f)</span>" } ?? .empty
        let aria: HTML = fault == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"s-files-fault\""
        return """
            <label>\(label)<input type="file" name="files[]" multiple accept="\(accept)"\(aria)><small class="muted">\(hint)</small>\(err)</label>
            """
    }

    static func list(_ files: [Attachment]) -> HTML {
        guard !files.isEmpty else { return "<p class=\"muted\">没有附件。</p>" }
        let items = files.map { a -> HTML in
            let link = "/attachments/\(a.id!.rawValue)"
            let shown: HTML = a.type.isImage
                ? "<a href=\"\(link)\"><img src=\"\(link)\" alt=\"\(a.name)\" loading=\"lazy\" class=\"thumb\"></a>"
                : "<a href=\"\(link)\">\(a.name)</a>"
            return """
                <li>\(shown)<br><small>\(a.name) · \(a.type.label) · \(AttachmentRules.megabytes(a.size)) · \(a.uploaded.description) \(a.uploadedBy) ·
                SHA-256 <code title="\(a.sha256)">\(String(a.sha256.prefix(12)))…</code></small></li>
                """
        }.joined(separator: "\n")
        return "<ul class=\"attachments\">\(items)</ul>"
    }
}
