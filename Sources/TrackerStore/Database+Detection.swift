/// The observations of one metric of one page, in time order.
public struct MetricHistory: Sendable {
    public let metric: String
    public var times: [Int64] = []
    public var values: [Double] = []
    /// Stored in `metric_value` rather than a column of `snapshot`.
    var isExtra = false
}

/// An anomaly as stored in the `anomaly` table.
public struct StoredAnomaly: Sendable, Equatable {
    public var id: Int64?
    public var pageID: Int64
    public var metric: String
    public var kind: String
    public var start: Int64
    public var end: Int64
    public var detectedAt: Int64
    public var severity: String
    public var score: Double
    public var before: Double
    public var after: Double
    public var explanation: String

    public init(id: Int64?, pageID: Int64, metric: String, kind: String, start: Int64, end: Int64, detectedAt: Int64,
                severity: String, score: Double, before: Double, after: Double, explanation: String) {
        self.id = id
        self.pageID = pageID
        self.metric = metric
        self.kind = kind
        self.start = start
        self.end = end
        self.detectedAt = detectedAt
        self.severity = severity
        self.score = score
        self.before = before
        self.after = after
        self.explanation = explanation
    }
}

extension Database {
    // MARK: - Reading series

    /// Every metric of the page observed at or after `since`, as separate series.
    public func series(ofPage pageID: Int64, since: Int64 = .min) throws -> [MetricHistory] {
        var columns = SnapshotWriter.columns.map { MetricHistory(metric: $0) }
        let common = try cachedStatement("""
            SELECT observed_at, \(Self.commonColumns) FROM snapshot WHERE page_id = ? AND observed_at >= ? ORDER BY observed_at
            """)
        common.bind(pageID, at: 1)
        common.bind(since, at: 2)
        while try common.step() {
            columns.append(common, timeAt: 0)
        }
        var result: [String: MetricHistory] = [:]
        for column in columns where !column.times.isEmpty { result[column.metric] = column }
        let extra = try cachedStatement("""
            SELECT m.name, v.observed_at, v.value FROM metric_value v JOIN metric m ON m.id = v.metric_id
            WHERE v.page_id = ? AND v.observed_at >= ? ORDER BY m.name, v.observed_at
            """)
        extra.bind(pageID, at: 1)
        extra.bind(since, at: 2)
        while try extra.step() {
            let name = extra.string(at: 0)
            result[name, default: MetricHistory(metric: name)].append(extra.int64(at: 1), extra.double(at: 2))
        }
        return result.values.sorted { $0.metric < $1.metric }
    }

    /// Every page's series, page after page, read in one pass per table (for a full re-detection):
    /// `body` gets each page as soon as it is read, so work on it can overlap the reading.
    public func forEachPageSeries(pages: Set<Int64>? = nil, _ body: (Int64, [MetricHistory]) throws -> Void) throws {
        let common = try makeStatement("""
            SELECT page_id, observed_at, \(Self.commonColumns) FROM snapshot ORDER BY page_id, observed_at
            """)
        let extra = try makeStatement("""
            SELECT v.page_id, m.name, v.observed_at, v.value FROM metric_value v JOIN metric m ON m.id = v.metric_id
            ORDER BY v.page_id, m.name, v.observed_at
            """)
        var extraPending = try extra.step()
        var page: Int64 = -1
        var columns: [MetricHistory] = []
        func flush() throws {
            guard page >= 0 else { return }
            var histories = columns.filter { !$0.times.isEmpty }
            // The extra metrics of this page come next in their own ordered stream.
            while extraPending, extra.int64(at: 0) <= page {
                if extra.int64(at: 0) == page {
                    let name = extra.string(at: 1)
                    if histories.last?.metric != name || !histories.last!.isExtra { histories.append(MetricHistory(extra: name)) }
                    histories[histories.count - 1].append(extra.int64(at: 2), extra.double(at: 3))
                }
                extraPending = try extra.step()
            }
            if pages?.contains(page) ?? true { try body(page, histories.sorted { $0.metric < $1.metric }) }
        }
        while try common.step() {
            let id = common.int64(at: 0)
            if id != page {
                try flush()
                page = id
                columns = SnapshotWriter.columns.map { MetricHistory(metric: $0) }
            }
            if let pages, !pages.contains(id) { continue }
            columns.append(common, timeAt: 1)
        }
        try flush()
    }

    // MARK: - Detection state

    /// How far detection has judged each of the pages, and at what sensitivity (pages never judged are absent).
    public func detectionStates(pages: [Int64]) throws -> [Int64: (checkedUntil: Int64, sensitivity: Double)] {
        let statement = try cachedStatement("""
            SELECT page_id, checked_until, sensitivity FROM detection_state WHERE page_id IN (SELECT value FROM json_each(?))
            """)
        var result: [Int64: (checkedUntil: Int64, sensitivity: Double)] = [:]
        try statement.forEachRow(pages: pages) { result[$0.int64(at: 0)] = ($0.int64(at: 1), $0.double(at: 2)) }
        return result
    }

    public func setDetectionState(pageID: Int64, checkedUntil: Int64, sensitivity: Double) throws {
        let statement = try cachedStatement("""
            INSERT INTO detection_state (page_id, checked_until, sensitivity) VALUES (?, ?, ?)
            ON CONFLICT (page_id) DO UPDATE SET checked_until = excluded.checked_until, sensitivity = excluded.sensitivity
            """)
        statement.bind(pageID, at: 1)
        statement.bind(checkedUntil, at: 2)
        statement.bind(sensitivity, at: 3)
        try statement.run()
    }

