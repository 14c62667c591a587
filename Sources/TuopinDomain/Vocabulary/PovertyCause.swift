/// 致贫原因 — a cause of poverty (one main cause, at most two others).
public enum PovertyCause: String, Vocabulary {
    case illness = "因病"
    case disability = "因残"
    case schooling = "因学"
    case disaster = "因灾"
    case lackOfLand = "缺土地"
    case lackOfWater = "缺水"
    case lackOfSkills = "缺技术"
    case lackOfLabour = "缺劳力"
    case lackOfCapital = "缺资金"
    case poorTransport = "交通条件落后"
    case lowMotivation = "自身发展动力不足"
    case other = "其他"
}
