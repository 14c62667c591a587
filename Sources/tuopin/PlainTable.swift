/// Rows as aligned plain text; CJK characters take two columns. Numbers are right-aligned.
enum PlainTable {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { i in rows.map { i < $0.count ? width($0[i]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - width(c))
                return c.first.map { $0.isASCII && $0.isNumber || $0 == "<" || $0 == "≥" } == true && i > 0 ? pad + c : c + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
