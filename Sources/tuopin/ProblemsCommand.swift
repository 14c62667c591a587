import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices
import TuopinStore

struct ProblemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problems",
        abstract: "问题清单：督查、暗访、走访等发现的问题及整改状态 / The problem list and where each rectification stands.",
        discussion: "未销号的按整改期限排前；逾期的状态后注“（逾期）”。 / Open problems first by deadline; overdue ones are marked （逾期）."
    )
    @Option(help: ArgumentHelp("只列此区划（6、9或12位代码） / only this area", valueName: "CODE")) var area: String?
    @Option(help: ArgumentHelp("待认领、整改中、申请销号 或 已销号 / only this state", valueName: "STATE")) var state: String?
    @Flag(help: "只列逾期的 / only the overdue") var overdue = false
    @Option(help: "table 或 csv / table or csv") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let a = area, AreaCode(a) == nil { throw ValidationError("--area 应为6、9或12位区划代码 / --area must be a 6-, 9- or 12-digit area code") }
        if let s = state, ProblemState.parse(s) == nil {
            throw ValidationError("--state 应为 待认领、整改中、申请销号 或 已销号 / --state must be one of 待认领, 整改中, 申请销号, 已销号; got '\(s)'")
        }
    }

    func run() async throws {
        let rows = try await database.run { ctx in
            let filter = ProblemStore.Filter(area: area.flatMap(AreaCode.init), state: state.flatMap(ProblemState.parse),
                                             overdueOn: overdue ? ctx.today : nil)
            return try await SupervisionService.table(filter, in: ctx)
        }
        if format == .csv {
            FileHandle.standardOutput.write(Data(CSVFormat.table(rows, byteOrderMark: false).utf8))
        } else {
            print(PlainTable.render(rows))
            print("共 \(rows.count - 1) 个问题 / \(rows.count - 1) problems")
        }
    }
}
