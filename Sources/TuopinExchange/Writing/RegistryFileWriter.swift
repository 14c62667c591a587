import Foundation
import TuopinDomain

/// Something that takes exchange-format rows and makes a file of them.
public protocol RegistryFileWriter {
    mutating func write(row: [String]) throws
    /// Finishes the file; nothing is at `url` before this returns.
    mutating func close() throws
}

public enum RegistryFileWriters {
    /// A writer for the file's extension (.csv or .xlsx), with the header already written.
    public static func open(_ url: URL) throws -> any RegistryFileWriter {
        switch url.pathExtension.lowercased() {
        case "csv": return try CSVFileWriter(url: url, header: RegistryRowFormatter.header)
        case "xlsx": return try XLSXFileWriter(url: url, header: RegistryRowFormatter.header, sheetName: "建档立卡")
        default: throw FileFault.unsupported(url.pathExtension)
        }
    }
}
