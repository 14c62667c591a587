/// 变更种类 — the kinds of change to the registry that may need approval.
public enum ChangeKind: String, Vocabulary {
    /// 新增户
    case newHousehold = "新增户"
    /// 户信息修改
    case householdEdit = "户信息修改"
    /// 脱贫退出
    case exit = "脱贫退出"
    /// 删除（错评剔除、自然销户）
    case removal = "删除"
    /// 成员变更（增减成员、改成员信息）
    case memberChange = "成员变更"
    /// 收入更正
    case incomeCorrection = "收入更正"
}
