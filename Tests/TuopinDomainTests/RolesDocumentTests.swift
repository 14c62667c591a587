import Foundation
import Testing
@testable import TuopinDomain

/// docs/ROLES.md is the one table of roles and permissions; it must say what the code does.
@Suite struct RolesDocumentTests {
    @Test func the_document_matches_the_code() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/ROLES.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("| 角色") })
        let permissionKeys = header.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(Array(permissionKeys) == Permission.allCases.map(\.rawValue))
        for role in Role.allCases {
            let row = try #require(lines.first { $0.hasPrefix("| \(role.rawValue) |") }, "no row for \(role.rawValue)")
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let marks = Array(cells.dropFirst(4).prefix(Permission.allCases.count))
            for (p, mark) in zip(Permission.allCases, marks) {
                #expect((mark == "✓") == role.allows(p), "\(role.rawValue) / \(p.rawValue)")
            }
        }
    }
}
