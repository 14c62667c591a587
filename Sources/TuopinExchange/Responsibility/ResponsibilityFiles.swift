import Foundation
import TuopinDomain

/// The layers file and the duty-rules file (docs/RESPONSIBILITY.md): the shipped ones, or a deployment's
/// own (TUOPIN_RESPONSIBILITY_LAYERS, TUOPIN_DUTY_RULES). A fault names the file's line; the server does
/// not start on one.
public enum ResponsibilityFiles {
    /// A fault in one of the files, naming its line.
    public struct Fault: Refusal, Equatable {
        public let chinese: String
        public let english: String
        public var kind: RefusalKind { .misconfigured }
        init(_ file: String, _ line: Int, _ chinese: String, _ english: String) {
            self.chinese = "\(file) 第\(line)行：\(chinese)"
            self.english = "\(file) line \(line): \(english)"
        }
    }

    /// The sets and rules in force: `set` names the set (the file's first when nil).
    public struct Loaded: Sendable {
        public var active: ResponsibilitySet
        public var sets: [ResponsibilitySet]
        public var rules: [DutyRule]
        /// The set's household post (帮扶责任人), if it has one.
        public var householdLayer: ResponsibilityLayer? { active.layers.first { $0.scope == .household } }
    }

    static func shippedText(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/responsibility"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("the shipped file Resources/responsibility/\(name).txt is missing from the build")
        }
        return text
    }

    /// The shipped files with their first set (checked by the tests, so this never fails in a released build).
    public static let shipped: Loaded = {
        do { return try load(layersText: shippedText("layers"), rulesText: shippedText("duty-rules"), set: nil) } catch {
            fatalError("the shipped responsibility files are faulty: \(error)")
        }
    }()

    /// From the environment: TUOPIN_RESPONSIBILITY_LAYERS, TUOPIN_DUTY_RULES, TUOPIN_RESPONSIBILITY_SET.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Loaded {
        func text(_ key: String, _ shipped: String) throws -> (String, String) {
            guard let path = env[key], !path.isEmpty else { return (shippedText(shipped), "\(shipped).txt") }
            guard let t = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Fault(path, 0, "无法读取（\(key)）", "cannot read it (\(key))")
            }
            return (t, path)
        }
        let (layers, layersName) = try text("TUOPIN_RESPONSIBILITY_LAYERS", "layers")
        let (rules, rulesName) = try text("TUOPIN_DUTY_RULES", "duty-rules")
        return try load(layersText: layers, rulesText: rules, set: env["TUOPIN_RESPONSIBILITY_SET"].flatMap { $0.isEmpty ? nil : $0 },
                        layersName: layersName, rulesName: rulesName)
    }

    public static func load(layersText: String, rulesText: String, set name: String?, layersName: String = "layers.txt",
                            rulesName: String = "duty-rules.txt") throws -> Loaded {
        let sets = try parseLayers(layersText, file: layersName)
        guard let active = name.map({ n in sets.first { $0.name == n } }) ?? sets.first else {
            throw Fault(layersName, 0, "没有名为“\(name ?? "")”的责任体系（有：\(sets.map(\.name).joined(separator: "、"))）",
                        "no set named '\(name ?? "")'")
        }
        let rules = try parseRules(rulesText, file: rulesName, known: Set(sets.flatMap { $0.layers.map(\.name) }))
        return Loaded(active: active, sets: sets, rules: rules.filter { active.layer($0.layer) != nil })
    }

    static func lines(_ text: String) -> [(Int, [String])] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, raw in
            let line = raw.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { return nil }
            return (i + 1, line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    static func parseLayers(_ text: String, file: String) throws -> [ResponsibilitySet] {
        var sets: [ResponsibilitySet] = []
        for (n, fields) in lines(text) {
            if fields.count == 1, fields[0].hasPrefix("["), fields[0].hasSuffix("]") {
                let name = String(fields[0].dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !sets.contains(where: { $0.name == name }) else {
                    throw Fault(file, n, "责任体系名称为空或重复", "an empty or repeated set name")
                }
                sets.append(ResponsibilitySet(name: name, layers: []))
                continue
            }
            guard !sets.isEmpty else { throw Fault(file, n, "岗位须写在 [体系名称] 之下", "a post must follow a [set name] line") }
            guard (3...4).contains(fields.count), !fields[0].isEmpty else {
                throw Fault(file, n, "应为 岗位 | 范围 | 必需/可选 | 选项", "expected: post | scope | 必需/可选 | options")
            }
            guard let scope = ResponsibilityLayer.Scope(rawValue: fields[1]) else {
                throw Fault(file, n, "范围“\(fields[1])”应为 村、乡镇 或 户", "scope '\(fields[1])' must be 村, 乡镇 or 户")
            }
            guard fields[2] == "必需" || fields[2] == "可选" else {
                throw Fault(file, n, "“\(fields[2])”应为 必需 或 可选", "'\(fields[2])' must be 必需 or 可选")
            }
            var layer = ResponsibilityLayer(name: fields[0], scope: scope, required: fields[2] == "必需")
            for option in fields.count == 4 ? fields[3].split(separator: " ").map(String.init) : [] {
                let kv = option.split(separator: "=", maxSplits: 1).map(String.init)
                func number(_ s: String) throws -> Int {
                    guard let v = Int(s), v > 0, v < 10_000 else { throw Fault(file, n, "“\(option)”的值应为正整数", "'\(option)' needs a positive whole number") }
                    return v
                }
                switch kv.first {
                case "人数" where kv.count == 2: layer.minimumHolders = try number(kv[1])
                case "户数上限" where kv.count == 2: layer.maxHouseholds = try number(kv[1])
                case "村数上限" where kv.count == 2: layer.maxVillages = try number(kv[1])
                case "任期" where kv.count == 2:
                    let r = kv[1].split(separator: "-").map(String.init)
                    guard r.count == 2, let a = Int(r[0]), let b = Int(r[1]), 0 < a, a <= b, b <= 10 else {
                        throw Fault(file, n, "任期应写作 A-B（年），如 1-3", "a term is A-B years, e.g. 1-3")
                    }
                    layer.termYears = a...b
                default:
                    throw Fault(file, n, "未知选项“\(option)”（可用：人数、任期、户数上限、村数上限）", "unknown option '\(option)'")
                }
            }
            guard sets[sets.count - 1].layer(layer.name) == nil else { throw Fault(file, n, "岗位“\(layer.name)”重复", "post '\(layer.name)' repeats") }
            sets[sets.count - 1].layers.append(layer)
        }
        guard !sets.isEmpty else { throw Fault(file, 1, "没有任何责任体系", "no set at all") }
        return sets
    }

    static func parseRules(_ text: String, file: String, known: Set<String>) throws -> [DutyRule] {
        var rules: [DutyRule] = []
        for (n, f) in lines(text) {
            guard f.count == 5 else { throw Fault(file, n, "应为 岗位 | 计量 | 最少 | 周期 | 来源", "expected: post | measure | minimum | period | source") }
            guard known.contains(f[0]) else { throw Fault(file, n, "岗位“\(f[0])”不在责任层级文件中", "post '\(f[0])' is not in the layers file") }
            guard let measure = DutyRule.Measure(rawValue: f[1]) else {
                throw Fault(file, n, "计量“\(f[1])”应为 \(DutyRule.Measure.allCases.map(\.rawValue).joined(separator: "、"))", "unknown measure '\(f[1])'")
            }
            guard let minimum = Int(f[2]), (1...366).contains(minimum) else { throw Fault(file, n, "最少“\(f[2])”应为 1–366 的整数", "minimum must be 1–366") }
            guard let per = DutyPeriod.Length(rawValue: f[3]) else { throw Fault(file, n, "周期“\(f[3])”应为 月、季度 或 年", "period must be 月, 季度 or 年") }
            guard !f[4].isEmpty else { throw Fault(file, n, "请写明来源", "give the rule's source") }
            rules.append(DutyRule(layer: f[0], measure: measure, minimum: minimum, per: per, source: f[4]))
        }
        return rules
    }
}
