import Foundation
import Testing

/// Only the use-case layer writes the audit trail (and the import's bulk writer, which lays out each
/// household's record in the load's transaction); pages and commands go through a use case.
@Suite struct AuditWritersTests {
    @Test func only_use_cases_append_to_the_audit_trail() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        let allowed = ["/TuopinServices/", "/TuopinStore/Import/", "/TuopinStore/Audit/"]
        var writers: [String] = []
        for file in files where try String(contentsOf: file, encoding: .utf8).contains("AuditTrail.append(") {
            writers.append(file.path)
        }
        #expect(writers.contains { $0.contains("/TuopinServices/") })
        for path in writers {
            #expect(allowed.contains { path.contains($0) }, "\(path) appends to the audit trail; record events in a use case instead")
        }
    }
}
