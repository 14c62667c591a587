import ArgumentParser

/// 脱贫攻坚指挥系统 — the command line.
@main
struct Tuopin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuopin",
        abstract: "脱贫攻坚指挥系统（建档立卡） / Tuopin: the targeted poverty-alleviation registry and command system.",
        discussion: """
        数据库由 --db 或环境变量 TUOPIN_DATABASE_URL 指定，默认是当前目录下的 tuopin.sqlite。
        The database is given by --db or TUOPIN_DATABASE_URL; the default is tuopin.sqlite in the working directory.
        """,
        subcommands: [DemoCommand.self, ServeCommand.self, ImportCommand.self, ExportCommand.self, GenerateCommand.self, EvaluateCommand.self, ImportVillagesCommand.self, VillagesCommand.self, ImportTargetsCommand.self, TargetsCommand.self, MonitorCommand.self, ImportCadresCommand.self, ImportPairingsCommand.self, ImportLogsCommand.self, DutyCommand.self, ProblemsCommand.self, BulletinCommand.self, FundsCommand.self, ImportBenefitsCommand.self, LeaksCommand.self, ImportDepartmentCommand.self, ImportRosterCommand.self, ImportInterviewsCommand.self, ImportProblemsCommand.self, MatchCommand.self, SampleCommand.self, RatesCommand.self, SuspicionsCommand.self, QualityCommand.self, CheckAggregatesCommand.self, SummaryCommand.self, UserCommand.self, AuditCommand.self, MigrateCommand.self]
    )
}
