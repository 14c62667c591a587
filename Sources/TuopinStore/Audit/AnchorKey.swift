import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// 锚点密钥 — the Ed25519 key that signs anchors of the audit chain. It lives in a file outside the database
/// (TUOPIN_ANCHOR_KEY or `--anchor-key`), readable only by the account that runs tuopin, so that someone
/// who can rewrite the database file cannot sign a matching anchor. The file holds the private key's 32
/// bytes in base64 on one line; `tuopin audit anchor-key FILE` makes one and prints its public half.
public struct AnchorKey: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey

    /// The public half in base64 (printed for the paper file; `audit verify --public-key` checks against it).
    public var publicKeyText: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    /// Reads the key file, naming it in any fault.
    public static func load(_ path: String) throws -> AnchorKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw AnchorFault("无法读取锚点密钥文件 \(path)", "cannot read the anchor key file \(path)")
        }
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else {
            throw AnchorFault("锚点密钥文件 \(path) 不是有效的密钥（应为一行 base64，32 字节）",
                              "the anchor key file \(path) holds no valid key (one line of base64, 32 bytes)")
        }
        return AnchorKey(privateKey: key)
    }

    /// Makes a new key in a new file (mode 0600); an existing file is never overwritten.
    public static func create(_ path: String) throws -> AnchorKey {
        let key = Curve25519.Signing.PrivateKey()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw AnchorFault("无法新建锚点密钥文件 \(path)（文件已存在或目录不可写；已有的密钥不会被覆盖）",
                              "cannot create the anchor key file \(path) (it exists or the folder is not writable; a key is never overwritten)")
        }
        let bytes = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        _ = fsync(fd)
        _ = close(fd)
        guard written == bytes.count else { throw AnchorFault("写入锚点密钥文件 \(path) 失败", "writing the anchor key file \(path) failed") }
        return AnchorKey(privateKey: key)
    }
}
