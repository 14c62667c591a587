import Foundation
import Testing
@testable import TuopinExchange

/// Every CSV Tuopin writes goes through one writer that guards every cell against formula injection (issue #19
/// item 10: the command line's reports wrote `=1+2` raw).
@Suite struct CSVFormatTests {
    @Test func every_cell_is_guarded_and_quoted() {
        let line = CSVFormat.line(["=1+2", "+cmd|' /C calc'!A0", "@SUM(1,2)", "-666.67", "韦国强", "a,b", "say \"hi\""])
        #expect(line == "'=1+2,'+cmd|' /C calc'!A0,\"'@SUM(1,2)\",-666.67,韦国强,\"a,b\",\"say \"\"hi\"\"\"")
        #expect(CSVFormat.table([["户编号"], ["=H1"]], byteOrderMark: true) == "\u{FEFF}户编号\r\n'=H1\r\n")
    }

    @Test func no_source_writes_csv_lines_by_hand() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        for file in files where file.lastPathComponent != "CSVFormat.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("CSVFormat.line($0) + \"\\r\\n\""), "\(file.lastPathComponent) writes CSV lines by hand")
            #expect(!text.contains("SpreadsheetText.guarded($0)) }.joined"), "\(file.lastPathComponent) guards cells by hand")
        }
    }
}
