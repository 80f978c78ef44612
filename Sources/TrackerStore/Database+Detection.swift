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
            SELECT observed_at, followers, following, fans, posts, engagement_rate
            FROM snapshot WHERE page_id = ? AND observed_at >= ? ORDER BY observed_at
            """)
        common.bind(pageID, at: 1)
        common.bind(since, at: 2)
        while try common.step() {
            let time = common.int64(at: 0)
            for index in columns.indices where !common.isNull(at: Int32(index + 1)) {
                columns[index].append(time, common.double(at: Int32(index + 1)))
            }
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
            SELECT page_id, observed_at, followers, following, fans, posts, engagement_rate FROM snapshot ORDER BY page_id, observed_at
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
            let time = common.int64(at: 1)
            for index in columns.indices where !common.isNull(at: Int32(index + 2)) {
                columns[index].append(time, common.double(at: Int32(index + 2)))
            }
        }
        try flush()
    }

    // MARK: - Detection state

    /// How far detection has judged the page, and at what sensitivity.
    public func detectionState(pageID: Int64) throws -> (checkedUntil: Int64, sensitivity: Double)? {
        let statement = try cachedStatement("SELECT checked_until, sensitivity FROM detection_state WHERE page_id = ?")
        statement.bind(pageID, at: 1)
        defer { statement.reset() }
        return try statement.step() ? (statement.int64(at: 0), statement.double(at: 1)) : nil
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

    /// The page's own sensitivity, if one was saved.
    public func savedSensitivity(pageID: Int64) throws -> Double? {
        let statement = try cachedStatement("SELECT sensitivity FROM page_setting WHERE page_id = ?")
        statement.bind(pageID, at: 1)
        defer { statement.reset() }
        return try statement.step() ? statement.optionalDouble(at: 0) : nil
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

    /// The latest anomaly of each (metric, kind) of the page: events that new observations may extend.
    public func latestAnomalies(pageID: Int64) throws -> [StoredAnomaly] {
        let statement = try cachedStatement("""
            SELECT \(Self.anomalyColumns) FROM anomaly a
            WHERE page_id = ?1 AND detected_at = (SELECT max(detected_at) FROM anomaly b
                WHERE b.page_id = ?1 AND b.metric = a.metric AND b.kind = a.kind)
            """)
        statement.bind(pageID, at: 1)
        var result: [StoredAnomaly] = []
        while try statement.step() { result.append(Self.anomaly(from: statement)) }
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

    static let anomalyColumns = """
        id, page_id, metric, kind, start_at, end_at, detected_at, severity, score, before_value, after_value, explanation
        """

    static func anomaly(from s: Statement, offset o: Int32 = 0) -> StoredAnomaly {
        StoredAnomaly(id: s.int64(at: o), pageID: s.int64(at: o + 1), metric: s.string(at: o + 2), kind: s.string(at: o + 3),
                      start: s.int64(at: o + 4), end: s.int64(at: o + 5), detectedAt: s.int64(at: o + 6),
                      severity: s.string(at: o + 7), score: s.double(at: o + 8), before: s.double(at: o + 9),
                      after: s.double(at: o + 10), explanation: s.string(at: o + 11))
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
