import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// XLSX in and out: text cells, title rows above the header, numbers that lost ID digits, formula guards.
@Suite struct XLSXTests {
    func write(_ rows: [[String]], titleRows: [[String]] = [], to name: String = "registry.xlsx") throws -> URL {
        let url = Samples.directory().appendingPathComponent(name)
        let all = titleRows + rows
        var w = try XLSXFileWriter(url: url, header: all[0], sheetName: "建档立卡")
        for r in all.dropFirst() { try w.write(row: r) }
        try w.close()
        return url
    }

    @Test func our_xlsx_reads_back_the_same_households() throws {
        let households = [Samples.household(), Samples.household("H0002", idBase: 2, name: "=HYPERLINK(\"x\")")]
        let url = try write(Samples.rows(households))
        let result = RegistryFileReader.read(url, options: Samples.options())
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        #expect(result.households == households)
    }

    @Test func title_and_group_header_rows_above_the_header_are_skipped() throws {
        let titles = [["东兰县2016年建档立卡贫困户花名册"], ["", "", "户信息", "", "", "", "", "", "收入"]]
        let url = try write(Samples.rows([Samples.household()]), titleRows: titles)
        let result = RegistryFileReader.read(url, options: Samples.options())
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        #expect(result.households.count == 1)
        // Row numbers are the sheet's: title 1, group header 2, header 3, data from 4.
        var rows = Samples.rows([Samples.household()])
        rows[2][ExchangeColumn.name.rawValue] = ""
        let bad = RegistryFileReader.read(try write(rows, titleRows: titles, to: "bad.xlsx"), options: Samples.options())
        #expect(bad.issues.contains { $0.row == 5 && $0.column == "姓名" })
    }

    @Test func openpyxl_opens_our_file_and_sees_text() throws {
        let url = try write(Samples.rows([Samples.household()]))
        let script = """
        import openpyxl, sys
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb.active
        id = ws.cell(row=2, column=\(ExchangeColumn.idNumber.rawValue + 1))
        print(ws.title, ws.max_row, id.value, id.data_type, id.number_format)
        """
        let (out, status) = try Samples.run("python3", ["-c", script, url.path])
        #expect(status == 0, "openpyxl failed: \(out)")
        #expect(out.contains("建档立卡 4 452728197503080033 s @"), "\(out)")
    }

    /// A file as Excel users make it: merged title, and the ID column left as numbers.
    @Test func id_numbers_stored_as_numbers_are_refused() throws {
        let dir = Samples.directory()
        let csv = Samples.file(Samples.csv(Samples.rows([Samples.household()])))
        let xlsx = dir.appendingPathComponent("excel.xlsx")
        let script = """
        import csv, openpyxl, sys
        rows = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
        wb = openpyxl.Workbook(); ws = wb.active
        ws.append(['东兰县建档立卡户花名册']); ws.merge_cells('A1:H1')
        for r in rows: ws.append(r)
        col = rows[0].index('证件号码') + 1
        for i in range(3, len(rows) + 2): ws.cell(row=i, column=col).value = int(ws.cell(row=i, column=col).value)
        wb.save(sys.argv[2])
        """
        let (out, status) = try Samples.run("python3", ["-c", script, csv.path, xlsx.path])
        #expect(status == 0, "\(out)")
        let result = RegistryFileReader.read(xlsx, options: Samples.options())
        #expect(result.households.isEmpty)
        #expect(result.issues.contains { $0.row == 3 && $0.column == "证件号码" && $0.message.contains("stored as a number") })
    }

    @Test func formula_like_cells_are_guarded() throws {
        // CSV: an apostrophe in front; reading takes it off again.
        #expect(SpreadsheetText.guarded("=1+2") == "'=1+2")
        #expect(SpreadsheetText.guarded("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetText.guarded("-cmd") == "'-cmd")
        #expect(SpreadsheetText.guarded("-3+1") == "'-3+1")
        // A signed number is a number to every spreadsheet: written as it is (a negative per-capita income).
        #expect(SpreadsheetText.guarded("-666.67") == "-666.67")
        #expect(SpreadsheetText.unguarded("'-666.67") == "-666.67", "files guarded before still read")
        #expect(SpreadsheetText.guarded("韦国强") == "韦国强")
        #expect(SpreadsheetText.unguarded("'=1+2") == "=1+2")
        #expect(SpreadsheetText.unguarded("'abc") == "'abc")
        // XLSX: inline strings with quotePrefix, never <f>.
        let url = try write(Samples.rows([Samples.household(name: "=cmd|' /C calc'!A0")]))
        let (sheet, _) = try Samples.run("unzip", ["-p", url.path, "xl/worksheets/sheet1.xml"])
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains("s=\"2\" t=\"inlineStr\"><is><t>=cmd|&apos; /C calc&apos;!A0</t>") || sheet.contains("s=\"2\" t=\"inlineStr\"><is><t>=cmd|' /C calc'!A0</t>"))
    }
}
