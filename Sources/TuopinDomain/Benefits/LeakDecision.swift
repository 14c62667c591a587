/// 核实结论 — what the county decided on a leak flag after checking it: kept (the payment was right, with the
/// reason), to be recovered (追回), or corrected (the record or the payment list was wrong).
public enum LeakOutcome: String, Vocabulary {
    case keep = "核实无误，保留"
    case recover = "追回资金"
    case correct = "更正数据"

    public static var aliases: [String: LeakOutcome] { ["keep": .keep, "recover": .recover, "correct": .correct, "保留": .keep, "追回": .recover, "更正": .correct] }
}
