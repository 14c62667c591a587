import Foundation
import Testing
@testable import TuopinWeb

/// Each page rendered from its sample model is compared with the page kept in `__Snapshots__/NAME.html`.
/// A changed page fails with the first line that differs; run with `TUOPIN_RECORD_SNAPSHOTS=1` to write
/// the new pages after checking them (then commit them with the change that made them).
@Suite struct ViewSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    @Test(arguments: PageSamples.all(hostile: false).map(\.name))
    func page_matches_its_snapshot(name: String) throws {
        let page = try #require(PageSamples.all(hostile: false).first { $0.name == name }).page.rendered
        let file = Self.directory.appendingPathComponent("\(name).html")
        let record = ProcessInfo.processInfo.environment["TUOPIN_RECORD_SNAPSHOTS"] == "1"
        guard !record, let kept = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try page.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.lastPathComponent); check it and run again")
            return
        }
        let a = kept.components(separatedBy: "\n"), b = page.components(separatedBy: "\n")
        if let line = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("\(name).html differs at line \(line.offset + 1):\n kept: \(line.element.0)\n  now: \(line.element.1)")
        } else {
            #expect(a.count == b.count, "\(name).html: \(a.count) lines kept, \(b.count) now")
        }
    }
}
