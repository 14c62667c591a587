import ArgumentParser
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinServices

struct ImportDepartmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-department",
        abstract: "导入部门比对数据（死亡、迁出、车辆、不动产、市场主体、财政供养、职工养老保险、学籍） / Load a department's file for matching.",
        discussion: """
            --kind: deaths, moves, vehicles, property, business, payroll, pension, school；各类的列见 docs/MATCHING.md。有任何错误则不写入；不在建档立卡名单的证件号码是警告。
            Columns of each kind: docs/MATCHING.md. Any error loads nothing; an ID not in the registry is a warning.
            """
    )
    @OptionGroup var input: CountyFileOptions
    @Option(name: .customLong("kind"), help: ArgumentHelp("数据类别 / the kind of file: \(DepartmentRecord.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                                                          valueName: "KIND")) var kindName: String

    var kind: DepartmentRecord.Kind { DepartmentRecord.Kind(rawValue: kindName)! }

    func validate() throws {
        guard DepartmentRecord.Kind(rawValue: kindName) != nil else {
            let all = DepartmentRecord.Kind.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
            throw ValidationError("--kind 应为 \(all) / --kind must be one of \(DepartmentRecord.Kind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(kindName)'")
        }
    }
    @OptionGroup var database: DatabaseOptions


    func run() async throws {
        let url = input.url
        let outcome = try await database.run { ctx in
            try await MatchService.load(file: url, kind: kind, county: input.area, dryRun: input.dryRun, in: ctx)
        }
        try FileLoadPrinter.print(outcome, file: input.file, noun: ("条", "records matched"), dryRun: input.dryRun)
    }
}
