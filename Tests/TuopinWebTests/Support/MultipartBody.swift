import Foundation

/// A multipart/form-data body as a browser sends a form with files: text fields, then each file under
/// `files[]` with its name and declared type.
struct MultipartBody {
    static let boundary = "----tuopinTestBoundary7MA4YWxkTrZu0gW"
    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    static func make(fields: [(String, String)], files: [(name: String, type: String, content: Data)]) -> Data {
        var body = Data()
        func line(_ s: String) { body.append(Data((s + "\r\n").utf8)) }
        for (k, v) in fields {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(k)\"")
            line("")
            line(v)
        }
        for f in files {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"files[]\"; filename=\"\(f.name)\"")
            line("Content-Type: \(f.type)")
            line("")
            body.append(f.content)
            line("")
        }
        line("--\(boundary)--")
        return body
    }

    /// A small JPEG: its signature, then filler (enough for the type check; browsers show it broken).
    static func jpeg(_ size: Int = 2048) -> Data { Data([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0x41, count: max(0, size - 4))) }
    /// A PDF of plain text (so that it can be sent as text in pieces).
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
}
