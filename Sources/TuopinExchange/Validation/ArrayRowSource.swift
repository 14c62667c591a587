/// Rows held in memory (a form turned into rows), read like a file.
public struct ArrayRowSource: RowSource {
    private var rows: [SourceRow]
    private var index = 0
    public init(_ rows: [SourceRow]) { self.rows = rows }
    public mutating func nextRow() throws -> SourceRow? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }
}
