/// 突发困难登记 — a hardship recorded for a household by a cadre or reported by the family: what
/// happened, when, and what it cost (合规自付支出 for illness, the loss for a disaster).
public struct Hardship: Hashable, Sendable, Codable {
    /// 风险类型 (policy-rules §5.2: 因病, 因残, 因学, 因灾, 因意外事故 …).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case illness = "因病"
        case disability = "因残"
        case schooling = "因学"
        case disaster = "因灾"
        case accident = "因意外事故"
        case jobLoss = "就业不稳"
        case businessFailure = "产业失败"
        case other = "其他"
    }

    public var kind: Kind
    public var occurredOn: LocalDate
    /// 支出或损失 — out-of-pocket cost or loss, yuan.
    public var cost: Money
    public var note: String

    public init(kind: Kind, occurredOn: LocalDate, cost: Money, note: String = "") {
        self.kind = kind
        self.occurredOn = occurredOn
        self.cost = cost
        self.note = note
    }
}
