import Foundation

/// What to do when an input value differs from the value stored for the same page, time and metric.
public enum ConflictPolicy: String, CaseIterable, Sendable {
    /// Reject the whole run (the default): stored history is never silently rewritten.
    case reject
    /// Keep the incoming value, recording the old one in `revision`.
    case replace
    /// Keep the stored value.
    case skip
}

/// Where a metric is stored: one of the snapshot's common columns, or a row of `metric_value`.
public enum MetricSlot: Equatable, Sendable {
    case column(Int)
    case extra(id: Int64, name: String)
}

/// An incoming value that differs from the stored one.
public struct Conflict: Sendable, Equatable {
    public let platform: String
    public let page: String
    public let time: Int64
    public let metric: String
    public let stored: Double
    public let incoming: Double
}

/// The fate of one incoming snapshot.
public enum WriteOutcome: Equatable, Sendable {
    case added
    case updated
    case unchanged
    /// The same page and time already came earlier in this invocation.
    case duplicate
    /// Nothing observed (every value missing): nothing written, not even the page.
    case empty
}

/// Writes snapshots within a write transaction, merging with what is stored:
/// new snapshots are added, missing values filled in, identical ones left alone,
/// and differing values handled by the `ConflictPolicy`.
///
/// ```swift
/// try db.write { db in
///     let writer = try SnapshotWriter(database: db, policy: .reject)
///     writer.runID = try db.beginIngestRun(source: "daily.csv", format: "csv")
///     let slots = try writer.slots(for: ["followers", "likes"])
///     let outcome = try writer.write(platform: "twitter", page: "cloudwatt", time: 1_400_000_000,
///                                    values: [1200, 35], slots: slots)
/// }
/// ```
public final class SnapshotWriter {
    /// The common metrics, stored as columns of `snapshot` in this order.
    public static let columns = ["followers", "following", "fans", "posts", "engagement_rate"]
    private static let integerColumns = 4  // the first four are counts

    private let db: Database
    public let policy: ConflictPolicy
    /// The run that new values are attributed to.
    public var runID: Int64 = 0 {
        didSet { invocationRuns.insert(runID) }
    }
    /// Every run of this invocation: a key seen in any of them is a duplicate.
    private var invocationRuns: Set<Int64> = []
    private var pageIDs: [String: [String: Int64]] = [:]
    private var lastPage: (platform: String, page: String, id: Int64)?
    /// Held directly: this is the hot path, and a cache lookup by SQL text costs a hash per row.
    private let insertSnapshot: Statement
    /// The id of the page of the last `write`.
    public private(set) var lastPageID: Int64 = 0
    /// Conflicts met under `.reject`; nothing of them was written.
    public private(set) var conflicts: [Conflict] = []
    public private(set) var conflictCount = 0
    private let maxConflictsKept = 20
    /// Metrics this writer registered that no value was stored for yet (a column left empty).
    private var metricsWithoutValues: Set<Int64> = []

    public init(database: Database, policy: ConflictPolicy) throws {
        self.db = database
        self.policy = policy
        insertSnapshot = try database.makeStatement(Self.insertSnapshotSQL)
    }

    // MARK: - Metrics

    /// Maps metric names to where they are stored, registering new extra metrics.
    public func slots(for names: [String]) throws -> [MetricSlot] {
        try names.map { name in
            if let index = Self.columns.firstIndex(of: name) { return .column(index) }
            return .extra(id: try metricID(name), name: name)
        }
    }

    private func metricID(_ name: String) throws -> Int64 {
        let insert = try db.cachedStatement("INSERT INTO metric (name) VALUES (?) ON CONFLICT (name) DO NOTHING")
        insert.bind(name, at: 1)
        try insert.run()
        let created = db.changes == 1
        let select = try db.cachedStatement("SELECT id FROM metric WHERE name = ?")
        select.bind(name, at: 1)
        try select.step()
        let id = select.int64(at: 0)
        if created { metricsWithoutValues.insert(id) }
        return id
    }

