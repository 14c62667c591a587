import FluentKit
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Bulk writes on PostgreSQL through `COPY … FROM STDIN` (text format) into a session-temporary staging
/// table, then one `INSERT … SELECT … ON CONFLICT` into the real table: the upsert semantics of the
/// multi-row path at COPY speed. With key columns, gives back the ID of each row written, keyed by those
/// columns' values joined with "/". Rows that need neither go straight into the table.
enum PostgresCopy {
    static func insert(into table: String, columns: [String], rows: [[BulkValue]], upsertClause: String,
                       returningIDsKeyedBy keyColumns: [String]?, on database: any PostgresDatabase,
                       logger: Logger) async throws -> [String: Int64] {
        // Rows that need neither an upsert nor their IDs back go straight into the table (an audit batch,
        // a first load's members): the staging table would only copy them a second time.
        let direct = upsertClause.isEmpty && keyColumns == nil
        let target = direct ? table : "tuopin_stage_\(table)"
        let quotedColumns = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return try await database.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                if !direct {
                    try await conn.query(PostgresQuery(unsafeSQL: "CREATE TEMP TABLE IF NOT EXISTS \"\(target)\" (LIKE \"\(table)\" INCLUDING DEFAULTS INCLUDING IDENTITY)"), logger: logger)
                    try await conn.query(PostgresQuery(unsafeSQL: "TRUNCATE \"\(target)\""), logger: logger)
                }
                try await conn.copyFrom(table: target, columns: columns, logger: logger) { writer in
                    var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
                    // An import stamps every row with the same time: format it once.
                    var lastDate: Date?, lastStamp = ""
                    for row in rows {
                        for (i, value) in row.enumerated() {
                            if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            if case .date(let d) = value {
                                if d != lastDate { (lastDate, lastStamp) = (d, timestamp(d)) }
                                buffer.writeString(lastStamp)
                            } else {
                                write(value, to: &buffer)
                            }
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
                var ids: [String: Int64] = [:]
                if direct { return ids }
                let written = try await conn.query(PostgresQuery(unsafeSQL: "INSERT INTO \"\(table)\" (\(quotedColumns)) SELECT \(quotedColumns) FROM \"\(target)\"\(upsertClause)\(BulkWriter.returningClause(keyColumns))"), logger: logger)
                guard let keyColumns else { return ids }
                ids.reserveCapacity(rows.count)
                for try await row in written {
                    let cells = row.makeRandomAccess()
                    let key = try keyColumns.map { try cells[$0].decode(String.self) }.joined(separator: "/")
                    ids[key] = try cells["id"].decode(Int64.self)
                }
                return ids
            }
        }.get()
    }

    static let wholeSeconds = Date.ISO8601FormatStyle()

    /// A timestamp to the millisecond, rounded (the formatter's own fraction truncates, so that
    /// 0.123 stored as 0.12299… would come back as .122 and break an audit hash).
    static func timestamp(_ d: Date) -> String {
        let millis = Int64((d.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis.quotientAndRemainder(dividingBy: 1000)
        let (whole, fraction) = seconds.remainder < 0 ? (seconds.quotient - 1, seconds.remainder + 1000) : seconds
        var text = wholeSeconds.format(Date(timeIntervalSince1970: TimeInterval(whole)))
        text.removeLast()  // "Z"
        let digits = String(fraction)
        return text + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// One value in COPY text format: backslash escapes for \\, tab, newline and return; \N for NULL.
    static func write(_ value: BulkValue, to buffer: inout ByteBuffer) {
        switch value {
        case .null: buffer.writeStaticString("\\N")
        case .int(let i): buffer.writeString(String(i))
        case .bool(let b): buffer.writeInteger(UInt8(ascii: b ? "t" : "f"))
        case .date(let d): buffer.writeString(timestamp(d))
        case .text(let s):
            // Nearly every text needs no escape: write it whole (an import sends a gigabyte of audit texts).
            guard s.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
                buffer.writeString(s)
                return
            }
            for byte in s.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}
