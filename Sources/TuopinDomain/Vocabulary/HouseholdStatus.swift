/// 脱贫标志 — whether a household has exited poverty.
public enum HouseholdStatus: String, Vocabulary {
    case notExited = "未脱贫"
    case exited = "已脱贫"

    /// The status a registry row implies: exited once it carries an exit year.
    public static func from(exitYear: Int?) -> HouseholdStatus { exitYear == nil ? .notExited : .exited }
}
