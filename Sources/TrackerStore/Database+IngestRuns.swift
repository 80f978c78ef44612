import Foundation

/// Counts of one ingest run, as recorded in `ingest_run`.
public struct IngestCounts: Sendable, Equatable {
    public var rowsRead = 0
    public var rowsRejected = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows that observed nothing (every metric cell empty): not stored, as no capture happened.
    public var empty = 0

    public init() {}

    public mutating func record(_ outcome: WriteOutcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .empty: empty += 1
        case .duplicate: break
        }
    }
}

extension Database {
    /// Starts the record of a run inside the current write transaction; returns its id.
    public func beginIngestRun(source: String, format: String) throws -> Int64 {
        let statement = try cachedStatement(
            "INSERT INTO ingest_run (source, format, started_at, outcome) VALUES (?, ?, unixepoch(), 'ok')")
        statement.bind(source, at: 1)
        statement.bind(format, at: 2)
        try statement.run()
        return lastInsertRowID
    }

    /// Completes the record of a successful run (same transaction as its rows).
    public func finishIngestRun(_ id: Int64, counts: IngestCounts, contentHash: String?) throws {
        let statement = try cachedStatement("""
            UPDATE ingest_run SET finished_at = unixepoch(), content_hash = ?, rows_read = ?, rows_rejected = ?,
                snapshots_added = ?, snapshots_updated = ?, snapshots_unchanged = ?
            WHERE id = ?
            """)
        statement.bind(contentHash, at: 1)
        statement.bind(counts.rowsRead, at: 2)
        statement.bind(counts.rowsRejected, at: 3)
        statement.bind(counts.added, at: 4)
        statement.bind(counts.updated, at: 5)
        statement.bind(counts.unchanged, at: 6)
        statement.bind(id, at: 7)
        try statement.run()
    }

    /// Records a failed run in its own transaction, after its rows were rolled back.
    public func recordFailedIngestRun(source: String, format: String, startedAt: Date, error: String) throws {
        try write { db in
            let statement = try db.cachedStatement("""
                INSERT INTO ingest_run (source, format, started_at, finished_at, outcome, error)
                VALUES (?, ?, ?, unixepoch(), 'failed', ?)
                """)
            statement.bind(source, at: 1)
            statement.bind(format, at: 2)
            statement.bind(Int64(startedAt.timeIntervalSince1970), at: 3)
            statement.bind(error, at: 4)
            try statement.run()
        }
    }
}
