/// 公职人员及其亲属 — who a payment's recipient is to the public payroll: a person on it (财政供养人员, from the
/// finance department's file, or a cadre whose ID number is known), or someone living in the same household as such
/// a person (同户: the registry's household or the household-registration roster's 户). A benefit paid to them is a
/// leak to verify (issue #16 item 6, "paid to a household's member who is a cadre or the cadre's relative when that is
/// known"; policy-rules §7.3, the 2015 audits' payments to people on the public payroll; Xintian's 优亲厚友).
public struct OfficialTie: Sendable, Hashable {
    /// The official: their name, ID number and unit.
    public var name: String
    public var idNumber: String
    public var unit: String
    /// What the record says they are: 财政供养人员 (the finance department's file) or 干部 (the county's cadre list).
    public var title: String
    /// The recipient is the official's household member, not the official.
    public var kin: Bool

    public init(name: String, idNumber: String, unit: String, title: String = "财政供养人员", kin: Bool) {
        self.name = name
        self.idNumber = idNumber
        self.unit = unit
        self.title = title
        self.kin = kin
    }

    /// Each ID number tied to an official: the officials themselves, and everyone who shares a household (each group
    /// of ID numbers one household) with one. A person who is an official themselves is never recorded as kin.
    public static func ties(officials: [OfficialTie], households: [[String]]) -> [String: OfficialTie] {
        var tied: [String: OfficialTie] = [:]
        for o in officials where tied[o.idNumber] == nil { tied[o.idNumber] = OfficialTie(name: o.name, idNumber: o.idNumber, unit: o.unit, title: o.title, kin: false) }
        for household in households {
            guard let official = household.lazy.compactMap({ tied[$0] }).first(where: { !$0.kin }) else { continue }
            for id in household where tied[id] == nil { tied[id] = OfficialTie(name: official.name, idNumber: official.idNumber, unit: official.unit, title: official.title, kin: true) }
        }
        return tied
    }
}
