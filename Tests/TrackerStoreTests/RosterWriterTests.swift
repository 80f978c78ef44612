import Testing
@testable import TrackerStore

@Suite struct RosterWriterTests {
    let day: Int64 = 86_400

    func fields(followers: Int64, description: String = "") -> [SQLValue] {
        var values = [SQLValue](repeating: .null, count: RosterWriter.profileColumns.count)
        values[RosterWriter.profileColumns.firstIndex(of: "description")!] = .text(description)
        values[RosterWriter.profileColumns.firstIndex(of: "followers")!] = .integer(followers)
        return values
    }

    /// Writes one roster of (key, followers) members for page 1 at `time`.
    @discardableResult
    func roster(_ db: Database, at time: Int64, _ members: [(String, Int64)], relation: RosterRelation = .followers) throws -> RosterWriter {
        try db.write { db in
            if try db.allPages().isEmpty { try db.execute("INSERT INTO page (platform, handle, created_at) VALUES ('twitter', 'acme', 0)") }
            let run = try db.beginIngestRun(source: "test", format: "csv")
            let writer = try RosterWriter(database: db, pageID: 1, relation: relation, takenAt: time, runID: run)
            for (key, followers) in members { _ = try writer.add(platform: "twitter", key: key, fields: fields(followers: followers)) }
            try writer.finish()
            return writer
        }
    }

    @Test func profilesAreVersionedOnlyWhenTheyChange() throws {
        let db = try makeDatabase()
        #expect(try roster(db, at: 0, [("1", 10), ("2", 20)]).newVersions == 2)
        #expect(try roster(db, at: day, [("1", 10), ("2", 25), ("3", 5)]).newVersions == 2)
        #expect(try db.rows("SELECT account_id, seen_at, followers FROM profile_version ORDER BY 1, 2") == [
            [.integer(1), .integer(0), .integer(10)], [.integer(2), .integer(0), .integer(20)],
            [.integer(2), .integer(day), .integer(25)], [.integer(3), .integer(day), .integer(5)],
        ])
        // Each roster shows the profile as it was then.
        #expect(try db.rows("SELECT taken_at, account, followers FROM roster_profiles WHERE account = '2' ORDER BY 1") == [
            [.text("1970-01-01T00:00:00Z"), .text("2"), .integer(20)], [.text("1970-01-02T00:00:00Z"), .text("2"), .integer(25)],
        ])
    }

    @Test func aRosterAtTheSameTimeIsReplacedAndARepeatIsADuplicate() throws {
        let db = try makeDatabase()
        try roster(db, at: 0, [("1", 10), ("2", 20)])
        let again = try roster(db, at: 0, [("2", 20)])
        #expect(again.replacedExisting && again.newVersions == 0)
        #expect(try db.rows("SELECT count(*), (SELECT members FROM roster) FROM roster_member") == [[.integer(1), .integer(1)]])
        let outcome = try db.write { db -> RosterWriter.Outcome in
            let writer = try RosterWriter(database: db, pageID: 1, relation: .followers, takenAt: day, runID: 1)
            _ = try writer.add(platform: "twitter", key: "9", fields: fields(followers: 1))
            return try writer.add(platform: "twitter", key: "9", fields: fields(followers: 1))
        }
        #expect(outcome == .duplicate)
    }

    @Test func membersNewLostAndHowLongTheyStayed() throws {
        let db = try makeDatabase()
        try roster(db, at: 0, [("a", 1)], relation: .following)
        try roster(db, at: day, [("a", 1), ("b", 1)], relation: .following)
        try roster(db, at: 2 * day, [("a", 1), ("b", 1), ("c", 1)], relation: .following)
        try roster(db, at: 3 * day, [("c", 1)], relation: .following)
        let rosters = try db.rosters(pageID: 1, relation: .following)
        #expect(rosters.map(\.members) == [1, 2, 3, 1])
        #expect(try db.roster(pageID: 1, relation: .following, at: 2 * day + 5)?.takenAt == 2 * day)
        #expect(try db.roster(before: rosters[3])?.takenAt == 2 * day)
        #expect(try db.memberCount(of: rosters[2], notIn: rosters[3]) == 2)
        var lost: [String] = []
        try db.forEachMember(of: rosters[2], notIn: rosters[3], inInputOrder: true) { lost.append($0.string(at: 1)) }
        #expect(lost == ["a", "b"])
        #expect(try db.stayStart(account: 1, upTo: rosters[2]) == 0)
        #expect(try db.stayStart(account: 2, upTo: rosters[2]) == day)
        #expect(try db.rosters(pageID: 1, relation: .followers).isEmpty)
    }

    @Test func theDigestTellsNullEmptyAndZeroApart() {
        #expect(RosterWriter.digest([.null]) != RosterWriter.digest([.text("")]))
        #expect(RosterWriter.digest([.integer(0)]) != RosterWriter.digest([.text("")]))
        #expect(RosterWriter.digest([.text("ab"), .text("c")]) != RosterWriter.digest([.text("a"), .text("bc")]))
    }
}
