import Foundation
import TuopinDomain

/// What reading a registry file found: the households it holds and every fault.
public struct RegistryReadResult: Sendable {
    public var households: [Household]
    /// The row where each household (by 户编号) first appears, to place faults found later.
    public var firstRows: [String: Int]
    /// The row of each member (by ID number; the first, if a number repeats).
    public var memberRows: [String: Int]
    public var issues: [ImportIssue]
    /// Data rows read (the header and rows above it not counted).
    public var rowCount: Int
    public var encoding: TextEncoding?

    public var errorCount: Int { issues.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { issues.count - errorCount }
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    public var memberCount: Int { households.reduce(0) { $0 + $1.members.count } }
}

/// Reads a registry exchange file (CSV or XLSX) and checks every row and column
/// against the rules of the format.
public enum RegistryFileReader {
    /// Rows handed to the second thread at a time: big enough that the hand-over is cheap, small
    /// enough to keep two batches in memory.
    public static let batchSize = 4096

    /// Reads `url`; `progress` is called with the number of data rows read, every few thousand rows.
    public static func read(_ url: URL, options: RegistryReadOptions,
                            progress: ((Int) -> Void)? = nil) -> RegistryReadResult {
        let ext = url.pathExtension.lowercased()
        do {
            switch ext {
            case "csv", "txt":
                var source = try CSVRowReader(url: url)
                var result = read(&source, options: options, progress: progress)
                result.encoding = source.encoding
                return result
            case "xlsx":
                var source = try XLSXRowReader(url: url, sheet: options.sheet)
                return read(&source, options: options, progress: progress)
            default:
                throw FileFault.unsupported(ext)
            }
        } catch let fault as FileFault {
            return failed(fault)
        } catch {
            return failed(FileFault("无法读取文件：\(error)", "cannot read the file: \(error)"))
        }
    }

    static func failed(_ fault: FileFault, issues: [ImportIssue] = [], rows: Int = 0) -> RegistryReadResult {
        RegistryReadResult(households: [], firstRows: [:], memberRows: [:],
                           issues: issues + [ImportIssue(row: fault.row, column: "", value: "", severity: .error, message: fault.message)],
                           rowCount: rows)
    }

    /// Reads rows from any source. Rows are interpreted on a second thread `batchSize` at a time.
    public static func read(_ source: inout some RowSource, options: RegistryReadOptions,
                            batchSize: Int = RegistryFileReader.batchSize,
                            progress: ((Int) -> Void)? = nil) -> RegistryReadResult {
        var issues: [ImportIssue] = []
        var header: HeaderMap?
        var rows = 0
        var assembler = HouseholdAssembler()
        let interpreter = RowInterpreter(options: options)
        var background: BackgroundInterpreter?
        let batchSize = max(1, batchSize)
        var batch: [SourceRow] = []
        func assemble(_ interpreted: [(SourceRow, RowInterpreter.Result)], header map: HeaderMap) {
            for (row, result) in interpreted {
                issues.append(contentsOf: result.issues)
                let rawNumber = CellReader(row: row, header: map).text(.householdNo)
                assembler.add(row: row.number, household: result.household, member: result.member,
                              hadErrors: result.issues.contains { $0.severity == .error }, rawNumber: rawNumber)
            }
        }
        /// Everything read so far, interpreted and assembled (at the end, or before reporting a fault).
        func drain() {
            guard let map = header, let background else { return }
            assemble(background.finish(), header: map)
            assemble(Array(zip(batch, interpreter.interpret(batch, header: map))), header: map)
            batch.removeAll()
        }
        do {
            while let row = try source.nextRow() {
                guard let map = header else {
                    if HeaderMap.isHeader(row) {
                        header = HeaderMap.make(row, issues: &issues)
                        if issues.contains(where: { $0.severity == .error && $0.row == nil }) { return failedHeader(issues) }
                        background = BackgroundInterpreter(interpreter: interpreter, header: header!)
                    }
                    continue
                }
                if row.isBlank { continue }
                rows += 1
                if rows % 5000 == 0 { progress?(rows) }
                batch.append(row)
                if batch.count == batchSize, let background {
                    assemble(background.submit(batch), header: map)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        } catch let fault as FileFault {
            drain()
            return failed(fault, issues: issues, rows: rows)
        } catch {
            drain()
            return failed(FileFault("读取中断：\(error)", "reading stopped: \(error)"), issues: issues, rows: rows)
        }
        drain()
        guard header != nil else { return failed(rows == 0 && issues.isEmpty ? .empty : .noHeader, issues: issues) }
        progress?(rows)
        let (households, firstRows) = assembler.finish()
        issues.append(contentsOf: assembler.issues)
        if rows == 0 {
            issues.append(ImportIssue(row: nil, column: "", value: "", severity: .error, message: "文件只有表头，没有数据行 / the file has a header but no data rows"))
        }
        // Stable order: by row, file faults first, then as found.
        issues = issues.enumerated().sorted { ($0.element.row ?? 0, $0.offset) < ($1.element.row ?? 0, $1.offset) }.map(\.element)
        return RegistryReadResult(households: households, firstRows: firstRows, memberRows: assembler.memberRows,
                                  issues: issues, rowCount: rows)
    }

    private static func failedHeader(_ issues: [ImportIssue]) -> RegistryReadResult {
        RegistryReadResult(households: [], firstRows: [:], memberRows: [:], issues: issues, rowCount: 0)
    }
}
