import TrackerStore

extension ResultWriter {
    /// Steps `statement` to the end, writing every row. Returns the number of rows.
    @discardableResult
    static func write(_ statement: Statement, format: OutputFormat) throws -> Int {
        let columns = (0..<statement.columnCount).map { statement.columnName(at: $0) }
        let writer = ResultWriter(format: format, columns: columns)
        var count = 0
        while try statement.step() {
            writer.write((0..<statement.columnCount).map { statement.value(at: $0) })
            count += 1
        }
        writer.finish()
        return count
    }
}
