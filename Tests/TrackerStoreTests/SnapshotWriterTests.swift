import Testing
@testable import TrackerStore

@Suite struct SnapshotWriterTests {
    let day: Int64 = 86_400

    @Test func addsSnapshotsAndExtraMetrics() throws {
        let db = try makeDatabase()
        let (outcomes, _) = try ingest(db, metrics: ["fans", "engagement_rate", "likes"], rows: [
            ("facebook", "cloudwatt", 0, [994, 0.28, 12]),
            ("facebook", "cloudwatt", day, [1115, .nan, .nan]),
        ])
        #expect(outcomes == [.added, .added])
        #expect(try db.rows("SELECT platform, page, observed_at, followers, fans, engagement_rate FROM snapshots") == [
            [.text("facebook"), .text("cloudwatt"), .text("1970-01-01T00:00:00Z"), .null, .integer(994), .real(0.28)],
            [.text("facebook"), .text("cloudwatt"), .text("1970-01-02T00:00:00Z"), .null, .integer(1115), .null],
        ])
        #expect(try db.rows("SELECT metric, value FROM metric_values WHERE metric = 'likes'") == [[.text("likes"), .integer(12)]])  // SQLite stores whole reals compactly
    }

    /// Platforms treat @CloudWatt and @cloudwatt as one account: so does ingest, keeping the
    /// first spelling; where both spellings were stored before, each keeps its own history.
    @Test func aHandleNamesOnePageWhateverItsCase() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers"], rows: [("twitter", "cloudwatt", 0, [10])])
        try ingest(db, metrics: ["followers"], rows: [("twitter", "CloudWatt", day, [12]), ("facebook", "CLOUDWATT", day, [7])])
        #expect(try db.rows("SELECT platform, page, count(*) FROM snapshots GROUP BY 1, 2 ORDER BY 1") == [
            [.text("facebook"), .text("CLOUDWATT"), .integer(1)],
            [.text("twitter"), .text("cloudwatt"), .integer(2)],
        ])
        try db.write { db in try db.execute("INSERT INTO page (platform, handle, created_at) VALUES ('twitter', 'CloudWatt', 0)") }
        try ingest(db, metrics: ["followers"], rows: [("twitter", "CloudWatt", 2 * day, [13]), ("twitter", "cloudWatt", 2 * day, [14])])
        #expect(try db.rows("SELECT page, count(*) FROM snapshots WHERE platform = 'twitter' GROUP BY 1 ORDER BY 1") == [
            [.text("CloudWatt"), .integer(1)], [.text("cloudwatt"), .integer(3)],
        ])
    }

    /// A row whose cells are all empty is a capture that failed: storing it would move the page's
    /// last capture, and create a page that was never observed.
    @Test func aRowThatObservedNothingIsNotStored() throws {
        let db = try makeDatabase()
        let (outcomes, _) = try ingest(db, metrics: ["followers", "likes"], rows: [
            ("twitter", "a", 0, [.nan, .nan]), ("twitter", "a", day, [10, .nan]), ("twitter", "b", day, [.nan, .nan]),
        ])
        #expect(outcomes == [.empty, .added, .empty])
        #expect(try db.rows("SELECT page, observed_at FROM snapshots") == [[.text("a"), .text("1970-01-02T00:00:00Z")]])
        #expect(try db.scalar("SELECT count(*) FROM page") == .integer(1))
    }

    /// An input column that stayed empty registers no metric: it would be offered to `--metric`.
    @Test func aMetricThatGotNoValueIsForgotten() throws {
        let db = try makeDatabase()
        let (_, writer) = try ingest(db, metrics: ["followers", "likes", "shares"], rows: [
            ("twitter", "a", 0, [10, .nan, 3]), ("twitter", "a", day, [11, .nan, .nan]),
        ])
        try db.write { _ in try writer.forgetUnusedMetrics() }
        #expect(try db.rows("SELECT name FROM metric ORDER BY name") == [[.text("shares")]])
        #expect(try !db.hasMetric("likes") && db.hasMetric("shares"))
        // A metric registered before, by a run that stored its values, stays whatever this run brings.
        let (_, again) = try ingest(db, metrics: ["followers", "shares"], rows: [("twitter", "a", 2 * day, [12, .nan])])
        try db.write { _ in try again.forgetUnusedMetrics() }
        #expect(try db.rows("SELECT name FROM metric ORDER BY name") == [[.text("shares")]])
    }

    @Test func identicalRowsChangeNothing() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers"], rows: [("twitter", "a", 0, [10])])
        let (outcomes, _) = try ingest(db, metrics: ["followers"], rows: [("twitter", "a", 0, [10])])
        #expect(outcomes == [.unchanged])
        #expect(try db.scalar("SELECT count(*) FROM revision") == .integer(0))
    }

    @Test func newMetricsFillInAStoredSnapshotWithARevision() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers"], rows: [("twitter", "a", 0, [10])])
        let (outcomes, _) = try ingest(db, metrics: ["followers", "following", "listed"], rows: [("twitter", "a", 0, [10, 5, 2])])
        #expect(outcomes == [.updated])
        #expect(try db.rows("SELECT followers, following FROM snapshot") == [[.integer(10), .integer(5)]])
        #expect(try db.rows("SELECT metric, old_value, new_value, run_id FROM revision ORDER BY metric") == [
            [.text("following"), .null, .real(5), .integer(2)],
            [.text("listed"), .null, .real(2), .integer(2)],
        ])
        #expect(try db.rows("SELECT run_id, revised_run_id FROM snapshot") == [[.integer(1), .integer(2)]])
    }

    @Test func conflictsAreRejectedByDefault() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers", "likes"], rows: [("twitter", "a", 0, [10, 1])])
        let (outcomes, writer) = try ingest(db, metrics: ["followers", "likes"], rows: [("twitter", "a", 0, [11, 2])])
        #expect(outcomes == [.unchanged])
        #expect(writer.conflictCount == 2)
        #expect(writer.conflicts.first == Conflict(platform: "twitter", page: "a", time: 0, metric: "followers", stored: 10, incoming: 11))
        #expect(try db.scalar("SELECT followers FROM snapshot") == .integer(10))
    }

    @Test func conflictsCanReplaceWithAnAuditTrail() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers", "likes"], rows: [("twitter", "a", 0, [10, 1])])
        let (outcomes, writer) = try ingest(db, policy: .replace, metrics: ["followers", "likes"], rows: [("twitter", "a", 0, [11, 2])])
        #expect(outcomes == [.updated])
        #expect(writer.conflictCount == 0)
        #expect(try db.scalar("SELECT followers FROM snapshot") == .integer(11))
        #expect(try db.scalar("SELECT value FROM metric_value") == .real(2))
        #expect(try db.rows("SELECT metric, old_value, new_value FROM revision ORDER BY metric") == [
            [.text("followers"), .real(10), .real(11)], [.text("likes"), .real(1), .real(2)],
        ])
    }

    @Test func conflictsCanBeSkipped() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers"], rows: [("twitter", "a", 0, [10])])
        let (outcomes, writer) = try ingest(db, policy: .skip, metrics: ["followers"], rows: [("twitter", "a", 0, [11])])
        #expect(outcomes == [.unchanged])
        #expect(writer.conflictCount == 0)
        #expect(try db.scalar("SELECT followers FROM snapshot") == .integer(10))
    }

    @Test func theSameKeyTwiceInOneInvocationIsADuplicate() throws {
        let db = try makeDatabase()
        let (outcomes, _) = try ingest(db, metrics: ["followers"], rows: [("twitter", "a", 0, [10]), ("twitter", "a", 0, [10])])
        #expect(outcomes == [.added, .duplicate])
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let db = try makeDatabase()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write { db in
                let writer = try SnapshotWriter(database: db, policy: .reject)
                writer.runID = try db.beginIngestRun(source: "x", format: "csv")
                _ = try writer.write(platform: "t", page: "a", time: 0, values: [1][...], slots: writer.slots(for: ["followers"]))
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT (SELECT count(*) FROM page) + (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM ingest_run)") == .integer(0))
    }
}

