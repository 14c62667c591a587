import Foundation
import TuopinDomain

/// Reads a cadre file (docs/RESPONSIBILITY.md): one row per cadre and post — 姓名, 联系电话, 单位, 单位层级,
/// 职务, 职级, and optionally 岗位, 岗位区划代码, 开始日期, 结束日期, 登录名, 证件号码. A cadre with several posts has
/// several rows that agree on the cadre's own fields. Every fault names its row and column.
public enum CadreFileReader {
    /// One row: the cadre and, if the row names one, a post (without IDs: the service matches phones).
    public struct Entry: Sendable {
        public var row: Int
        public var cadre: Cadre
        public var post: (layer: String, area: AreaCode, start: LocalDate, end: LocalDate?)?
    }

    public struct Result: Sendable {
        public var entries: [Entry]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
        public var cadreCount: Int { Set(entries.map(\.cadre.phone)).count }
    }

    static let table = NamedColumnTable(columns: [
        .init("姓名", "name", required: true), .init("联系电话", "phone", required: true), .init("单位", "unit", required: true),
        .init("单位层级", "unit_level", required: true), .init("职务", "post", required: true), .init("职级", "rank", required: true),
        .init("岗位", "layer", required: false), .init("岗位区划代码", "area_code", required: false),
        .init("开始日期", "start", required: false), .init("结束日期", "end", required: false), .init("登录名", "username", required: false),
        .init("证件号码", "id_number", required: false),
    ])

    public static let header = table.columns.map(\.name)

    public static func read(_ url: URL, set: ResponsibilitySet, county: AreaCode?, today: LocalDate) -> Result {
        var seen: [String: (row: Int, cadre: Cadre)] = [:]
        var posts: [Entry] = []
        let read = table.read(url) { row in entry(&row, set: set, county: county, today: today, seen: &seen, posts: &posts) }
        return Result(entries: read.values, issues: read.issues)
    }

    private static func entry(_ row: inout NamedColumnTable.Row, set: ResponsibilitySet, county: AreaCode?, today: LocalDate,
                              seen: inout [String: (row: Int, cadre: Cadre)], posts: inout [Entry]) -> Entry? {
        let name = ResponsibilityCells.text(&row, "姓名", required: true, max: 40)
        let phone = ResponsibilityCells.phone(&row, "联系电话")
        let unit = ResponsibilityCells.text(&row, "单位", required: true, max: 100)
        let levelText = row.cell("单位层级")
        let level = UnitLevel.parse(levelText)
        if level == nil { row.fail("单位层级", levelText, "应为 \(UnitLevel.allowedList) / unknown unit level") }
        let post = ResponsibilityCells.text(&row, "职务", required: true, max: 60)
        let rankText = row.cell("职级")
        let rank = CadreRank.parse(rankText)
        if rank == nil { row.fail("职级", rankText, "应为 \(CadreRank.allowedList) / unknown rank") }
        let username = row.cell("登录名")
        let idText = row.cell("证件号码")
        var idNumber: String?
        if !idText.isEmpty {
            switch ResidentID.parse(idText, today: today) {
            case .success(let r): idNumber = r.number
            case .failure(let e): row.fail("证件号码", idText, "\(e.chinese) / \(e.english)")
            }
        }
        guard let name, let phone, let unit, let level, let post, let rank, idText.isEmpty || idNumber != nil else { return nil }
        let cadre = Cadre(name: name, phone: phone, unit: unit, unitLevel: level, post: post, rank: rank, username: username.isEmpty ? nil : username,
                          idNumber: idNumber)
        if let idNumber, let other = seen.values.first(where: { $0.cadre.idNumber == idNumber && $0.cadre.phone != phone }) {
            row.fail("证件号码", idNumber, "与第\(other.row)行另一名干部的证件号码相同 / the same ID number as another cadre on row \(other.row)")
            return nil
        }
        if let first = seen[phone], first.cadre != cadre {
            row.fail("联系电话", phone, "与第\(first.row)行同一电话，但姓名、单位或职务不同 / the same phone as row \(first.row) with different details")
            return nil
        }
        seen[phone] = seen[phone] ?? (row.number, cadre)
        let layerText = row.cell("岗位")
        guard !layerText.isEmpty else { return row.isClean ? Entry(row: row.number, cadre: cadre, post: nil) : nil }
        guard let layer = set.layer(layerText), layer.scope != .household else {
            let posts = set.layers.filter { $0.scope != .household }.map(\.name).joined(separator: "、")
            row.fail("岗位", layerText, "应为 \(posts)（帮扶责任人用结对文件） / unknown post (pair household helpers with the pairing file)")
            return nil
        }
        let areaText = row.cell("岗位区划代码")
        let wanted: AreaLevel = layer.scope == .village ? .village : .township
        guard let area = AreaCode(areaText), area.level == wanted else {
            row.fail("岗位区划代码", areaText, "\(layer.name)应填\(wanted == .village ? "12位村" : "9位乡镇")代码 / needs a \(wanted == .village ? "12-digit village" : "9-digit township") code")
            return nil
        }
        if let county, !county.contains(area) {
            row.fail("岗位区划代码", areaText, "不在本县（\(county.countyPart)）内 / not under county \(county.countyPart)")
            return nil
        }
        guard let start = ResponsibilityCells.date(&row, "开始日期", today: today, required: true) ?? nil,
              let endOrNil = ResponsibilityCells.date(&row, "结束日期", today: today, required: false) else { return nil }
        if let end = endOrNil, end < start {
            row.fail("结束日期", end.description, "早于开始日期 \(start) / before the start \(start)")
            return nil
        }
        // One holder at a time for a post that has one (第一书记): overlapping rows are refused.
        if layer.minimumHolders == 1, let other = posts.first(where: { p in
            guard let q = p.post, q.layer == layer.name, q.area == area else { return false }
            return q.start <= (endOrNil ?? .yearEnd(9999)) && start <= (q.end ?? .yearEnd(9999))
        }) {
            row.fail("开始日期", start.description, "与第\(other.row)行的\(layer.name)任期重叠（同一村同时只能一人） / overlaps row \(other.row): one holder at a time")
            return nil
        }
        let e = Entry(row: row.number, cadre: cadre, post: (layer.name, area, start, endOrNil))
        posts.append(e)
        return e
    }
}
