import Vapor

/// A multipart form decoded once per request: its text fields and its `files[]` parts. `FormTextMiddleware`,
/// `Request.formText` and `Request.uploads` all read this one copy, so a large upload is parsed once, not once
/// for every field read.
struct PostedMultipartForm: Decodable {
    var text: [String: String] = [:]
    var files: [File] = []

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormTextMiddleware.AnyKey.self)
        for key in c.allKeys {
            if key.stringValue == "files" {
                files = (try? c.decode([File].self, forKey: key)) ?? []
            } else if let v = try? c.decode(String.self, forKey: key) {
                text[key.stringValue] = v
            }
        }
    }

    init() {}

    struct Key: StorageKey { typealias Value = PostedMultipartForm }
}

extension Request {
    /// The posted multipart form, decoded on first use and kept for the request (nil for any other body).
    var multipartForm: PostedMultipartForm? {
        guard headers.contentType?.type == "multipart" else { return nil }
        if let kept = storage[PostedMultipartForm.Key.self] { return kept }
        let form = (try? content.decode(PostedMultipartForm.self)) ?? PostedMultipartForm()
        storage[PostedMultipartForm.Key.self] = form
        return form
    }
}
