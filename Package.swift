// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tracker",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tracker", targets: ["tracker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System SQLite (libsqlite3-dev), nothing bundled.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // Turns migrations/*.sql into Swift source at build time, so the binary carries its schema.
        .executableTarget(name: "EmbedMigrations", path: "Sources/EmbedMigrations"),
        .plugin(name: "EmbedMigrationsPlugin", capability: .buildTool(), dependencies: ["EmbedMigrations"]),

        .target(name: "TrackerStore", dependencies: ["CSQLite"], plugins: ["EmbedMigrationsPlugin"]),
        // ISO 8601 times as Unix seconds: shared by the readers, the detector's sentences and the CLI.
        .target(name: "TrackerTime"),
        .target(name: "TrackerIngest", dependencies: ["TrackerTime", "TrackerAudit", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TrackerDetect", dependencies: ["TrackerTime"]),
        // Follower audit rules and verdicts: pure functions over profiles.
        .target(name: "TrackerAudit", dependencies: ["TrackerTime"]),
        // Follower graphs: Louvain communities, modularity, GEXF/GraphML writing; pure, no SQLite.
        .target(name: "TrackerGraph"),
        // Charts and sparklines: pure rendering, no SQLite.
        .target(name: "TrackerReport", dependencies: ["TrackerTime"]),
        .executableTarget(name: "tracker", dependencies: [
            "TrackerStore", "TrackerIngest", "TrackerDetect", "TrackerTime", "TrackerReport", "TrackerAudit", "TrackerGraph",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "TrackerStoreTests", dependencies: ["TrackerStore"]),
        .testTarget(name: "TrackerDetectTests", dependencies: ["TrackerDetect"]),
        .testTarget(name: "TrackerIngestTests", dependencies: ["TrackerIngest", "TrackerTime"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrackerTimeTests", dependencies: ["TrackerTime"]),
        .testTarget(name: "TrackerReportTests", dependencies: ["TrackerReport"]),
        .testTarget(name: "TrackerGraphTests", dependencies: ["TrackerGraph"]),
        .testTarget(name: "TrackerAuditTests", dependencies: ["TrackerAudit", "TrackerIngest"]),
        .testTarget(name: "trackerTests", dependencies: ["tracker"]),
    ],
    swiftLanguageModes: [.v6]
)