    /// The pages' own sensitivities (of all pages when nil), where one was saved.
    public func savedSensitivities(pages: [Int64]?) throws -> [Int64: Double] {
        let statement = try cachedStatement("""
            SELECT page_id, sensitivity FROM page_setting
            WHERE sensitivity IS NOT NULL AND (?1 IS NULL OR page_id IN (SELECT value FROM json_each(?1)))
            """)
        var result: [Int64: Double] = [:]
        try statement.forEachRow(pages: pages) { result[$0.int64(at: 0)] = $0.double(at: 1) }
        return result
    }

    public func saveSensitivity(_ sensitivity: Double?, pageID: Int64) throws {
        let statement = try cachedStatement("""
            INSERT INTO page_setting (page_id, sensitivity) VALUES (?, ?)
            ON CONFLICT (page_id) DO UPDATE SET sensitivity = excluded.sensitivity
            """)
        statement.bind(pageID, at: 1)
        statement.bind(sensitivity, at: 2)
        try statement.run()
    }

    // MARK: - Anomalies

    /// The latest anomaly of each (metric, kind) of each of the pages: events that new observations may extend.
    public func latestAnomalies(pages: [Int64]) throws -> [Int64: [StoredAnomaly]] {
        // SQLite takes the bare columns of a max() aggregate from the row holding the maximum.
        let statement = try cachedStatement("""
            SELECT \(Self.anomalyColumns), max(detected_at) FROM anomaly
            WHERE page_id IN (SELECT value FROM json_each(?)) GROUP BY page_id, metric, kind
            """)
        var result: [Int64: [StoredAnomaly]] = [:]
        try statement.forEachRow(pages: pages) { result[$0.int64(at: 1), default: []].append(Self.anomaly(from: $0)) }
        return result
    }

    /// Inserts new anomalies and updates extended ones (those with an id).
    public func save(_ anomalies: [StoredAnomaly]) throws {
        for anomaly in anomalies {
            let statement = try cachedStatement(anomaly.id == nil ? """
                INSERT INTO anomaly (page_id, metric, kind, start_at, end_at, detected_at, severity, score,
                                     before_value, after_value, explanation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """ : """
                UPDATE anomaly SET start_at = ?4, end_at = ?5, severity = ?7, score = ?8, before_value = ?9,
                    after_value = ?10, explanation = ?11 WHERE id = ?12
                """)
            statement.bind(anomaly.pageID, at: 1)
            statement.bind(anomaly.metric, at: 2)
            statement.bind(anomaly.kind, at: 3)
            statement.bind(anomaly.start, at: 4)
            statement.bind(anomaly.end, at: 5)
            statement.bind(anomaly.detectedAt, at: 6)
            statement.bind(anomaly.severity, at: 7)
            statement.bind(anomaly.score, at: 8)
            statement.bind(anomaly.before, at: 9)
            statement.bind(anomaly.after, at: 10)
            statement.bind(anomaly.explanation, at: 11)
            if let id = anomaly.id { statement.bind(id, at: 12) }
            try statement.run()
        }
    }

    /// Forgets the anomalies and detection state of the pages (all pages when nil).
    public func clearDetection(pages: [Int64]?) throws {
        guard let pages else {
            try execute("DELETE FROM anomaly; DELETE FROM detection_state;")
            return
        }
        for table in ["anomaly", "detection_state"] {
            let statement = try cachedStatement("DELETE FROM \(table) WHERE page_id = ?")
            for page in pages {
                statement.reset()
                statement.bind(page, at: 1)
                try statement.run()
            }
        }
    }

    /// The metric columns of `snapshot`, a missing value read as -1 (stored values are never negative):
    /// one call per value instead of two, on the hottest loop of detection.
    static let commonColumns = SnapshotWriter.columns.map { "ifnull(\($0), -1)" }.joined(separator: ", ")

    static let anomalyColumns = """
        id, page_id, metric, kind, start_at, end_at, detected_at, severity, score, before_value, after_value, explanation
        """

    /// How many columns `anomalyColumns` lists (and `anomaly(from:offset:)` reads).
    static let anomalyColumnCount = Int32(anomalyColumns.split(separator: ",").count)

    static func anomaly(from s: Statement, offset o: Int32 = 0) -> StoredAnomaly {
        StoredAnomaly(id: s.int64(at: o), pageID: s.int64(at: o + 1), metric: s.string(at: o + 2), kind: s.string(at: o + 3),
                      start: s.int64(at: o + 4), end: s.int64(at: o + 5), detectedAt: s.int64(at: o + 6),
                      severity: s.string(at: o + 7), score: s.double(at: o + 8), before: s.double(at: o + 9),
                      after: s.double(at: o + 10), explanation: s.string(at: o + 11))
    }
}

private extension Statement {
    /// Binds the pages as a JSON array (for `json_each`: one statement whatever their number; NULL
    /// for nil) and calls `body` on every row.
    func forEachRow(pages: [Int64]?, _ body: (Statement) throws -> Void) throws {
        reset()
        bind(pages.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }, at: 1)
        defer { reset() }
        while try step() { try body(self) }
    }
}

extension [MetricHistory] {
    /// Appends the row's values (read with `commonColumns` after the time column) to the histories.
    mutating func append(_ row: Statement, timeAt column: Int32) {
        let time = row.int64(at: column)
        for index in indices {
            let value = row.double(at: column + 1 + Int32(index))
            if value >= 0 { self[index].append(time, value) }
        }
    }
}

extension MetricHistory {
    init(metric: String) { self.metric = metric }
    init(extra metric: String) { self.metric = metric; isExtra = true }

    mutating func append(_ time: Int64, _ value: Double) {
        times.append(time)
        values.append(value)
    }
}
