import CSQLite

extension Database {
    /// Runs each statement of `sql` in turn (prepared one at a time, so later statements
    /// see what earlier ones created), calling `body` with each before stepping it.
    ///
    /// ```swift
    /// try db.forEachStatement("SELECT 1; SELECT 2") { statement in
    ///     while try statement.step() { print(statement.int64(at: 0)) }
    /// }
    /// ```
    public func forEachStatement(_ sql: String, _ body: (Statement) throws -> Void) throws {
        var remaining = Substring(sql)
        while true {
            let (statement, rest) = try prepareFirst(String(remaining))
            guard let statement else { return }
            try body(statement)
            remaining = Substring(rest)
        }
    }

    /// Prepares the first statement of `sql`; returns it (nil when only comments or space remain)
    /// and the SQL after it.
    private func prepareFirst(_ sql: String) throws -> (Statement?, String) {
        try sql.withCString { start in
            var handle: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(self.handle, start, -1, &handle, &tail)
            guard rc == SQLITE_OK else { throw error(rc, sql: sql) }
            let rest = tail.map { String(cString: $0) } ?? ""
            guard let handle else { return (nil, rest) }
            let consumed = tail.map { start.distance(to: $0) } ?? sql.utf8.count
            let text = String(decoding: UnsafeRawBufferPointer(start: start, count: consumed), as: UTF8.self)
            return (Statement(database: self, handle: handle, sql: text), rest)
        }
    }
}
