/// 风险信号 — one reason the monitoring rules flag a household, with the figures behind it.
public struct RiskSignal: Hashable, Sendable {
    /// The rules, each from the 2020 and 2021 guidance (policy-rules §5.1, §5.2).
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// 人均纯收入低于监测范围（扶贫标准的1.5倍左右）
        case lowIncome = "收入低于监测范围"
        /// 收入大幅缩减
        case incomeDrop = "收入大幅缩减"
        /// 两不愁三保障及饮水安全出现问题
        case guaranteeLapse = "两不愁三保障或饮水出现问题"
        /// 刚性支出明显超过上年度收入（因病、因灾、因意外等）
        case hardshipCost = "刚性支出超过上年收入"
    }

    public var rule: Rule
    /// The evidence in words: "2016年人均纯收入 3,100.00 元 < 监测范围 4,428 元（1.5 × 2,952）".
    public var text: String
}
