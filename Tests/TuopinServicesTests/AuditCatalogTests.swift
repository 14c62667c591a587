import Foundation
import Testing
import TuopinDomain

/// Every audit action has a label, once, and every event type in the sources is in the catalog.
@Suite struct AuditCatalogTests {
    @Test func every_action_has_a_chinese_label_and_a_key_of_its_own() {
        let actions = AuditCatalog.actions
        #expect(actions.count >= 31)
        #expect(Set(actions.map(\.key)).count == actions.count, "an action key is declared twice")
        for a in actions {
            #expect(!a.label.isEmpty && a.label != a.key, "\(a.key) has no label")
            #expect(a.label.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(a.key): the label should be Chinese")
            #expect(AuditCatalog.label(a.key) == a.label)
        }
    }

    @Test func every_event_type_in_the_sources_is_in_the_catalog() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        var declared: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains(": AuditEvent {") {
                let words = line.split(separator: " ")
                if let i = words.firstIndex(where: { $0 == "enum" || $0 == "struct" }), i + 1 < words.count {
                    declared.append(String(words[i + 1].dropLast()))
                }
            }
        }
        let catalogued = Set(AuditCatalog.eventTypes.map { String(describing: $0) })
        #expect(declared.count >= 10)
        for name in declared { #expect(catalogued.contains(name), "\(name) is not in AuditCatalog.eventTypes") }
    }
}
