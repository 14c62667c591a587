import ArgumentParser
import Foundation
import TuopinDomain

/// The file, county and dry-run options the responsibility loads share (cadres, pairings, logs).
struct CountyFileOptions: ParsableArguments {
    @Argument(help: "要导入的文件 / the file to load (.csv or .xlsx)") var file: String
    @Option(help: ArgumentHelp("只接受此县的区划和户（6位代码） / accept only areas and households of this county", valueName: "CODE")) var county: String?
    @Flag(name: .customLong("dry-run"), help: "只检查，不写入 / check only, write nothing") var dryRun = false

    var area: AreaCode? { county.flatMap(AreaCode.init) }
    var url: URL { URL(fileURLWithPath: file) }

    func validate() throws {
        if let c = county, AreaCode(c)?.level != .county { throw ValidationError("--county 应为6位县级代码 / --county must be a 6-digit county code") }
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("找不到文件 \(file) / no such file: \(file)") }
    }
}
