import CSQLite
import Foundation

/// An error reported by SQLite, with its message and the SQL that failed.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        guard let sql else { return message }
        return "\(message) (in: \(sql.trimmingCharacters(in: .whitespacesAndNewlines)))"
    }
}
