/// 省级脱贫标准 — a province's additions to the national household checklist (Sichuan 一超六有 adds
/// household electricity and radio/TV). Applies to households whose village lies in the province.
public struct ProvinceOverlay: Hashable, Sendable, Codable {
    /// Two-digit province code (51 = 四川).
    public var province: String
    public var provinceName: String
    /// The local name of the standard (一超六有).
    public var title: String
    public var adds: [ChecklistItem]
    public var source: String

    public init(province: String, provinceName: String, title: String, adds: [ChecklistItem], source: String) {
        self.province = province
        self.provinceName = provinceName
        self.title = title
        self.adds = adds
        self.source = source
    }
}
