/// 住房安全等级 — the appraised safety grade of the house.
/// A: structure safe; B: some members dangerous, main structure safe; C: partly dangerous; D: whole building dangerous.
public enum HousingGrade: String, Vocabulary {
    case a = "A", b = "B", c = "C", d = "D"
    public static var aliases: [String: HousingGrade] { ["a": .a, "b": .b, "c": .c, "d": .d] }
    /// C and D houses must be reinforced or rebuilt (or the family relocated).
    public var isDangerous: Bool { self == .c || self == .d }
}
