import FluentKit
import Foundation
import Testing
import TuopinDomain
@testable import TuopinStore
import TuopinTestSupport

/// A second import into a registry while one runs is refused at once, saying who runs the first, and writes
/// nothing (issue #13 C: it failed with "database is locked" after 16 s, and could make the first fail).
@Suite struct ImportLockTests {
    static func options(_ file: String?) -> ImportOptions {
        ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today, registryFile: file)
    }

    @Test func a_second_import_into_a_sqlite_file_is_refused_at_once() async throws {
        let path = Samples.directory().appendingPathComponent("locked.sqlite").path
        let runtime = try StoreRuntime(url: .sqliteFile(path: path))
        try await runtime.migrate()
        let file = Samples.file(Samples.csv(Samples.rows([Samples.household()])))
        let db = runtime.database
        let (elapsed, refusal) = try await ImportLock.holding(path, on: db, actor: "county", now: Date()) { _ in
            let start = Date()
            do {
                _ = try await RegistryImporter.run(file: file, options: Self.options(path), on: db)
                return (Date().timeIntervalSince(start), nil as Refused?)
            } catch let refused as Refused {
                return (Date().timeIntervalSince(start), refused)
            }
        }
        #expect(refusal?.kind == .conflict)
        #expect(refusal?.chinese.contains("另一个导入正在进行（county") == true, "names who holds it: \(String(describing: refusal?.chinese))")
        #expect(elapsed < 5, "refused before reading the file")
        #expect(try await StoreHarness.counts(db)["households"] == 0)
        // Once the first has finished, the same import goes through.
        let after = try await RegistryImporter.run(file: file, options: Self.options(path), on: db)
        #expect(after.written && after.created == 1)
        await runtime.shutdown()
    }

    @Test func a_second_import_into_postgresql_is_refused_at_once() async throws {
        guard let kind = TestDatabase.kinds.first(where: { "\($0)" == "postgres" }) else { return }
        try await StoreHarness.withStore(kind) { db in
            let file = Samples.file(Samples.csv(Samples.rows([Samples.household()])))
            let refusal: Refused? = try await ImportLock.holding(nil, on: db, actor: "county", now: Date()) { _ in
                do {
                    _ = try await RegistryImporter.run(file: file, options: Self.options(nil), on: db)
                    return nil
                } catch let refused as Refused { return refused }
            }
            #expect(refusal?.kind == .conflict)
            #expect(try await StoreHarness.counts(db)["households"] == 0)
            let after = try await RegistryImporter.run(file: file, options: Self.options(nil), on: db)
            #expect(after.written)
        }
    }
}
