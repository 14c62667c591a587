import Foundation
import Testing
import TuopinDomain

/// `trimmedCell` trims what Foundation's `.whitespacesAndNewlines` trims, and returns other cells as
/// they are (it checks the first and last character itself rather than looking up Unicode properties).
@Suite struct CellTrimmingTests {
    static let cases: [String] = ["", "韦国强", " 韦国强", "韦国强 ", "\u{3000}韦国强\u{3000}", "\t是\r\n", "\u{00A0}1200\u{00A0}",
                                  "\u{2003}壮族", "否\u{202F}", "\u{FEFF}户编号", "户编号\u{FEFF}", "\u{200B}零宽", "a\u{2028}", "\u{85}x",
                                  "   ", "\u{3000}", "中 间", "é\u{301}"]

    @Test(arguments: cases)
    func trims_like_foundation(_ text: String) {
        #expect(text.trimmedCell == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func every_white_space_scalar_is_trimmed() {
        for value in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000] {
            let space = String(Unicode.Scalar(value)!)
            #expect((space + "村" + space).trimmedCell == "村", "U+\(String(value, radix: 16))")
        }
    }
}
