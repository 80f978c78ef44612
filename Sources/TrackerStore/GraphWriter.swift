/// Writes one snapshot of a page's follow graph inside the caller's write transaction, naming
/// accounts by their platform id or handle.
///
/// ```swift
/// try db.write { db in
///     let writer = try GraphWriter(database: db, pageID: page, platform: "twitter", takenAt: t, runID: run)
///     try writer.add(source: "@ada", target: "2244994945")
///     try writer.finish()
/// }
/// ```
///
/// A graph already stored at the same time is replaced. An id (all digits) is matched to the stored account
/// with that id; a handle (case-insensitive, `@` optional) to the account with that handle in the page's
/// rosters, else to the account keyed `@handle`; an endpoint matching nothing becomes a new account.
public final class GraphWriter {
    public enum Outcome: Equatable, Sendable { case added, repeated }

    private let db: Database
    private let platform: String
    public let graphID: Int64
    public let replacedExisting: Bool
    public private(set) var edges = 0
    private let pageID: Int64
    private let takenAt: Int64
    /// Endpoint names already resolved: memory grows with the graph's accounts.
    private var resolved: [String: Int64] = [:]
    /// `@handle` → account, for the accounts of the page's rosters; loaded on the first handle met.
    private var rosterHandles: [String: Int64]?

    public init(database: Database, pageID: Int64, platform: String, takenAt: Int64, runID: Int64) throws {
        db = database
        self.platform = platform
        self.pageID = pageID
        self.takenAt = takenAt
        (graphID, replacedExisting) = try db.startListSnapshot(
            .graph, key: [("page_id", .integer(pageID)), ("taken_at", .integer(takenAt))], runID: runID)
    }

    /// Adds `source` follows `target`; a repeated edge is kept once.
    public func add(source: String, target: String) throws -> Outcome {
        let insert = try db.cachedStatement("INSERT INTO graph_edge (graph_id, source_id, target_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        insert.bind(graphID, at: 1)
        insert.bind(try account(source), at: 2)
        insert.bind(try account(target), at: 3)
        try insert.run()
        guard db.changes == 1 else { return .repeated }
        edges += 1
        return .added
    }

    public func finish() throws {
        try db.finishListSnapshot(.graph, id: graphID, size: edges)
    }

    // MARK: - Accounts

    /// The handles of the accounts in the page's rosters in effect at the graph's time (their ids need no
    /// map: roster accounts are keyed by id).
    private func loadRosterHandles() throws -> [String: Int64] {
        let statement = try db.cachedStatement("""
            SELECT a.id, (SELECT handle FROM profile_version WHERE account_id = a.id AND seen_at <= ?2 ORDER BY seen_at DESC LIMIT 1)
            FROM roster_member m JOIN account a ON a.id = m.account_id
            WHERE m.roster_id IN (SELECT (SELECT id FROM roster WHERE page_id = ?1 AND relation = r.relation AND taken_at <= ?2
                                          ORDER BY taken_at DESC LIMIT 1)
                                  FROM (SELECT 'followers' AS relation UNION ALL SELECT 'following') r)
            """)
        statement.bind(pageID, at: 1)
        statement.bind(takenAt, at: 2)
        var handles: [String: Int64] = [:]
        while try statement.step() {
            guard let handle = statement.optionalString(at: 1) else { continue }
            let key = "@" + handle.lowercased()
            if handles[key] == nil { handles[key] = statement.int64(at: 0) }
        }
        return handles
    }

    /// The key an endpoint is stored under when it is new: its id when all digits, else `@handle`.
    static func key(for name: String) -> String {
        let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
        return !name.hasPrefix("@") && !bare.isEmpty && bare.utf8.allSatisfy({ (48...57).contains($0) }) ? bare : "@" + bare.lowercased()
    }

    private func account(_ name: String) throws -> Int64 {
        if let id = resolved[name] { return id }
        let key = Self.key(for: name)
        var id: Int64?
        if key.hasPrefix("@") {
            if rosterHandles == nil { rosterHandles = try loadRosterHandles() }
            id = rosterHandles?[key]
        }
        let found = try id ?? storedAccount(key: key)
        resolved[name] = found
        return found
    }

    /// The stored account with this key, created when there is none.
    private func storedAccount(key: String) throws -> Int64 {
        let select = try db.cachedStatement("SELECT id FROM account WHERE platform = ? AND key = ?")
        select.bind(platform, at: 1)
        select.bind(key, at: 2)
        if try select.step() { return select.int64(at: 0) }
        let insert = try db.cachedStatement("INSERT INTO account (platform, key) VALUES (?, ?)")
        insert.bind(platform, at: 1)
        insert.bind(key, at: 2)
        try insert.run()
        return db.lastInsertRowID
    }
}
