import ArgumentParser
import TuopinStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "建立或升级数据库结构 / Create or upgrade the database schema (every command also does this)."
    )
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let runtime = try await database.open()
        await runtime.shutdown()
        note("数据库结构已是最新 / the schema is up to date: \(runtime.url)")
    }
}
