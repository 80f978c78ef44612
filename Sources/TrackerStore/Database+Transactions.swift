import CSQLite

extension Database {
    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front,
    /// so a concurrent writer waits (busy timeout) instead of failing half-way.
    /// Commits when `body` returns, rolls back when it throws.
    ///
    /// ```swift
    /// try db.write { db in try db.execute("INSERT INTO metric (name) VALUES ('likes')") }
    /// ```
    @discardableResult
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// Runs `body` in a read transaction: one consistent snapshot of the database.
    @discardableResult
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body(self)
    }
}
