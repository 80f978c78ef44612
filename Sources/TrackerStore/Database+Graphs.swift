/// A stored snapshot of the follow graph around a page.
public struct GraphRef: Sendable, Equatable {
    public let id: Int64
    public let pageID: Int64
    public let takenAt: Int64
    public let edges: Int
}

extension Database {
    /// The latest graph of the page taken at or before `at` (the latest of all when nil).
    public func graph(pageID: Int64, at: Int64? = nil) throws -> GraphRef? {
        let statement = try cachedStatement("""
            SELECT id, taken_at, edges FROM graph WHERE page_id = ?1 AND taken_at <= coalesce(?2, taken_at)
            ORDER BY taken_at DESC LIMIT 1
            """)
        statement.bind(pageID, at: 1)
        statement.bind(at, at: 2)
        guard try statement.step() else { return nil }
        return GraphRef(id: statement.int64(at: 0), pageID: pageID, takenAt: statement.int64(at: 1), edges: Int(statement.int64(at: 2)))
    }

    /// Calls `body` with the source and target account ids of each edge.
    public func forEachEdge(of graph: GraphRef, _ body: (Int64, Int64) throws -> Void) throws {
        let statement = try cachedStatement("SELECT source_id, target_id FROM graph_edge WHERE graph_id = ?")
        statement.bind(graph.id, at: 1)
        while try statement.step() { try body(statement.int64(at: 0), statement.int64(at: 1)) }
    }

    /// Calls `body` with each account of the graph and the profile it showed at the graph's time, if any.
    /// Columns as `forEachMember`, except the third: account id, key, the profile's `seen_at` (NULL when the
    /// account was never seen in a roster by then), then `RosterWriter.profileColumns`.
    public func forEachAccount(of graph: GraphRef, _ body: (Statement) throws -> Void) throws {
        let statement = try cachedStatement("""
            WITH nodes (id) AS (SELECT source_id FROM graph_edge WHERE graph_id = ?1 UNION SELECT target_id FROM graph_edge WHERE graph_id = ?1)
            SELECT a.id, a.key, v.seen_at, \(RosterWriter.profileColumns.map { "v." + $0 }.joined(separator: ", "))
            FROM nodes n JOIN account a ON a.id = n.id
            LEFT JOIN profile_version v ON v.account_id = n.id
             AND v.seen_at = (SELECT max(seen_at) FROM profile_version WHERE account_id = n.id AND seen_at <= ?2)
            """)
        statement.bind(graph.id, at: 1)
        statement.bind(graph.takenAt, at: 2)
        while try statement.step() { try body(statement) }
    }
}
