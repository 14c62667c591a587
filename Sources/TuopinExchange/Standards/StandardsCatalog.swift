import Foundation
import TuopinDomain

/// Where the standards in force come from: the file shipped with Tuopin
/// (Resources/standards/standards.txt), or a deployment's own file.
public enum StandardsCatalog {
    /// The shipped file's text.
    public static let shippedText: String = {
        guard let url = Bundle.module.url(forResource: "standards", withExtension: "txt", subdirectory: "Resources/standards"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("the shipped standards file Resources/standards/standards.txt is missing from the build")
        }
        return text
    }()

    /// The shipped standards (checked by the test suite, so this never fails in a released build).
    public static let shipped: StandardSet = {
        switch StandardsFile.parse(shippedText) {
        case .success(let s): return s
        case .failure(let e): fatalError("the shipped standards file is faulty: \(e)")
        }
    }()

    /// A deployment's file, or the shipped one when `path` is nil.
    public static func load(path: String?) -> Result<StandardSet, StandardsFileError> {
        guard let path else { return .success(shipped) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(StandardsFileError(line: nil, "无法读取文件 \(path)", "cannot read \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(StandardsFileError(line: nil, "\(path) 不是 UTF-8 文本", "\(path) is not UTF-8 text"))
        }
        return StandardsFile.parse(text)
    }

    /// The path named by TUOPIN_STANDARDS, if any.
    public static func path(in env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        env["TUOPIN_STANDARDS"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
