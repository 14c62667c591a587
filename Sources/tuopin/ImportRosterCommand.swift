import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportRosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-roster",
        abstract: "导入农村户籍人口名单（公安户籍），用于漏评抽样和综合贫困发生率 / Load the county's household-registration roster.",
        discussion: """
            列：户号,证件号码,姓名,与户主关系,性别,出生日期,村代码（见 docs/ROSTER.md）。新名单整体替换旧名单；有任何错误则不写入。
            与建档立卡成员证件号码相同的人关联到其户；其余户为卡外户（漏评抽样层），村户籍人口未填时由名单推算。
            Columns: docs/ROSTER.md. A new roster replaces the old one; any error loads nothing. Persons not on the register form the
            non-registered households an evaluation samples for missed poor.
            """
    )
    @OptionGroup var input: CountyFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let url = input.url
        let outcome = try await database.run { ctx in
            try await RosterService.load(RosterFileReader.read(url, county: input.area, today: ctx.today), file: url, county: input.area,
                                         dryRun: input.dryRun, in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("人", "persons on the register"), dryRun: input.dryRun)
    }
}
