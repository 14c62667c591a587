import ArgumentParser
import Foundation
import TuopinServices
import TuopinStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "痕迹（审计记录） / The audit trail.",
        discussion: "锚点密钥与锚点日志见 docs/SECURITY.md / anchor key and anchor log: docs/SECURITY.md",
        subcommands: [Verify.self, Anchor.self, AnchorKeyCommand.self, Anchors.self, Baseline.self]
    )

    /// Where the anchor key and log are: options, or TUOPIN_ANCHOR_KEY / TUOPIN_ANCHOR_LOG.
    struct AnchorFiles: ParsableArguments {
        @Option(name: .customLong("anchor-key"), help: ArgumentHelp("锚点密钥文件（默认 TUOPIN_ANCHOR_KEY） / the anchor key file (default: TUOPIN_ANCHOR_KEY)", valueName: "FILE"))
        var key: String?
        @Option(name: .customLong("anchor-log"), help: ArgumentHelp("锚点日志（默认 TUOPIN_ANCHOR_LOG） / the anchor log (default: TUOPIN_ANCHOR_LOG)", valueName: "FILE"))
        var log: String?

        var keyPath: String? { key ?? ProcessInfo.processInfo.environment["TUOPIN_ANCHOR_KEY"].flatMap { $0.isEmpty ? nil : $0 } }
        var logPath: String? { log ?? ProcessInfo.processInfo.environment["TUOPIN_ANCHOR_LOG"].flatMap { $0.isEmpty ? nil : $0 } }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验痕迹哈希链（及锚点、登记库） / Walk the hash chain (and check it against anchors, and the registry against it).",
            discussion: """
            退出码 0 表示完好，1 表示发现问题。 / Exit code 0: intact; 1: a problem was found.
            --anchors 用保存在数据库之外的锚点日志发现删除尾部记录或改写后重算哈希；--registry 找出在应用之外被改动的户、成员和收入。
            --anchors finds deleted newest records and rewrites that re-hashed the chain; --registry names households, members and incomes changed outside the application.
            """)
        @Option(help: ArgumentHelp("锚点日志文件 / the anchor log to check against", valueName: "FILE")) var anchors: String?
        @Option(name: .customLong("public-key"), help: ArgumentHelp("本部署锚点公钥（base64；默认取 --anchor-key 的公钥） / this deployment's anchor public key (base64; default: that of --anchor-key)", valueName: "KEY"))
        var publicKey: String?
        @Option(name: .customLong("anchor-key"), help: ArgumentHelp("锚点密钥文件，用于核对公钥 / the anchor key file, to check the signer", valueName: "FILE"))
        var anchorKey: String?
        @Flag(help: "同时核对每户的当前数据与痕迹记录的状态 / also check each household as stored against the state its latest record gives")
        var registry = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let anchorList = try anchors.map(AnchorLog.read) ?? []
            let expected = try publicKey ?? anchorKey.map { try AnchorKey.load($0).publicKeyText }
            let progress = TerminalProgress()
            let (report, registryReport) = try await database.run { ctx in
                defer { progress.finish() }
                let chain = try await AuditService.verify(anchors: anchorList, publicKey: expected, in: ctx) { progress.update("校验 / checked: \($0)") }
                let households = registry ? try await AuditService.verifyRegistry(in: ctx) { progress.update("核对户 / households: \($0)") } : nil
                return (chain, households)
            }
            var failed = false
            if let b = report.firstBreak {
                print("痕迹链断裂 / BROKEN: \(b.problem)（记录序号 seq \(b.seq)\(b.id.map { "，id \($0)" } ?? "")；此前 \(report.checked) 条完好 / \(report.checked) records before it are intact）")
                failed = true
            } else {
                print("痕迹链完整 / chain intact: \(report.checked) 条记录 records")
            }
            if anchors != nil {
                if report.anchorProblems.isEmpty {
                    print("锚点相符 / anchors match: \(report.anchorsChecked) 个锚点 anchors\(expected == nil ? "（未核对签名者：请给出 --public-key 或 --anchor-key / the signer was not checked: give --public-key or --anchor-key）" : "")")
                } else {
                    for p in report.anchorProblems { print("锚点不符 / ANCHOR MISMATCH: \(p)") }
                    failed = true
                }
            }
            if let r = registryReport {
                if r.isIntact {
                    print("登记库与痕迹相符 / registry matches the trail: \(r.checked) 户 households")
                } else {
                    for f in r.findings {
                        print("户数据不符 / HOUSEHOLD CHANGED: id \(f.householdID)\(f.number.map { " 户编号 \($0)" } ?? "")\(f.villageCode.map { " 村 \($0)" } ?? "")：\(f.problem)")
                    }
                    print("共 \(r.findings.count) 户不符，已核对 \(r.checked) 户 / \(r.findings.count) of \(r.checked) households do not match")
                    failed = true
                }
            }
            if failed {
                print("处理办法见 docs/SECURITY.md “校验失败时” / what to do: docs/SECURITY.md, \"When a verify fails\"")
                throw ExitCode.failure
            }
        }
    }

    struct Anchor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把当前链尾签名写入锚点日志（可由计划任务每日运行） / Sign the chain's head into the anchor log (e.g. daily from cron).")
        @OptionGroup var files: AnchorFiles
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let keyPath = files.keyPath, let logPath = files.logPath else {
                throw ValidationError("请给出 --anchor-key 和 --anchor-log（或设置 TUOPIN_ANCHOR_KEY、TUOPIN_ANCHOR_LOG） / give --anchor-key and --anchor-log (or set TUOPIN_ANCHOR_KEY and TUOPIN_ANCHOR_LOG)")
            }
            let key = try AnchorKey.load(keyPath)
            let written = try await database.run { ctx in try await AuditService.anchor(key: key, log: logPath, in: ctx) }
            if let a = written {
                note("已写入锚点 / anchor written: 第 \(a.seq) 条 seq, \(a.hash) → \(logPath)")
            } else {
                note("链尾未变，未写新锚点 / the head has not moved since the last anchor: nothing written")
            }
        }
    }

    struct AnchorKeyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anchor-key",
            abstract: "新建锚点密钥文件（不会覆盖已有文件）并显示公钥 / Create an anchor key file (never overwriting one) and show its public key.")
        @Argument(help: ArgumentHelp("密钥文件路径（放在数据库所在位置之外） / where to put the key (outside the database's place)", valueName: "FILE"))
        var file: String

        func run() async throws {
            let key = try AnchorKey.create(file)
            note("已新建锚点密钥 / anchor key created: \(file)（仅本账号可读 / readable by this account only）")
            print("公钥（打印存档，校验时用 --public-key） / public key (print it for the paper file; give it to verify --public-key):")
            print(key.publicKeyText)
        }
    }

    struct Anchors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出锚点日志（供打印存档） / List the anchor log (for printing and the paper file).")
        @Argument(help: ArgumentHelp("锚点日志 / the anchor log", valueName: "FILE")) var file: String

        func run() async throws {
            let anchors = try AnchorLog.read(file)
            print("序号\t时间（UTC）\t记录数（seq）\t链尾哈希\t公钥\t签名")
            for (i, a) in anchors.enumerated() {
                print("\(i + 1)\t\(AuditAnchor.timeText(a.at))\t\(a.seq)\t\(a.hash)\t\(a.publicKey)\t\(a.isSignatureValid ? "有效 / valid" : "无效 / INVALID")")
            }
        }
    }

    struct Baseline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "为升级前已有、尚无状态记录的户记录状态基线（升级后运行一次） / Record the state of households stored before state hashes existed (once, after the upgrade).",
            discussion: "先核对数据无误再运行：此后痕迹为当前数据作证。 / Check the data first: afterwards the trail vouches for what is stored now.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let progress = TerminalProgress()
            let n = try await database.run { ctx in
                defer { progress.finish() }
                return try await AuditService.baseline(in: ctx) { progress.update("已记录 / recorded: \($0)") }
            }
            note("已记录 \(n) 户的状态基线 / state baseline recorded for \(n) households")
        }
    }
}
