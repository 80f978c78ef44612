import CSQLite
import Foundation

/// One SQLite connection, configured for tracker: WAL, `synchronous=NORMAL`,
/// foreign keys on and a busy timeout, so that a cron job and an analyst never
/// see "database is locked".
///
/// ```swift
/// let db = try Database(path: "tracker.db")
/// try db.migrate()
/// try db.write { db in try db.execute("DELETE FROM page WHERE id = 1") }
/// ```
///
/// A `Database` is used from one thread at a time.
public final class Database {
    public let path: String
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]

    /// How long a writer waits for another writer before giving up.
    public static let busyTimeoutMilliseconds: Int32 = 60_000

    /// Opens (creating if needed) the database at `path`.
    /// - Parameter readOnly: open without write access; the file must exist.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, message: "cannot open \(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 0)
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
        try configure(readOnly: readOnly)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure(readOnly: Bool) throws {
        if !readOnly {
            try execute("PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA cache_size = -16000")  // 16 MB: bounded memory, fewer page reads
    }

    // MARK: - Executing SQL

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(error)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// A prepared statement for `sql`, reused across calls (reset, bindings cleared).
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// A fresh prepared statement for `sql` (for one-off queries).
    public func makeStatement(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: lastErrorMessage, sql: sql)
    }

    /// Forbids writes on this connection (`PRAGMA query_only`).
    public func setQueryOnly(_ on: Bool) throws {
        try execute("PRAGMA query_only = \(on ? "ON" : "OFF")")
    }

    /// The version of the linked SQLite library.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
