/// The values of some metrics of one page at one time; nil = not observed.
public struct HistoryRow: Sendable, Equatable {
    public let time: Int64
    public let values: [Double?]
}

extension Database {
    /// Names of every metric observed for the page: common ones in column order, then the others by name.
    public func metricNames(of page: PageRef) throws -> [String] {
        var names: [String] = []
        for column in SnapshotWriter.columns {
            let statement = try cachedStatement("SELECT 1 FROM snapshot WHERE page_id = ? AND \(column) IS NOT NULL LIMIT 1")
            statement.bind(page.id, at: 1)
            if try statement.step() { names.append(column) }
        }
        let extras = try cachedStatement("""
            SELECT m.name FROM metric m
            WHERE EXISTS (SELECT 1 FROM metric_value v WHERE v.metric_id = m.id AND v.page_id = ?)
            ORDER BY m.name
            """)
        extras.bind(page.id, at: 1)
        while try extras.step() { names.append(extras.string(at: 0)) }
        return names
    }

    /// Whether some page has a value of the metric (a common column or another metric).
    public func hasMetric(_ name: String) throws -> Bool {
        if SnapshotWriter.columns.contains(name) {
            return try cachedStatement("SELECT 1 FROM snapshot WHERE \(name) IS NOT NULL LIMIT 1").step()
        }
        let statement = try cachedStatement("SELECT 1 FROM metric WHERE name = ?")
        statement.bind(name, at: 1)
        return try statement.step()
    }

    /// Every metric some page has a value of: common ones in column order, then the others by name.
    public func allMetricNames() throws -> [String] {
        var names = try SnapshotWriter.columns.filter(hasMetric)
        let extras = try cachedStatement("SELECT name FROM metric ORDER BY name")
        while try extras.step() { names.append(extras.string(at: 0)) }
        return names
    }

    /// Every snapshot of the page in time order, with the values of `metrics`
    /// (common or extra; an unknown metric reads as never observed).
    public func history(of page: PageRef, metrics: [String], until: Int64? = nil) throws -> [HistoryRow] {
        let expressions = metrics.map { name -> String in
            if SnapshotWriter.columns.contains(name) { return "s.\(name)" }
            let quoted = name.replacingOccurrences(of: "'", with: "''")
            return """
                (SELECT v.value FROM metric_value v JOIN metric m ON m.id = v.metric_id
                 WHERE v.page_id = s.page_id AND v.observed_at = s.observed_at AND m.name = '\(quoted)')
                """
        }
        let sql = "SELECT s.observed_at\(expressions.map { ", " + $0 }.joined()) FROM snapshot s "
            + "WHERE s.page_id = ? AND s.observed_at <= ? ORDER BY s.observed_at"
        let statement = try cachedStatement(sql)
        statement.bind(page.id, at: 1)
        statement.bind(until ?? Int64.max, at: 2)
        var rows: [HistoryRow] = []
        while try statement.step() {
            rows.append(HistoryRow(time: statement.int64(at: 0),
                                   values: metrics.indices.map { statement.optionalDouble(at: Int32($0 + 1)) }))
        }
        return rows
    }
}
