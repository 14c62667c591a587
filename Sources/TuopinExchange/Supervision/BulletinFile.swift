import Foundation

/// 督查通报 as a file (XLSX or CSV by extension).
public enum BulletinFile {
    public static func write(_ rows: [[String]], to url: URL) throws {
        try TableFile.write(rows, to: url, sheet: "督查通报")
    }
}
