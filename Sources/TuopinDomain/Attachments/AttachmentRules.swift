/// 附件规则 — what an upload may be: at most `maxBytes` a file (default 10 MB) and `maxFiles` files at once
/// (default 5), of an accepted type, not empty, with a name. `check` returns the type and the cleaned name,
/// or the refusal naming the file and its fault; nothing is kept of a refused upload.
public struct AttachmentRules: Sendable, Hashable {
    public var maxBytes: Int
    public var maxFiles: Int

    public init(maxBytes: Int = 10 * 1024 * 1024, maxFiles: Int = 5) {
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
    }

    /// The largest request body an upload form may send: every file at its limit and room for the fields.
    public var maxBody: Int { maxBytes * maxFiles + 256 * 1024 }

    public func check(name: String, head: [UInt8], size: Int, field: String = "files") -> Result<(AttachmentType, String), Refused> {
        let clean = Self.cleanName(name)
        let shown = clean.isEmpty ? "（无名）" : clean
        guard size > 0 else {
            return .failure(Refused(.invalid, "附件“\(shown)”是空文件", "attachment \"\(shown)\" is empty", field: field))
        }
        guard size <= maxBytes else {
            return .failure(Refused(.invalid, "附件“\(shown)”有 \(Self.megabytes(size))，超过每个文件 \(Self.megabytes(maxBytes)) 的上限",
                                    "attachment \"\(shown)\" is \(Self.megabytes(size)), over the limit of \(Self.megabytes(maxBytes)) a file", field: field))
        }
        guard let type = AttachmentType.detect(head) else {
            return .failure(Refused(.invalid, "附件“\(shown)”不是 JPEG、PNG 照片或 PDF 文档", "attachment \"\(shown)\" is not a JPEG or PNG photo or a PDF", field: field))
        }
        return .success((type, clean.isEmpty ? "附件" : clean))
    }

    /// Too many files in one form.
    public func checkCount(_ count: Int, field: String = "files") -> Refused? {
        count > maxFiles ? Refused(.invalid, "一次最多上传 \(maxFiles) 个附件（选了 \(count) 个）", "at most \(maxFiles) attachments at once (\(count) chosen)", field: field) : nil
    }

    /// The last part of a path, without control characters, at most 100 characters.
    public static func cleanName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && !($0.value < 0x20 || $0.value == 0x7F) && $0 != "\"" }
        return String(String.UnicodeScalarView(kept).prefix(100)).trimmingCharacters(in: .whitespaces)
    }

    public static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024)) KB"
    }
}
