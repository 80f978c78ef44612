import Foundation

/// A numbered schema change from the top-level `migrations/` folder, embedded at build time.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
}

/// The database was written by a newer `tracker`: it has migrations this binary does not know.
public struct DatabaseTooNewError: Error, CustomStringConvertible {
    public let path: String
    public let unknownVersions: [Int]
    public let knownVersion: Int

    public var description: String {
        "\(path) has schema version \(unknownVersions.max() ?? 0), newer than this tracker knows (\(knownVersion)); "
            + "it was left untouched. Hint: upgrade tracker."
    }
}

extension Database {
    /// Every migration this binary carries, in order.
    public static let migrations: [Migration] = embeddedMigrations
        .map { Migration(version: $0.version, name: $0.name, sql: $0.sql) }
        .sorted { $0.version < $1.version }

    /// The newest schema version this binary knows.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Versions recorded in `schema_migrations` (empty for a new database).
    public func appliedMigrations() throws -> Set<Int> {
        let exists = try makeStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard try exists.step() else { return [] }
        let statement = try makeStatement("SELECT version FROM schema_migrations")
        var versions: Set<Int> = []
        while try statement.step() { versions.insert(Int(statement.int64(at: 0))) }
        return versions
    }

    /// Applies pending migrations in order, each in its own transaction, and records them.
    /// Refuses, without writing, a database that has migrations this binary does not know.
    public func migrate() throws {
        try refuseNewerSchema(applied: appliedMigrations())
        for migration in Self.migrations {
            try write { db in
                // Re-read inside the write lock: another process may have migrated meanwhile.
                let applied = try db.appliedMigrations()
                try db.refuseNewerSchema(applied: applied)
                guard !applied.contains(migration.version) else { return }
                try db.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version    INTEGER PRIMARY KEY,
                        name       TEXT NOT NULL,
                        applied_at TEXT NOT NULL
                    ) STRICT
                    """)
                try db.execute(migration.sql)
                let record = try db.cachedStatement(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
                record.bind(migration.version, at: 1)
                record.bind(migration.name, at: 2)
                try record.run()
                try db.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    /// True when every known migration has been applied.
    public func isUpToDate() throws -> Bool {
        let applied = try appliedMigrations()
        try refuseNewerSchema(applied: applied)
        return Self.migrations.allSatisfy { applied.contains($0.version) }
    }

    private func refuseNewerSchema(applied: Set<Int>) throws {
        let known = Set(Self.migrations.map(\.version))
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw DatabaseTooNewError(path: path, unknownVersions: unknown.sorted(), knownVersion: Self.latestVersion)
        }
    }
}
