/// 附件类型 — the kinds of file accepted: photos (JPEG, PNG) and PDF documents. The kind is read from the
/// file's first bytes, never from its name or the browser's word, so a renamed program is not a photo.
public enum AttachmentType: String, CaseIterable, Sendable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"

    public var mediaType: String { rawValue }
    public var isImage: Bool { self != .pdf }
    public var label: String {
        switch self {
        case .jpeg: "JPEG 照片"
        case .png: "PNG 图片"
        case .pdf: "PDF 文档"
        }
    }

    /// The type whose signature the bytes begin with, if any.
    public static func detect(_ head: [UInt8]) -> AttachmentType? {
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }
}
