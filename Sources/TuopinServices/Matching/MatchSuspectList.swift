import TuopinDomain
import TuopinStore

/// 疑点核实清单 — the list a township works through, as counties used to receive it as a spreadsheet: every open
/// department flag and paper-exit pattern with its explanation, and the verification so far (blank to fill in).
extension MatchService {
    public static let suspectHeader = ["户编号", "村代码", "证件号码", "姓名", "来源", "规则", "说明", "核实结论", "核实情况", "核实人", "核实日期"]

    public static func suspectList(_ q: Queue, _ s: Suspicions) -> [[String]] {
        func decided(_ key: String) -> [String] {
            q.decisions[key].map { [$0.outcome, $0.reason, $0.username, $0.date.description] } ?? ["", "", "", ""]
        }
        let flags = q.flags.map { f in
            [f.householdNumber, f.village.value, f.idNumber, f.name, f.kind?.department ?? "教育", f.rule.rawValue, f.explanation] + decided(f.key)
        }
        let patterns = s.found.map { x in [x.number, x.village.value, "", "", "数字脱贫", x.pattern.rawValue, x.explanation] + decided(x.key) }
        return [suspectHeader] + (flags + patterns).sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
    }
}
