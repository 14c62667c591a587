import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client that writes a request to a running server in pieces, pausing between them, the way a browser's
/// large form arrives in several reads — what the in-memory test client never does.
enum RawHTTP {
    struct Answer {
        var status: Int
        var head: String
        var body: String
    }

    /// `send` on a thread of its own: its blocking reads must not hold a thread of the pool that runs the server.
    static func sendOffThread(port: Int, pieces: [String]) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try send(port: port, pieces: pieces) })
            }
        }
    }

    static func send(port: Int, pieces: [String], pause: useconds_t = 30_000) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(text: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(text: "connect to \(port)") }
        var nodelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &nodelay, socklen_t(MemoryLayout<Int32>.size))
        for (i, piece) in pieces.enumerated() {
            let bytes = Array(piece.utf8)
            guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, bytes.count) }) == bytes.count else { throw Failure(text: "write") }
            if i < pieces.count - 1 { usleep(pause) }
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65_536) }
            if n <= 0 { break }
            received += buffer[0..<n]
            if let text = String(bytes: received, encoding: .utf8), let answer = parse(text), answer.complete { return answer.answer }
        }
        guard let answer = String(bytes: received, encoding: .utf8).flatMap(parse) else { throw Failure(text: "no answer") }
        return answer.answer
    }

    /// The answer once its head and as much body as `content-length` says have arrived.
    static func parse(_ text: String) -> (answer: Answer, complete: Bool)? {
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound]), body = String(text[split.upperBound...])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        return (Answer(status: status, head: head, body: body), body.utf8.count >= length)
    }

    /// A form POST split into `count` pieces: the head, then the body in parts.
    static func form(path: String, port: Int, cookie: String, fields: [(String, String)], count: Int) -> [String] {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nCookie: \(cookie)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(body.utf8)
        let size = max(1, bytes.count / max(1, count - 1))
        var pieces = [head]
        for start in stride(from: 0, to: bytes.count, by: size) {
            pieces.append(String(decoding: bytes[start..<min(start + size, bytes.count)], as: UTF8.self))
        }
        return pieces
    }

    struct Failure: Error { var text: String }
}
