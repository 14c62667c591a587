import Foundation
import Testing

/// docs/DOMAIN_RULES.md maps each rule to its file and tests; it must name what exists, and every rule file
/// of the domain module must be in it.
@Suite struct DomainRulesDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// (code cell, tests cell) of every table row.
    static func rows() throws -> [(code: [String], tests: [String])] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/DOMAIN_RULES.md"), encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| rule") }.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            func ticks(_ cell: String) -> [String] { cell.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element) }
            return (ticks(cells[3]), ticks(cells[4]))
        }
    }

    static func swiftFiles(under folder: String) -> [URL] {
        FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    @Test func every_file_and_test_it_names_exists() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 25)
        let tests = try Self.swiftFiles(under: "Tests").map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        for row in rows {
            #expect(!row.code.isEmpty && !row.tests.isEmpty)
            for path in row.code {
                let full = path.hasPrefix("Tuopin") ? "Sources/\(path)" : "Sources/TuopinDomain/\(path)"
                #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(full).path), "\(full) does not exist")
            }
            for name in row.tests {
                #expect(tests.contains("struct \(name) "), "no test suite \(name)")
            }
        }
    }

    /// Value types that hold no rule of their own (identifiers, string helpers, a rules file's line fault, events) are left out.
    @Test func every_rule_file_of_the_domain_is_named() throws {
        let named = try Self.rows().flatMap(\.code)
        let domain = Self.root.appendingPathComponent("Sources/TuopinDomain").path + "/"
        let exempt: Set<String> = ["Support/TypedID.swift", "Support/TypedIDs.swift", "Support/String+trimmed.swift", "Support/LineFault.swift"]
        for file in Self.swiftFiles(under: "Sources/TuopinDomain") {
            let path = String(file.path.dropFirst(domain.count))
            if exempt.contains(path) || path.hasSuffix("Event.swift") { continue }
            let folder = path.split(separator: "/").first.map { "\($0)/" } ?? ""
            #expect(named.contains(path) || named.contains(folder), "\(path) is not in docs/DOMAIN_RULES.md")
        }
    }
}
