import ArgumentParser
import TuopinDomain
import TuopinExchange

/// `--standards FILE` (or TUOPIN_STANDARDS): the standards in force; a faulty file stops the command naming the line.
struct StandardsOption: ParsableArguments {
    @Option(help: ArgumentHelp("扶贫标准文件（默认随程序提供的文件，或环境变量 TUOPIN_STANDARDS） / standards file (default: the shipped one, or TUOPIN_STANDARDS)", valueName: "FILE"))
    var standards: String?

    func load() throws -> StandardSet {
        switch StandardsCatalog.load(path: standards ?? StandardsCatalog.path()) {
        case .success(let s): return s
        case .failure(let e): throw CommandFailure(e.description)
        }
    }
}
