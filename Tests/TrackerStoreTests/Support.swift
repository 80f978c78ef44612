import Foundation
@testable import TrackerStore

/// One folder for every temporary file of this test run, removed when the run exits: a run makes
/// hundreds, and left behind they filled /tmp by gigabytes.
let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tracker-store-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// A fresh, migrated database in its own temporary folder.
func makeDatabase() throws -> Database {
    let db = try Database(path: temporaryDatabasePath())
    try db.migrate()
    return db
}

func temporaryDatabasePath() throws -> String {
    let folder = scratchRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("test.db").path
}

extension Database {
    /// The single value of a one-row, one-column query.
    func scalar(_ sql: String) throws -> SQLValue {
        let statement = try makeStatement(sql)
        guard try statement.step() else { return .null }
        return statement.value(at: 0)
    }

    func rows(_ sql: String) throws -> [[SQLValue]] {
        let statement = try makeStatement(sql)
        var rows: [[SQLValue]] = []
        while try statement.step() { rows.append((0..<statement.columnCount).map { statement.value(at: $0) }) }
        return rows
    }
}

/// Writes rows through a `SnapshotWriter` in one transaction, as one run.
@discardableResult
func ingest(_ db: Database, policy: ConflictPolicy = .reject, metrics: [String],
            rows: [(platform: String, page: String, time: Int64, values: [Double])]) throws -> ([WriteOutcome], SnapshotWriter) {
    try db.write { db in
        let writer = try SnapshotWriter(database: db, policy: policy)
        writer.runID = try db.beginIngestRun(source: "test", format: "csv")
        let slots = try writer.slots(for: metrics)
        let outcomes = try rows.map { row in
            try writer.write(platform: row.platform, page: row.page, time: row.time, values: row.values[...], slots: slots)
        }
        return (outcomes, writer)
    }
}
