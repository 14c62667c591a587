import Foundation
import Testing
import TuopinDomain
@testable import TuopinStore
@testable import TuopinWeb

/// The audit page and its CSV show the Chinese label of every action that exists, never a raw key, and name
/// users, households and areas rather than by login, database id or code (issue #13 item 10).
@Suite struct AuditLabelTests {
    static let records: [AuditQuery.Record] = AuditCatalog.actions.enumerated().map { i, a in
        AuditQuery.Record(seq: Int64(i + 1), entry: AuditTrail.Entry(actor: "county", action: a.key, entity: "household", at: PageSamples.when))
    }

    @Test func the_page_shows_a_label_for_every_action() {
        for (record, action) in zip(Self.records, AuditCatalog.actions) {
            let row = AuditSearchView.row(record, masked: false, names: AuditNames()).rendered
            #expect(row.contains("<td>\(HTML.escape(action.label))</td>"), "\(action.key) shows no label")
            #expect(!row.contains(">\(action.key)<"), "\(action.key) shows its raw key")
        }
    }

    @Test func the_csv_shows_a_label_for_every_action() {
        let csv = AuditSearchView.csv(Self.records, masked: true)
        let lines = csv.split(separator: "\r\n").dropFirst()
        #expect(lines.count == AuditCatalog.actions.count)
        for (line, action) in zip(lines, AuditCatalog.actions) {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[6] == action.label, "\(action.key)")
        }
    }

    @Test func records_name_the_user_the_household_and_the_area() {
        var names = AuditNames()
        names.users["zhen"] = "李四（东兰镇扶贫工作站）"
        names.households["2681"] = .init(number: "H0123", head: "韦国强")
        names.areas["451224100201"] = "巴畴村"
        let record = AuditQuery.Record(seq: 9, entry: AuditTrail.Entry(actor: "zhen", action: "household.update", entity: "household",
                                                                       entityID: "2681", areaCode: "451224100201", at: PageSamples.when))
        let row = AuditSearchView.row(record, masked: false, names: names).rendered
        #expect(row.contains("李四（东兰镇扶贫工作站）"))
        #expect(row.contains("<a href=\"/households/2681\">户 H0123 韦国强</a>"))
        #expect(row.contains("<td>巴畴村</td>"))
        #expect(!row.contains("户 2681"))
        let csv = AuditSearchView.csv([record], masked: false, names: names)
        #expect(csv.contains("李四（东兰镇扶贫工作站）") && csv.contains("户 H0123 韦国强") && csv.contains("巴畴村"))
        let gone = AuditSearchView.row(record, masked: false, names: AuditNames()).rendered
        #expect(gone.contains("贫困户 2681（已删除）") && gone.contains(">zhen<"), "unknown keys are shown as they are")
    }
}
