import Foundation

/// Standard output or a file, written in large pieces.
final class OutputSink {
    let handle: FileHandle
    let ownsHandle: Bool

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            ownsHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure("无法写入 \(path) / cannot write \(path)")
        }
        handle = h
        ownsHandle = true
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }

    func close() throws {
        if ownsHandle { try handle.close() }
    }
}
