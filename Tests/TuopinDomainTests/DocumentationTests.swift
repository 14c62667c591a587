import Foundation
import Testing

/// The documentation is self-contained (issue #13 item 23): no page points outside the repository, and every
/// document `docs/FILES.md` names for a file format exists and names the format's columns.
@Suite struct DocumentationTests {
    static let root = DomainRulesDocumentTests.root

    static func markdown() -> [URL] {
        let docs = FileManager.default.enumerator(at: root.appendingPathComponent("docs"), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
        return docs + [root.appendingPathComponent("README.md")]
    }

    @Test func no_document_points_outside_the_repository() throws {
        for url in Self.markdown() {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("../shared"), "\(url.lastPathComponent) points outside the repository")
            #expect(!text.contains("shared/formats"), "\(url.lastPathComponent) points to a format kept outside")
        }
    }

    @Test func every_file_format_is_described_here() throws {
        let index = try String(contentsOf: Self.root.appendingPathComponent("docs/FILES.md"), encoding: .utf8)
        let named = Set(index.matches(of: /`(docs\/[A-Z_]+\.md)`/).map { String($0.1) })
        #expect(named.count >= 5)
        for path in named {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path), "\(path) is missing")
        }
        let format = try String(contentsOf: Self.root.appendingPathComponent("docs/REGISTRY_FORMAT.md"), encoding: .utf8)
        for column in ["户编号", "村代码", "收入年度", "人均纯收入", "证件号码", "与户主关系", "基本养老保险", "通广播电视", "行号,列名,值,级别,问题",
                       "户编号,结论,未达标项"] {
            #expect(format.contains(column), "docs/REGISTRY_FORMAT.md does not describe \(column)")
        }
    }
}
