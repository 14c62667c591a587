import TuopinDomain

extension AreaCode {
    /// The inclusive range of 12-digit village codes under this area, for index range scans
    /// that work alike on SQLite and PostgreSQL.
    var villageRange: (low: String, high: String) {
        let p = prefix
        return (p + String(repeating: "0", count: 12 - p.count), p + String(repeating: "9", count: 12 - p.count))
    }
}
