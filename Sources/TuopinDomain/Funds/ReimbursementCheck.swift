/// 报账审核 — whether a reimbursement may be recorded (policy-rules §6.5; issue #16 item 2 and "Bad input"):
/// a positive amount; not more than is left of the allocation; against a project only once it is accepted and
/// dated no earlier than the acceptance; and not past 110% of the project's planned investment (the plan must
/// be re-approved first).
public enum ReimbursementCheck {
    /// - Parameters:
    ///   - allocationLeft: what the allocation still holds.
    ///   - project: the project it pays for, if any, with what it has had reimbursed so far.
    public static func check(_ r: Reimbursement, allocationLeft: Money, project: (Project, reimbursed: Money)?, today: LocalDate) throws(Refused) {
        guard r.amount.fen > 0 else { throw Refused(.invalid, "报账金额应大于0", "the amount must be above 0", field: "amount") }
        guard r.date <= today else { throw Refused(.invalid, "报账日期不能晚于今天", "the date must not be after today", field: "date") }
        guard r.amount <= allocationLeft else {
            throw Refused(.invalid, "超过该笔下达资金的余额 \(allocationLeft.groupedYuan) 元", "more than the \(allocationLeft.plainYuan) yuan left of the allocation", field: "amount")
        }
        guard !r.voucher.trimmedCell.isEmpty else { throw Refused(.invalid, "请填写凭证号", "the voucher number is required", field: "voucher") }
        guard let (p, so) = project else { return }
        guard p.stage.mayBeReimbursed, let accepted = p.accepted else {
            throw Refused(.invalid, "项目尚未验收（\(p.stage.rawValue)），不能报账", "the project is not accepted yet", field: "project")
        }
        guard r.date >= accepted else {
            throw Refused(.invalid, "报账申请日期早于验收日期 \(accepted)", "the application is dated before the acceptance on \(accepted)", field: "date")
        }
        guard so + r.amount <= p.reimbursementCeiling else {
            throw Refused(.invalid, "累计报账将超过计划投资的110%（\(p.reimbursementCeiling.groupedYuan) 元），须先调整计划并重新批复",
                          "this would pass 110% of the planned investment; re-approve the plan first", field: "amount")
        }
    }
}
