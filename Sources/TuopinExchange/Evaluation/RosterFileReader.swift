import Foundation
import TuopinDomain

/// Reads a county's household-registration roster (docs/ROSTER.md): 户号,证件号码,姓名,与户主关系,性别,出生日期,村代码 —
/// CSV or XLSX through the registry import's reader. A bad or repeated ID, an unknown relation or sex, a birth
/// date in the future or not the one the ID carries, a village code outside `county`: each a fault by row and
/// column, and a file with any fault gives no rows.
public enum RosterFileReader {
    public struct Result: Sendable {
        public var persons: [RosterPerson]
        public var issues: [ImportIssue]
        public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    }

    static let table = NamedColumnTable(columns: RosterPerson.header.map { .init($0, $0, required: true) })

    public static func read(_ url: URL, county: AreaCode?, today: LocalDate) -> Result {
        var firstRow: [String: Int] = [:]
        let read = table.read(url) { row -> RosterPerson? in
            let number = ResponsibilityCells.text(&row, "户号", required: true, max: 30)
            let idText = row.cell("证件号码")
            var id: ResidentID?
            switch ResidentID.parse(idText, today: today) {
            case .success(let r):
                if let earlier = firstRow[r.number] {
                    row.fail("证件号码", idText, "与第\(earlier)行重复 / repeats row \(earlier)")
                } else {
                    firstRow[r.number] = row.number
                    id = r
                }
            case .failure(let e): row.fail("证件号码", idText, "\(e.chinese) / \(e.english)")
            }
            let name = ResponsibilityCells.text(&row, "姓名", required: true, max: 40)
            let relation = Relation.parse(row.cell("与户主关系"))
            if relation == nil { row.fail("与户主关系", row.cell("与户主关系"), "应为 \(Relation.allowedList) / not a relation in the list") }
            let sex = Sex.parse(row.cell("性别"))
            if sex == nil { row.fail("性别", row.cell("性别"), "应为 男 或 女 / must be 男 or 女") }
            let birthText = row.cell("出生日期")
            var birth: LocalDate?
            if let d = LocalDate(iso: birthText), birthText.count == 10, d.year >= 1900 {
                if d > today { row.fail("出生日期", birthText, "晚于今天 / after today") }
                else if let id, id.birthDate != d { row.fail("出生日期", birthText, "与证件号码中的出生日期 \(id.birthDate) 不符 / differs from the ID's \(id.birthDate)") }
                else { birth = d }
            } else {
                row.fail("出生日期", birthText, "应为日期 YYYY-MM-DD / must be a date YYYY-MM-DD")
            }
            let villageText = row.cell("村代码")
            var village: AreaCode?
            if let code = AreaCode(villageText), code.level == .village {
                if let county, !county.contains(code) { row.fail("村代码", villageText, "不在本县 \(county.countyPart) / not in the county") }
                else { village = code }
            } else {
                row.fail("村代码", villageText, "应为12位村级区划代码 / must be a 12-digit village code")
            }
            guard let number, let id, let name, let relation, let sex, let birth, let village else { return nil }
            return RosterPerson(householdNumber: number, idNumber: id.number, name: name, relation: relation, sex: sex, birth: birth, village: village)
        }
        return Result(persons: read.values, issues: read.issues)
    }
}
