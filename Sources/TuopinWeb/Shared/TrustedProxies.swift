import Foundation

/// The reverse proxies whose `X-Forwarded-For` the server believes (TUOPIN_TRUSTED_PROXIES: addresses or
/// IPv4 ranges such as `10.0.0.0/8`, separated by commas). With none configured the audit trail records the
/// peer the connection came from, whatever a client writes in its headers.
public struct TrustedProxies: Sendable, Equatable {
    /// One trusted address, or an IPv4 range.
    struct Entry: Sendable, Equatable {
        var text: String
        var network: UInt32?
        var prefix: Int

        func contains(_ address: String) -> Bool {
            if let network, let value = Self.ipv4(address) {
                let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
                return value & mask == network & mask
            }
            return address.lowercased() == text.lowercased()
        }

        static func ipv4(_ text: String) -> UInt32? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var value: UInt32 = 0
            for p in parts {
                guard p.count <= 3, let octet = UInt32(p), octet < 256 else { return nil }
                value = value << 8 | octet
            }
            return value
        }
    }

    var entries: [Entry]

    public static let none = TrustedProxies(entries: [])

    /// Parses the setting; a malformed entry is named in the error.
    public static func parse(_ text: String) throws -> TrustedProxies {
        var entries: [Entry] = []
        for raw in text.split(separator: ",") {
            let item = raw.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            let pieces = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if pieces.count == 2 {
                guard let network = Entry.ipv4(pieces[0]), let prefix = Int(pieces[1]), (0...32).contains(prefix) else {
                    throw WebSettings.Invalid("TUOPIN_TRUSTED_PROXIES", "TUOPIN_TRUSTED_PROXIES 中“\(item)”不是有效的地址段（如 10.0.0.0/8）",
                                              "'\(item)' is not an IPv4 range such as 10.0.0.0/8")
                }
                entries.append(Entry(text: item, network: network, prefix: prefix))
            } else if pieces.count == 1, Entry.ipv4(item) != nil || item.contains(":") {
                entries.append(Entry(text: item, network: Entry.ipv4(item), prefix: 32))
            } else {
                throw WebSettings.Invalid("TUOPIN_TRUSTED_PROXIES", "TUOPIN_TRUSTED_PROXIES 中“\(item)”不是 IP 地址",
                                          "'\(item)' is not an IP address")
            }
        }
        return TrustedProxies(entries: entries)
    }

    public func trusts(_ address: String) -> Bool { entries.contains { $0.contains(address) } }

    /// The client's address: the peer, unless the peer is a trusted proxy, in which case the right-most address
    /// in `X-Forwarded-For` that is not itself a trusted proxy.
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, trusts(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusts(hop) {
            return Self.looksLikeAddress(hop) ? hop : peer
        }
        return peer
    }

    /// A forwarded address is kept only if it looks like one (hex digits, dots, colons), so a header cannot
    /// write arbitrary text into the audit trail.
    static func looksLikeAddress(_ text: String) -> Bool {
        text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
    }
}
