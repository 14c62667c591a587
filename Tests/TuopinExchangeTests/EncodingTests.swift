import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// CSV files come in UTF-8 (with or without a byte-order mark) or GB18030/GBK, as Excel on a Chinese Windows writes.
@Suite struct EncodingTests {
    let text = Samples.csv(Samples.rows([Samples.household(), Samples.household("H0002", idBase: 2, name: "覃德福")]))

    @Test(arguments: [false, true])
    func utf8_with_and_without_bom(bom: Bool) {
        let result = RegistryFileReader.read(Samples.file(text, bom: bom), options: Samples.options())
        #expect(result.issues.isEmpty)
        #expect(result.households.count == 2)
        #expect(result.encoding == .utf8)
        #expect(result.households[1].head?.name == "覃德福")
    }

    @Test(arguments: ["GB18030", "GBK"])
    func gb18030_and_gbk_are_detected(encoding: String) throws {
        let utf8 = Samples.file(text)
        let out = utf8.deletingLastPathComponent().appendingPathComponent("gb.csv")
        let (_, status) = try Samples.run("sh", ["-c", "iconv -f UTF-8 -t \(encoding) '\(utf8.path)' > '\(out.path)'"])
        #expect(status == 0)
        let bytes = try Data(contentsOf: out)
        #expect(String(data: bytes, encoding: .utf8) == nil, "the converted file must not be valid UTF-8")
        let result = RegistryFileReader.read(out, options: Samples.options())
        #expect(result.encoding == .gb18030)
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        #expect(result.households.map { $0.head?.name } == ["韦国强", "覃德福"])
    }

    @Test func gb18030_across_chunk_boundaries() throws {
        // A multi-megabyte file makes the reader split multi-byte characters between chunks.
        var households: [Household] = []
        for i in 0..<4000 { households.append(Samples.household(String(format: "H%05d", i), idBase: i + 1, name: "覃德福")) }
        let utf8 = Samples.file(Samples.csv(Samples.rows(households)))
        let out = utf8.deletingLastPathComponent().appendingPathComponent("big-gb.csv")
        _ = try Samples.run("sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(utf8.path)' > '\(out.path)'"])
        let result = RegistryFileReader.read(out, options: Samples.options())
        #expect(!result.hasErrors, "\(result.issues.prefix(3))")
        #expect(result.households.count == 4000)
        #expect(result.households.allSatisfy { $0.head?.name == "覃德福" && $0.members[1].name == "黄秀英" })
    }

    @Test func neither_utf8_nor_gb18030_is_refused() throws {
        let url = Samples.directory().appendingPathComponent("latin.csv")
        // 0x81 0x20 is not a GB18030 sequence and not UTF-8.
        try Data("户编号,村代码,姓名\n".utf8 + [0x81, 0x20, 0x0A]).write(to: url)
        let result = RegistryFileReader.read(url, options: Samples.options())
        #expect(result.hasErrors)
        #expect(result.households.isEmpty)
    }
}
