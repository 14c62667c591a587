/// 监测对象类别 — the three kinds of household watched against (return to) poverty (中农组发〔2021〕7号,
/// policy-rules §5.2).
public enum MonitoringCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// 脱贫不稳定户 — exited, income within the monitoring range, at risk of returning.
    case unstableExited = "脱贫不稳定户"
    /// 边缘易致贫户 — an ordinary (never registered) household within the range.
    case edgeAtRisk = "边缘易致贫户"
    /// 突发严重困难户 — income above the range, but a sudden illness, disaster or accident hit it hard.
    case suddenHardship = "突发严重困难户"
}
