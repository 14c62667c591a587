import Foundation
import Testing
import TuopinDomain
@testable import TuopinExchange
import TuopinTestSupport

/// The CSV reader's own UTF-8 check (faster than `String(validating:)`) must accept and refuse exactly
/// what the standard library does.
@Suite struct ValidUTF8Tests {
    static let cases: [(String, [UInt8])] = [
        ("empty", []),
        ("ASCII", Array("H0001,450000".utf8)),
        ("Chinese", Array("韦国强".utf8)),
        ("four-byte", Array("𠀋".utf8)),
        ("U+FFFD itself", [0xEF, 0xBF, 0xBD]),
        ("lone continuation byte", [0x41, 0x80, 0x42]),
        ("lead byte cut off", [0xE9, 0x9F]),
        ("overlong slash", [0xC0, 0xAF]),
        ("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("GBK bytes", [0xCE, 0xA4, 0xB9, 0xFA]),
        ("NUL is valid", [0x41, 0x00]),
    ]

    @Test(arguments: cases)
    func agrees_with_the_standard_library(name: String, bytes: [UInt8]) {
        let ours = bytes.withUnsafeBufferPointer(String.validUTF8)
        let theirs = String(validating: bytes, as: UTF8.self)
        #expect(ours == theirs, "\(name)")
    }

    @Test func a_bad_byte_past_the_first_megabyte_is_a_fault_at_its_row() throws {
        // The encoding is detected from the first megabyte; a bad byte further on is caught by the row split.
        var households: [Household] = []
        for i in 0..<6000 { households.append(Samples.household(String(format: "H%05d", i), idBase: i + 1)) }
        var data = Data(Samples.csv(Samples.rows(households)).utf8)
        let rows = Samples.rows(households).count  // the header and every data row
        data.append(contentsOf: Array("H99999,".utf8) + [0xFF, 0xFE] + Array(",x\n".utf8))
        #expect(data.count > 1 << 20)
        let url = Samples.directory().appendingPathComponent("bad-tail.csv")
        try data.write(to: url)
        let result = RegistryFileReader.read(url, options: Samples.options())
        #expect(result.hasErrors)
        let fault = result.issues.first { $0.message.contains("encoding error") }
        #expect(fault?.row == rows + 1, "\(result.issues.suffix(2))")
    }
}
