import Foundation
import Testing
@testable import TuopinWeb

/// No page lets text through unescaped, and no view can build HTML from a raw string.
@Suite struct ViewSafetyTests {
    @Test(arguments: PageSamples.all(hostile: true).map(\.name))
    func hostile_text_is_shown_as_text(name: String) throws {
        // The app's own script file is the one script a page names (inline scripts are forbidden by the CSP).
        let page = try #require(PageSamples.all(hostile: true).first { $0.name == name }).page.rendered
            .replacingOccurrences(of: "<script src=\"/assets/app.js\" defer></script>", with: "")
        #expect(page.contains(HTML.escape(PageSamples.attack)), "the sample's text should appear, escaped")
        #expect(!page.contains("\\("), "an interpolation written as text (an escaped backslash) shows on the page")
        for raw in ["<script", "<img", "onmouseover=\"", "' onmouseover"] {
            #expect(!page.contains(raw), "\(name): '\(raw)' reached the page unescaped")
        }
    }

    @Test func text_interpolated_into_html_is_escaped() {
        let name = "a<b>&\"c'"
        let html: HTML = "<td title=\"\(name)\">\(name)</td>"
        #expect(html.rendered == "<td title=\"a&lt;b&gt;&amp;&quot;c&#39;\">a&lt;b&gt;&amp;&quot;c&#39;</td>")
        let inner: HTML = "<b>\(name)</b>"
        #expect(("<p>\(inner)</p>" as HTML).rendered == "<p><b>a&lt;b&gt;&amp;&quot;c&#39;</b></p>")
    }

    /// The only ways to make HTML are a literal, interpolation (which escapes) and `HTML.text` (which escapes);
    /// these checks keep anyone from adding a back door to the web module.
    @Test func no_view_builds_html_from_raw_strings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TuopinWeb")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.lastPathComponent
            if name == "HTML.swift" { continue }
            #expect(!text.contains("init(markup"), "\(name) makes HTML from a raw string")
            #expect(!text.contains("stringLiteral:"), "\(name) makes HTML from a raw string")
            #expect(!text.contains("HTML.escape("), "\(name) escapes by hand; interpolate into HTML instead")
            if name != "RequestFilters.swift" {
                #expect(!text.contains(".rendered"), "\(name) reads raw markup; only the response writer should")
                #expect(!text.contains("text/html"), "\(name) sends HTML without the safe type")
            }
        }
    }
}
