// swift-tools-version:6.0
import PackageDescription

/// The file readers and rules run over hundreds of thousands of rows; unoptimized they make the
/// debug demo and the test suite ten times slower, so these two small modules are optimized in
/// debug builds too (docs/adr/0005-optimize-hot-modules-in-debug.md).
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "tuopin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tuopin", targets: ["tuopin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    ],
    targets: [
        // Pure domain: value types, rules, state machines. Foundation only.
        .target(name: "TuopinDomain", swiftSettings: optimizedInDebug),
        // File formats: the registry exchange format in CSV and XLSX, encodings, the generator.
        .target(name: "TuopinExchange", dependencies: [
            "TuopinDomain",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Resources")], swiftSettings: optimizedInDebug),
        // Persistence: Fluent records, migrations, queries, bulk loaders.
        .target(name: "TuopinStore", dependencies: [
            "TuopinDomain",
            "TuopinExchange",
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Use cases: one entry per feature, called by the pages and the commands alike; each checks
        // permission through the domain, applies the rule, writes and records its audit events in one
        // transaction (docs/adr/0012-one-use-case-entry-per-feature.md).
        .target(name: "TuopinServices", dependencies: [
            "TuopinDomain",
            "TuopinExchange",
            "TuopinStore",
            .product(name: "FluentKit", package: "fluent-kit"),
        ]),
        // Web: Vapor configuration, routes, controllers, server-rendered HTML, JSON API.
        .target(name: "TuopinWeb", dependencies: [
            "TuopinDomain",
            "TuopinExchange",
            "TuopinStore",
            "TuopinServices",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
        ], resources: [.copy("Resources")]),
        // The executable: argument parsing and the commands.
        .executableTarget(name: "tuopin", dependencies: [
            "TuopinDomain",
            "TuopinExchange",
            "TuopinStore",
            "TuopinServices",
            "TuopinWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Shared fixtures for the test targets: sample households and files.
        .target(name: "TuopinTestSupport", dependencies: ["TuopinDomain", "TuopinExchange", "TuopinStore"], path: "Tests/TuopinTestSupport"),
        .testTarget(name: "TuopinDomainTests", dependencies: ["TuopinDomain"]),
        .testTarget(name: "TuopinExchangeTests", dependencies: ["TuopinExchange", "TuopinDomain", "TuopinTestSupport"]),
        .testTarget(name: "TuopinStoreTests", dependencies: ["TuopinStore", "TuopinExchange", "TuopinDomain", "TuopinTestSupport"]),
        .testTarget(name: "TuopinServicesTests", dependencies: ["TuopinServices", "TuopinStore", "TuopinExchange", "TuopinDomain", "TuopinTestSupport"]),
        .testTarget(name: "TuopinWebTests", dependencies: [
            "TuopinWeb", "TuopinServices", "TuopinStore", "TuopinExchange", "TuopinDomain", "TuopinTestSupport",
            .product(name: "VaporTesting", package: "vapor"),
        ], exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v6]
)
