import Foundation
import Testing
import TuopinDomain
@testable import TuopinStore
@testable import TuopinWeb

/// The audit page and its CSV show the Chinese label of every action that exists, never a raw key.
@Suite struct AuditLabelTests {
    static let records: [AuditQuery.Record] = AuditCatalog.actions.enumerated().map { i, a in
        AuditQuery.Record(seq: Int64(i + 1), entry: AuditTrail.Entry(actor: "county", action: a.key, entity: "household", at: PageSamples.when))
    }

    @Test func the_page_shows_a_label_for_every_action() {
        for (record, action) in zip(Self.records, AuditCatalog.actions) {
            let row = AuditSearchView.row(record, masked: false).rendered
            #expect(row.contains("<td>\(HTML.escape(action.label))</td>"), "\(action.key) shows no label")
            #expect(!row.contains(">\(action.key)<"), "\(action.key) shows its raw key")
        }
    }

    @Test func the_csv_shows_a_label_for_every_action() {
        let csv = AuditSearchView.csv(Self.records, masked: true)
        let lines = csv.split(separator: "\r\n").dropFirst()
        #expect(lines.count == AuditCatalog.actions.count)
        for (line, action) in zip(lines, AuditCatalog.actions) {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[5] == action.label, "\(action.key)")
        }
    }
}
