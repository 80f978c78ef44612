/// A stored roster: the followers (or followed accounts) of a page at one time.
public struct RosterRef: Sendable, Equatable {
    public let id: Int64
    public let pageID: Int64
    public let relation: RosterRelation
    public let takenAt: Int64
    public let members: Int

    public init(id: Int64, pageID: Int64, relation: RosterRelation, takenAt: Int64, members: Int) {
        self.id = id
        self.pageID = pageID
        self.relation = relation
        self.takenAt = takenAt
        self.members = members
    }
}

extension Database {
    // MARK: - Finding rosters

    /// The latest roster of the page and relation taken at or before `at` (the latest of all when nil).
    public func roster(pageID: Int64, relation: RosterRelation, at: Int64? = nil) throws -> RosterRef? {
        try rosters(where: "taken_at <= coalesce(?3, taken_at) ORDER BY taken_at DESC LIMIT 1",
                    pageID: pageID, relation: relation, time: at).first
    }

    /// The roster taken just before `roster`.
    public func roster(before roster: RosterRef) throws -> RosterRef? {
        try rosters(where: "taken_at < ?3 ORDER BY taken_at DESC LIMIT 1",
                    pageID: roster.pageID, relation: roster.relation, time: roster.takenAt).first
    }

    /// The roster taken just after `roster`.
    public func roster(after roster: RosterRef) throws -> RosterRef? {
        try rosters(where: "taken_at > ?3 ORDER BY taken_at LIMIT 1",
                    pageID: roster.pageID, relation: roster.relation, time: roster.takenAt).first
    }

    /// Every roster of the page and relation, oldest first.
    public func rosters(pageID: Int64, relation: RosterRelation) throws -> [RosterRef] {
        try rosters(where: "?3 IS NULL ORDER BY taken_at", pageID: pageID, relation: relation, time: nil)
    }

    private func rosters(where condition: String, pageID: Int64, relation: RosterRelation, time: Int64?) throws -> [RosterRef] {
        let statement = try cachedStatement(
            "SELECT id, taken_at, members FROM roster WHERE page_id = ?1 AND relation = ?2 AND " + condition)
        statement.bind(pageID, at: 1)
        statement.bind(relation.rawValue, at: 2)
        statement.bind(time, at: 3)
        var found: [RosterRef] = []
        while try statement.step() {
            found.append(RosterRef(id: statement.int64(at: 0), pageID: pageID, relation: relation,
                                   takenAt: statement.int64(at: 1), members: Int(statement.int64(at: 2))))
        }
        return found
    }

    // MARK: - Members

    /// Calls `body` with each member of `roster` that is not in `other` (every member when nil), with the
    /// profile it showed at the roster's time. Columns: account id, key, position, then
    /// `RosterWriter.profileColumns`. Streams: memory does not grow with the roster.
    public func forEachMember(of roster: RosterRef, notIn other: RosterRef? = nil, inInputOrder: Bool = false,
                              _ body: (Statement) throws -> Void) throws {
        let statement = try cachedStatement("""
            SELECT a.id, a.key, m.position, \(RosterWriter.profileColumns.map { "v." + $0 }.joined(separator: ", "))
            FROM roster_member m
            JOIN account a ON a.id = m.account_id
            JOIN profile_version v ON v.account_id = m.account_id
             AND v.seen_at = (SELECT max(seen_at) FROM profile_version WHERE account_id = m.account_id AND seen_at <= ?2)
            WHERE m.roster_id = ?1
              AND (?3 IS NULL OR NOT EXISTS (SELECT 1 FROM roster_member o WHERE o.roster_id = ?3 AND o.account_id = m.account_id))
            """ + (inInputOrder ? " ORDER BY m.position" : ""))
        statement.bind(roster.id, at: 1)
        statement.bind(roster.takenAt, at: 2)
        statement.bind(other?.id, at: 3)
        while try statement.step() { try body(statement) }
    }

    /// How many members of `roster` are not in `other`.
    public func memberCount(of roster: RosterRef, notIn other: RosterRef) throws -> Int {
        let statement = try cachedStatement("""
            SELECT count(*) FROM roster_member m WHERE m.roster_id = ?1
              AND NOT EXISTS (SELECT 1 FROM roster_member o WHERE o.roster_id = ?2 AND o.account_id = m.account_id)
            """)
        statement.bind(roster.id, at: 1)
        statement.bind(other.id, at: 2)
        try statement.step()
        return Int(statement.int64(at: 0))
    }

    /// When the account's latest unbroken stay in the page's rosters (up to `roster`) began: the first roster
    /// after the last one it was missing from.
    public func stayStart(account: Int64, upTo roster: RosterRef) throws -> Int64 {
        let statement = try cachedStatement("""
            SELECT min(r.taken_at) FROM roster r
            WHERE r.page_id = ?1 AND r.relation = ?2 AND r.taken_at <= ?3
              AND r.taken_at > coalesce((
                  SELECT max(g.taken_at) FROM roster g
                  WHERE g.page_id = ?1 AND g.relation = ?2 AND g.taken_at < ?3
                    AND NOT EXISTS (SELECT 1 FROM roster_member m WHERE m.roster_id = g.id AND m.account_id = ?4)), -1)
            """)
        statement.bind(roster.pageID, at: 1)
        statement.bind(roster.relation.rawValue, at: 2)
        statement.bind(roster.takenAt, at: 3)
        statement.bind(account, at: 4)
        try statement.step()
        return statement.optionalInt64(at: 0) ?? roster.takenAt
    }
}