    /// Unregisters the metrics this writer registered and never stored a value of: an input column
    /// that stayed empty is no metric of any page (it would be offered to `--metric` and listed).
    public func forgetUnusedMetrics() throws {
        let delete = try db.cachedStatement("DELETE FROM metric WHERE id = ?")
        for id in metricsWithoutValues.sorted() {
            delete.reset()
            delete.bind(id, at: 1)
            try delete.run()
        }
        metricsWithoutValues.removeAll()
    }

    // MARK: - Pages

    /// The id of the page, created on first sight. Handles match whatever their case (a scraper
    /// that writes `CloudWatt` one day and `cloudwatt` the next feeds one history), the page keeping
    /// the spelling it was first seen with; an exact spelling wins where both exist.
    public func pageID(platform: String, page: String) throws -> Int64 {
        if let last = lastPage, last.page == page, last.platform == platform { return last.id }
        if let id = pageIDs[platform]?[page] {
            lastPage = (platform, page, id)
            return id
        }
        let id = try existingPageID(platform: platform, page: page) ?? {
            let insert = try db.cachedStatement("INSERT INTO page (platform, handle, created_at) VALUES (?, ?, unixepoch())")
            insert.bind(platform, at: 1)
            insert.bind(page, at: 2)
            try insert.run()
            return db.lastInsertRowID
        }()
        pageIDs[platform, default: [:]][page] = id
        lastPage = (platform, page, id)
        return id
    }

    private func existingPageID(platform: String, page: String) throws -> Int64? {
        let select = try db.cachedStatement("""
            SELECT id FROM page WHERE platform = ?1 AND handle = ?2 COLLATE NOCASE ORDER BY handle = ?2 DESC, id LIMIT 1
            """)
        select.bind(platform, at: 1)
        select.bind(page, at: 2)
        return try select.step() ? select.int64(at: 0) : nil
    }

    // MARK: - Writing

    /// Writes one snapshot. `values[i]` belongs to `slots[i]`; NaN means not observed.
    public func write(platform: String, page: String, time: Int64,
                      values: ArraySlice<Double>, slots: [MetricSlot]) throws -> WriteOutcome {
        // A row of empty cells is a capture that failed: stored, it would read as one that happened.
        guard values.contains(where: { !$0.isNaN }) else { return .empty }
        let pageID = try pageID(platform: platform, page: page)
        lastPageID = pageID
        let insert = insertSnapshot
        insert.reset()
        insert.bind(pageID, at: 1)
        insert.bind(time, at: 2)
        for (value, slot) in zip(values, slots) where !value.isNaN {
            if case .column(let index) = slot { bindColumn(insert, index: index, value: value, at: Int32(3 + index)) }
        }
        insert.bind(runID, at: 8)
        try insert.run()
        if db.changes == 1 {
            for (value, slot) in zip(values, slots) where !value.isNaN {
                if case .extra(let id, _) = slot { try insertExtra(pageID: pageID, time: time, metricID: id, value: value) }
            }
            return .added
        }
        return try merge(pageID: pageID, key: (platform, page, time), values: values, slots: slots)
    }

    private static let insertSnapshotSQL = """
        INSERT INTO snapshot (page_id, observed_at, followers, following, fans, posts, engagement_rate, run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """

    private func bindColumn(_ statement: Statement, index: Int, value: Double, at position: Int32) {
        if index < Self.integerColumns { statement.bind(Int64(value), at: position) } else { statement.bind(value, at: position) }
    }

    private func insertExtra(pageID: Int64, time: Int64, metricID: Int64, value: Double) throws {
        if !metricsWithoutValues.isEmpty { metricsWithoutValues.remove(metricID) }
        let statement = try db.cachedStatement(
            "INSERT INTO metric_value (page_id, observed_at, metric_id, value, run_id) VALUES (?, ?, ?, ?, ?)")
        statement.bind(pageID, at: 1)
        statement.bind(time, at: 2)
        statement.bind(metricID, at: 3)
        statement.bind(value, at: 4)
        statement.bind(runID, at: 5)
        try statement.run()
    }

    // MARK: - Merging with a stored snapshot

