import Foundation
import Testing
@testable import TrackerStore

@Suite struct MigrationTests {
    @Test func migratesANewDatabaseAndRecordsEachMigration() throws {
        let db = try makeDatabase()
        let recorded = try db.rows("SELECT version, name FROM schema_migrations ORDER BY version")
        #expect(recorded.count == Database.migrations.count)
        #expect(recorded.first == [.integer(1), .text("core")])
        #expect(try db.scalar("PRAGMA user_version") == .integer(Int64(Database.latestVersion)))
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
        #expect(try db.isUpToDate())
    }

    @Test func migratingTwiceChangesNothing() throws {
        let path = try temporaryDatabasePath()
        try Database(path: path).migrate()
        let db = try Database(path: path)
        try db.migrate()
        #expect(try db.scalar("SELECT count(*) FROM schema_migrations") == .integer(Int64(Database.migrations.count)))
    }

    @Test func refusesADatabaseFromANewerTrackerWithoutTouchingIt() throws {
        let path = try temporaryDatabasePath()
        do {
            let db = try Database(path: path)
            try db.migrate()
            try db.execute("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')")
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let db = try Database(path: path)
        #expect(throws: DatabaseTooNewError.self) { try db.migrate() }
        #expect(throws: DatabaseTooNewError.self) { try db.isUpToDate() }
        let error = try #require(throws: DatabaseTooNewError.self) { try db.migrate() }
        #expect(error.description.contains("9999"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func embeddedMigrationsMatchTheMigrationsFolder() throws {
        // The binary carries migrations/ as built; this guards the build plugin.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../migrations").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == Database.migrations.count)
        for (file, migration) in zip(files, Database.migrations) {
            #expect(file == String(format: "%04d_%@.sql", migration.version, migration.name))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(migration.sql.trimmingCharacters(in: .whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func databaseLocationFollowsFlagThenEnvironment() {
        #expect(DatabaseLocation.resolve(explicit: "a.db", environment: ["TRACKER_DB": "b.db"]) == "a.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["TRACKER_DB": "b.db"]) == "b.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/tracker/tracker.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/tracker/tracker.db")
    }
}
