/// 入户调查问卷 — the questions an interview asks beside the verdict and the approval questions, as data (issue #18
/// item 4; policy-rules §4.3): sections of items, each a yes/no, a number, a choice or text. Read from the
/// questionnaire file (docs/EVALUATION.md); a fault names the line. Answers are checked against it.
public struct Questionnaire: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case yesNo, number, text
        case choice([String])
    }

    public struct Item: Sendable, Equatable {
        public var key: String
        public var label: String
        public var kind: Kind
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var items: [Item]
    }

    public var sections: [Section]
    public var items: [Item] { sections.flatMap(\.items) }

    public typealias Fault = LineFault

    /// `[节]` headings, then `编号 | 问题 | 类型` lines; `#` starts a comment. Keys are ASCII and unique.
    public static func parse(_ text: String) throws(Fault) -> Questionnaire {
        var sections: [Section] = [], keys: Set<String> = [], number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                sections.append(Section(title: String(line.dropFirst().dropLast()), items: []))
                continue
            }
            guard !sections.isEmpty else { throw Fault(line: number, chinese: "问题应写在 [节] 之下", english: "questions belong under a [section]") }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3 else { throw Fault(line: number, chinese: "应为“编号 | 问题 | 类型”三栏", english: "expected 'key | question | kind'") }
            let key = parts[0]
            guard !key.isEmpty, key.count <= 40, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw Fault(line: number, chinese: "编号应为英文字母、数字或下划线", english: "a key is ASCII letters, digits or _")
            }
            guard keys.insert(key).inserted else { throw Fault(line: number, chinese: "编号 \(key) 重复", english: "key \(key) given twice") }
            guard !parts[1].isEmpty, parts[1].count <= 60 else { throw Fault(line: number, chinese: "问题不能为空，不超过60字", english: "a question of at most 60 characters") }
            let kind: Kind
            switch parts[2] {
            case "是否": kind = .yesNo
            case "数字": kind = .number
            case "文本": kind = .text
            case let c where c.hasPrefix("选项:") || c.hasPrefix("选项："):
                let options = c.dropFirst(3).split(separator: "、").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard options.count >= 2 else { throw Fault(line: number, chinese: "选项至少两个，以、分隔", english: "at least two choices, separated by 、") }
                kind = .choice(options)
            default:
                throw Fault(line: number, chinese: "类型应为 是否、数字、文本 或 选项:甲、乙", english: "kind must be 是否, 数字, 文本 or 选项:a、b")
            }
            sections[sections.count - 1].items.append(Item(key: key, label: parts[1], kind: kind))
        }
        guard sections.contains(where: { !$0.items.isEmpty }) else { throw Fault(line: number, chinese: "问卷没有问题", english: "the questionnaire has no questions") }
        return Questionnaire(sections: sections.filter { !$0.items.isEmpty })
    }

    /// Checks typed answers (blank: not asked); the faults by item key, and the answers kept.
    public func check(_ answers: [String: String]) -> (answers: [String: String], faults: [String: String]) {
        var kept: [String: String] = [:], faults: [String: String] = [:]
        for item in items {
            let a = (answers[item.key] ?? "").trimmingCharacters(in: .whitespaces)
            if a.isEmpty { continue }
            switch item.kind {
            case .yesNo:
                guard a == "是" || a == "否" else { faults[item.key] = "应为 是 或 否 / 是 or 否"; continue }
            case .number:
                guard let n = Double(a), n >= 0, n <= 1_000_000 else { faults[item.key] = "应为0–1,000,000的数 / a number from 0"; continue }
            case .choice(let options):
                guard options.contains(a) else { faults[item.key] = "应为 \(options.joined(separator: "、")) 之一 / one of the choices"; continue }
            case .text:
                guard a.count <= 200 else { faults[item.key] = "不超过200字 / at most 200 characters"; continue }
                if let f = TextRule.fault(a, .freeText) { faults[item.key] = f; continue }
            }
            kept[item.key] = a
        }
        return (kept, faults)
    }
}
