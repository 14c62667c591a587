import Fluent
import Foundation
import TuopinDomain
import TuopinExchange
import TuopinStore
import TuopinTestSupport
import TuopinWeb
import Vapor
import VaporTesting

/// An application on a fresh in-memory database holding three households, one of them named with markup.
enum WebHarness {
    static let xssName = "<script>alert(1)</script>"

    /// Runs the test once on each kind of database (SQLite always, PostgreSQL when configured).
    static func withLoadedApp(_ test: (Application) async throws -> Void) async throws {
        for kind in TestDatabase.kinds {
            let (url, drop) = try await TestDatabase.make(kind)
            do {
                try await withLoadedApp(url, test)
            } catch {
                await drop()
                throw error
            }
            await drop()
        }
    }

    static func withLoadedApp(_ url: DatabaseURL, _ test: (Application) async throws -> Void) async throws {
        try await withApp(configure: { app in
            try await WebApp.configure(app, database: url)
        }) { app in
            let households = [Samples.household(), Samples.household("H0002", idBase: 2),
                              Samples.household("H0003", village: Samples.otherVillage, idBase: 3, name: xssName)]
            var exited = households[1]
            exited.exitYear = 2016
            let file = Samples.file(Samples.csv(Samples.rows([households[0], exited, households[2]])))
            let outcome = try await RegistryImporter.run(file: file, options: ImportOptions(county: AreaCode("451224"), now: Date(), today: Samples.today), on: app.db)
            precondition(outcome.written, "fixture did not load: \(outcome.issues.prefix(3))")
            try await test(app)
        }
    }
}