    private func merge(pageID: Int64, key: (platform: String, page: String, time: Int64),
                       values: ArraySlice<Double>, slots: [MetricSlot]) throws -> WriteOutcome {
        let stored = try db.cachedStatement("""
            SELECT followers, following, fans, posts, engagement_rate, run_id, revised_run_id
            FROM snapshot WHERE page_id = ? AND observed_at = ?
            """)
        stored.bind(pageID, at: 1)
        stored.bind(key.time, at: 2)
        try stored.step()
        defer { stored.reset() }
        if invocationRuns.contains(stored.int64(at: 5)) || stored.optionalInt64(at: 6).map(invocationRuns.contains) == true {
            return .duplicate
        }
        let columns = (0..<Self.columns.count).map { stored.optionalDouble(at: Int32($0)) }

        var changed = false
        for (value, slot) in zip(values, slots) where !value.isNaN {
            let old: Double?
            switch slot {
            case .column(let index): old = columns[index]
            case .extra(let id, _): old = try storedExtra(pageID: pageID, time: key.time, metricID: id)
            }
            guard old != value else { continue }
            if let old, !accept(Conflict(platform: key.platform, page: key.page, time: key.time,
                                         metric: slot.name, stored: old, incoming: value)) {
                continue
            }
            try store(value, old: old, slot: slot, pageID: pageID, time: key.time)
            changed = true
        }
        guard changed else { return .unchanged }
        let mark = try db.cachedStatement("UPDATE snapshot SET revised_run_id = ? WHERE page_id = ? AND observed_at = ?")
        mark.bind(runID, at: 1)
        mark.bind(pageID, at: 2)
        mark.bind(key.time, at: 3)
        try mark.run()
        return .updated
    }

    /// Whether a conflicting value replaces the stored one under the policy.
    private func accept(_ conflict: Conflict) -> Bool {
        switch policy {
        case .replace: return true
        case .skip: return false
        case .reject:
            conflictCount += 1
            if conflicts.count < maxConflictsKept { conflicts.append(conflict) }
            return false
        }
    }

    private func storedExtra(pageID: Int64, time: Int64, metricID: Int64) throws -> Double? {
        let statement = try db.cachedStatement(
            "SELECT value FROM metric_value WHERE page_id = ? AND observed_at = ? AND metric_id = ?")
        statement.bind(pageID, at: 1)
        statement.bind(time, at: 2)
        statement.bind(metricID, at: 3)
        defer { statement.reset() }
        return try statement.step() ? statement.double(at: 0) : nil
    }

    private func store(_ value: Double, old: Double?, slot: MetricSlot, pageID: Int64, time: Int64) throws {
        switch slot {
        case .column(let index):
            let update = try db.cachedStatement(
                "UPDATE snapshot SET \(Self.columns[index]) = ? WHERE page_id = ? AND observed_at = ?")
            bindColumn(update, index: index, value: value, at: 1)
            update.bind(pageID, at: 2)
            update.bind(time, at: 3)
            try update.run()
        case .extra(let id, _):
            if !metricsWithoutValues.isEmpty { metricsWithoutValues.remove(id) }
            let upsert = try db.cachedStatement("""
                INSERT INTO metric_value (page_id, observed_at, metric_id, value, run_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET value = excluded.value, run_id = excluded.run_id
                """)
            upsert.bind(pageID, at: 1)
            upsert.bind(time, at: 2)
            upsert.bind(id, at: 3)
            upsert.bind(value, at: 4)
            upsert.bind(runID, at: 5)
            try upsert.run()
        }
        let revision = try db.cachedStatement("""
            INSERT INTO revision (run_id, page_id, observed_at, metric, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)
            """)
        revision.bind(runID, at: 1)
        revision.bind(pageID, at: 2)
        revision.bind(time, at: 3)
        revision.bind(slot.name, at: 4)
        revision.bind(old, at: 5)
        revision.bind(value, at: 6)
        try revision.run()
    }
}

extension MetricSlot {
    public var name: String {
        switch self {
        case .column(let index): return SnapshotWriter.columns[index]
        case .extra(_, let name): return name
        }
    }
}
