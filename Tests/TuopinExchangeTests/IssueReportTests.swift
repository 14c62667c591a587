import Foundation
import Testing
@testable import TuopinExchange

@Suite struct IssueReportTests {
    @Test func report_has_the_contract_header_and_one_line_per_issue() {
        let issues = [
            ImportIssue(row: nil, column: "与户主关系", value: "", severity: .error, message: "缺少必填列 / missing"),
            ImportIssue(row: 12, column: "证件号码", value: "=1,2", severity: .warning, message: "地区码 / region"),
        ]
        let lines = IssueReport.csv(issues).components(separatedBy: "\r\n")
        #expect(lines[0] == "行号,列名,值,级别,问题")
        #expect(lines[1] == ",与户主关系,,错误,缺少必填列 / missing")
        #expect(lines[2] == "12,证件号码,\"'=1,2\",警告,地区码 / region")
    }
}
