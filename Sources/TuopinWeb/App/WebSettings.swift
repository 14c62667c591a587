import Foundation
import TuopinDomain
import TuopinExchange

/// Settings of the web application, read once at start.
public struct WebSettings: Sendable {
    /// Failed sign-ins before a lock, and its length (TUOPIN_LOCK_FAILURES, TUOPIN_LOCK_MINUTES).
    public var signIn: SignInPolicy
    /// bcrypt cost for new passwords (TUOPIN_BCRYPT_COST; 12 by default).
    public var bcryptCost: Int
    /// How long a session lasts (hours, TUOPIN_SESSION_HOURS; 12 by default).
    public var sessionLifetime: TimeInterval
    /// Which levels approve each kind of change (TUOPIN_APPROVAL_ROUTES, e.g. `收入更正=township;删除=township,county`).
    public var approvals: ApprovalPolicy
    /// The standards in force (TUOPIN_STANDARDS or `--standards` names a deployment's own file; the shipped one otherwise).
    public var standards: StandardSet
    /// The deployment's standards file, nil for the shipped one.
    public var standardsFile: String?
    /// Proxies whose `X-Forwarded-For` is believed (TUOPIN_TRUSTED_PROXIES); none by default.
    public var trustedProxies: TrustedProxies = .none
    /// The anchor key file and anchor log (TUOPIN_ANCHOR_KEY, TUOPIN_ANCHOR_LOG) and how often the server
    /// anchors the audit chain (TUOPIN_ANCHOR_HOURS, 24 by default); none without both files.
    public var anchorKeyFile: String?
    public var anchorLog: String?
    public var anchorHours = 24
    /// The responsibility set and duty rules (TUOPIN_RESPONSIBILITY_LAYERS, TUOPIN_DUTY_RULES, TUOPIN_RESPONSIBILITY_SET).
    public var responsibility: ResponsibilityFiles.Loaded = ResponsibilityFiles.shipped
    /// The supervision rules (TUOPIN_SUPERVISION_RULES).
    public var supervision: SupervisionRules = SupervisionFiles.shipped
    /// 信息比对规则 (TUOPIN_MATCH_RULES).
    public var matching: MatchRules = MatchFiles.shipped
    /// 入户调查问卷 (TUOPIN_QUESTIONNAIRE).
    public var questionnaire: Questionnaire = QuestionnaireFiles.shipped
    /// The benefit policies and entitlement rules (TUOPIN_BENEFIT_POLICIES).
    public var benefits: BenefitPolicies = BenefitFiles.shipped
    /// Uploads: at most TUOPIN_UPLOAD_LIMIT_MB a file (10 by default) and TUOPIN_UPLOAD_FILES files a form (5).
    public var attachments = AttachmentRules()

    public init(signIn: SignInPolicy = SignInPolicy(), bcryptCost: Int = 12, sessionLifetime: TimeInterval = 12 * 3600,
                approvals: ApprovalPolicy = .standard, standards: StandardSet = StandardsCatalog.shipped) {
        self.signIn = signIn
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.approvals = approvals
        self.standards = standards
    }

    /// Parses `KIND=LEVEL,LEVEL;KIND=…` (kinds by Chinese name, levels township/county); an empty level list
    /// means the change takes effect at once.
    public static func approvalRoutes(_ text: String) throws -> ApprovalPolicy {
        var routes: [ChangeKind: [AreaLevel]] = [:]
        for part in text.split(separator: ";") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let kind = ChangeKind.parse(pair[0]) else {
                throw Invalid("TUOPIN_APPROVAL_ROUTES", "TUOPIN_APPROVAL_ROUTES 中“\(part)”无效：种类应为 \(ChangeKind.allowedList)", "'\(part)': unknown kind of change")
            }
            var levels: [AreaLevel] = []
            for l in pair[1].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !l.isEmpty {
                guard let level = AreaLevel.allCases.first(where: { $0.key == l }), level == .township || level == .county else {
                    throw Invalid("TUOPIN_APPROVAL_ROUTES", "TUOPIN_APPROVAL_ROUTES 中层级“\(l)”无效，应为 township 或 county", "level '\(l)' must be township or county")
                }
                levels.append(level)
            }
            routes[kind] = levels
        }
        return ApprovalPolicy(routes: routes)
    }

    /// A setting that stops start-up, naming the variable and what is wrong.
    public struct Invalid: Refusal {
        public let chinese: String
        public let english: String
        public let field: String?
        public var kind: RefusalKind { .misconfigured }
        init(_ field: String?, _ chinese: String, _ english: String) {
            self.field = field
            self.chinese = chinese
            self.english = english
        }
    }

    /// From the environment (and a standards file named on the command line); a bad value stops start-up with a message naming it.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                       standardsFile: String? = nil) throws -> WebSettings {
        func int(_ key: String, _ range: ClosedRange<Int>, _ fallback: Int) throws -> Int {
            guard let text = env[key] else { return fallback }
            guard let v = Int(text), range.contains(v) else {
                throw Invalid(key, "环境变量 \(key)=\(text) 无效，应为 \(range.lowerBound)–\(range.upperBound) 的整数",
                              "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return v
        }
        let file = standardsFile ?? StandardsCatalog.path(in: env)
        var settings = WebSettings(signIn: SignInPolicy(maxFailures: try int("TUOPIN_LOCK_FAILURES", 1...100, 5),
                                                lockDuration: TimeInterval(try int("TUOPIN_LOCK_MINUTES", 1...10_080, 15) * 60)),
                           bcryptCost: try int("TUOPIN_BCRYPT_COST", 4...16, 12),
                           sessionLifetime: TimeInterval(try int("TUOPIN_SESSION_HOURS", 1...720, 12) * 3600),
                           approvals: try env["TUOPIN_APPROVAL_ROUTES"].map(approvalRoutes) ?? .standard,
                           standards: try StandardsCatalog.load(path: file).get())
        settings.standardsFile = file
        settings.trustedProxies = try env["TUOPIN_TRUSTED_PROXIES"].map(TrustedProxies.parse) ?? .none
        settings.anchorKeyFile = env["TUOPIN_ANCHOR_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        settings.anchorLog = env["TUOPIN_ANCHOR_LOG"].flatMap { $0.isEmpty ? nil : $0 }
        settings.anchorHours = try int("TUOPIN_ANCHOR_HOURS", 1...168, 24)
        settings.responsibility = try ResponsibilityFiles.fromEnvironment(env)
        settings.supervision = try SupervisionFiles.fromEnvironment(env)
        settings.matching = try MatchFiles.fromEnvironment(env)
        settings.questionnaire = try QuestionnaireFiles.fromEnvironment(env)
        settings.benefits = try BenefitFiles.fromEnvironment(env)
        settings.attachments = AttachmentRules(maxBytes: try int("TUOPIN_UPLOAD_LIMIT_MB", 1...100, 10) * 1024 * 1024,
                                               maxFiles: try int("TUOPIN_UPLOAD_FILES", 1...20, 5))
        if (settings.anchorKeyFile == nil) != (settings.anchorLog == nil) {
            throw Invalid("TUOPIN_ANCHOR_KEY", "TUOPIN_ANCHOR_KEY 与 TUOPIN_ANCHOR_LOG 须同时设置", "set both TUOPIN_ANCHOR_KEY and TUOPIN_ANCHOR_LOG, or neither")
        }
        return settings
    }
}