@Suite struct ViewTests {
    @Test func gainsAreChangesPerDayOverIrregularGaps() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers"], rows: [
            ("twitter", "a", 0, [100]), ("twitter", "a", 86_400, [110]), ("twitter", "a", 4 * 86_400, [170]),
        ])
        #expect(try db.rows("SELECT change, days, change_per_day FROM gains ORDER BY observed_at") == [
            [.null, .null, .null], [.integer(10), .real(1), .real(10)], [.integer(60), .real(3), .real(20)],
        ])
    }

    /// 0.274 − 0.284 is -0.009999999999999953 in binary floating point: the view shows -0.01.
    @Test func gainsOfARateCarryNoFloatingPointNoise() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["engagement_rate"], rows: [
            ("facebook", "a", 0, [0.284]), ("facebook", "a", 7 * 86_400, [0.274]), ("facebook", "a", 14 * 86_400, [0.274]),
        ])
        #expect(try db.rows("SELECT change, change_per_day FROM gains WHERE change IS NOT NULL ORDER BY observed_at") == [
            [.real(-0.01), .real(-0.01 / 7)], [.real(0), .real(0)],
        ])
    }

    @Test func findsPagesCaseInsensitively() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers"], rows: [("twitter", "CloudWatt", 0, [1]), ("facebook", "cloudwatt", 0, [1])])
        #expect(try db.findPages(named: "cloudwatt").map(\.platform) == ["facebook"])  // exact spelling wins
        #expect(try db.findPages(named: "@CLOUDWATT").map(\.platform) == ["facebook", "twitter"])
        #expect(try db.findPages(named: "cloudwatt", platform: "Twitter").map(\.handle) == ["CloudWatt"])
        #expect(try db.findPages(named: "nobody").isEmpty)
    }

    @Test func historyReadsCommonAndExtraMetrics() throws {
        let db = try makeDatabase()
        try ingest(db, metrics: ["followers", "likes"], rows: [("twitter", "a", 0, [1, 5]), ("twitter", "a", 60, [2, .nan])])
        let page = try #require(try db.findPages(named: "a").first)
        #expect(try db.metricNames(of: page) == ["followers", "likes"])
        #expect(try db.history(of: page, metrics: ["likes", "followers", "nope"]) == [
            HistoryRow(time: 0, values: [5, 1, nil]), HistoryRow(time: 60, values: [nil, 2, nil]),
        ])
    }

    @Test func runsSeveralStatements() throws {
        let db = try makeDatabase()
        var results: [SQLValue] = []
        try db.forEachStatement("CREATE TEMP TABLE t (x); INSERT INTO t VALUES (41); SELECT x + 1 FROM t; -- done") { statement in
            while try statement.step() { if statement.columnCount > 0 { results.append(statement.value(at: 0)) } }
        }
        #expect(results == [.integer(42)])
    }
}
