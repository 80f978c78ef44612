/// A tracked page.
public struct PageRef: Sendable, Equatable, Hashable {
    public let id: Int64
    public let platform: String
    public let handle: String

    public init(id: Int64, platform: String, handle: String) {
        self.id = id
        self.platform = platform
        self.handle = handle
    }
}

extension Database {
    /// Pages whose handle matches `name` (case-insensitively, with or without a leading `@`),
    /// optionally on one platform. An exact-case match wins over others.
    public func findPages(named name: String, platform: String? = nil) throws -> [PageRef] {
        let handle = name.hasPrefix("@") ? String(name.dropFirst()) : name
        let statement = try cachedStatement("""
            SELECT id, platform, handle FROM page
            WHERE handle = ?1 COLLATE NOCASE AND (?2 IS NULL OR platform = lower(?2))
            ORDER BY handle = ?1 DESC, platform
            """)
        statement.bind(handle, at: 1)
        statement.bind(platform, at: 2)
        var pages: [PageRef] = []
        while try statement.step() {
            pages.append(PageRef(id: statement.int64(at: 0), platform: statement.string(at: 1), handle: statement.string(at: 2)))
        }
        // Prefer the exact spelling when it exists on each platform.
        let exact = pages.filter { $0.handle == handle }
        return exact.isEmpty ? pages : exact
    }

    /// Every page, by platform then handle.
    public func allPages(platform: String? = nil) throws -> [PageRef] {
        let statement = try cachedStatement(
            "SELECT id, platform, handle FROM page WHERE ?1 IS NULL OR platform = lower(?1) ORDER BY platform, handle")
        statement.bind(platform, at: 1)
        var pages: [PageRef] = []
        while try statement.step() {
            pages.append(PageRef(id: statement.int64(at: 0), platform: statement.string(at: 1), handle: statement.string(at: 2)))
        }
        return pages
    }

    /// The SQL behind `tracker pages`: each page with its span, count and latest value of each common metric
    /// (a page known only from a follow graph has no snapshots yet, and is listed too).
    public static let pagesListingSQL = """
        SELECT p.platform, p.handle AS page,
               strftime('%Y-%m-%dT%H:%M:%SZ', s.first_at, 'unixepoch') AS first_at,
               strftime('%Y-%m-%dT%H:%M:%SZ', s.last_at, 'unixepoch') AS last_at,
               coalesce(s.snapshots, 0) AS snapshots,
               (SELECT followers FROM snapshot WHERE page_id = p.id AND followers IS NOT NULL ORDER BY observed_at DESC LIMIT 1) AS followers,
               (SELECT following FROM snapshot WHERE page_id = p.id AND following IS NOT NULL ORDER BY observed_at DESC LIMIT 1) AS following,
               (SELECT fans FROM snapshot WHERE page_id = p.id AND fans IS NOT NULL ORDER BY observed_at DESC LIMIT 1) AS fans,
               (SELECT posts FROM snapshot WHERE page_id = p.id AND posts IS NOT NULL ORDER BY observed_at DESC LIMIT 1) AS posts,
               (SELECT engagement_rate FROM snapshot WHERE page_id = p.id AND engagement_rate IS NOT NULL ORDER BY observed_at DESC LIMIT 1) AS engagement_rate
        FROM page p
        LEFT JOIN (SELECT page_id, min(observed_at) AS first_at, max(observed_at) AS last_at, count(*) AS snapshots
                   FROM snapshot GROUP BY page_id) s ON s.page_id = p.id
        WHERE :platform IS NULL OR p.platform = lower(:platform)
        ORDER BY p.platform, p.handle
        """
}
