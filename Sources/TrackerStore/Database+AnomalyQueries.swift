import Foundation

/// What `tracker anomalies` asks for.
public struct AnomalyFilter: Sendable {
    public var pageIDs: [Int64]?
    public var platform: String?
    public var metric: String?
    public var kinds: [String] = []
    /// Events detected, or still going on, at or after this time.
    public var since: Int64?
    public var severities: [String] = ["info", "warning", "critical"]

    public init() {}
}

/// An anomaly with its page's names, for listing.
public struct ListedAnomaly: Sendable {
    public let platform: String
    public let page: String
    public let anomaly: StoredAnomaly
    /// Other pages of the platform with an event of the same kind on the same metric that started
    /// within a day of this one (for the short kinds: jumps, level shifts, flatlines), and how many
    /// other pages the platform has.
    public let peers: Int
    public let otherPages: Int

    /// Whether so many pages of the platform saw the same at once that the platform (a purge, an
    /// outage) explains it better than the page: at least 2 of them, and a tenth of the others.
    public var platformWide: Bool { peers >= 2 && Double(peers) >= 0.1 * Double(otherPages) }
}

extension Database {
    /// Anomalies matching the filter, newest detection first.
    public func anomalies(matching filter: AnomalyFilter) throws -> [ListedAnomaly] {
        var conditions = ["1"]
        if let pages = filter.pageIDs { conditions.append("a.page_id IN (\(pages.map(String.init).joined(separator: ",")))") }
        if filter.platform != nil { conditions.append("p.platform = lower(:platform)") }
        if filter.metric != nil { conditions.append("a.metric = lower(:metric)") }
        if !filter.kinds.isEmpty { conditions.append("a.kind IN (\(filter.kinds.map { "'\($0)'" }.joined(separator: ",")))") }
        if filter.since != nil { conditions.append("(a.detected_at >= :since OR a.end_at >= :since)") }
        conditions.append("a.severity IN (\(filter.severities.map { "'\($0)'" }.joined(separator: ",")))")
        let statement = try makeStatement("""
            SELECT p.platform, p.handle, \(Self.anomalyColumns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")),
                   \(Self.peersColumn), sizes.others
            FROM anomaly a JOIN page p ON p.id = a.page_id
            JOIN (SELECT platform, count(*) - 1 AS others FROM page GROUP BY platform) sizes ON sizes.platform = p.platform
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY a.detected_at DESC, p.platform, p.handle, a.metric, a.kind
            """)
        if let index = statement.parameterIndex("platform") { statement.bind(filter.platform, at: index) }
        if let index = statement.parameterIndex("metric") { statement.bind(filter.metric, at: index) }
        if let index = statement.parameterIndex("since") { statement.bind(filter.since, at: index) }
        var result: [ListedAnomaly] = []
        while try statement.step() {
            result.append(ListedAnomaly(platform: statement.string(at: 0), page: statement.string(at: 1),
                                        anomaly: Self.anomaly(from: statement, offset: 2),
                                        peers: Int(statement.int64(at: 2 + Self.anomalyColumnCount)),
                                        otherPages: Int(statement.int64(at: 3 + Self.anomalyColumnCount))))
        }
        return result
    }

    /// Events of the short kinds that started within a day of `a` on other pages of its platform.
    static let peersColumn = """
        CASE WHEN a.kind IN ('spike', 'drop', 'level_shift', 'flatline') THEN (
            SELECT count(DISTINCT b.page_id) FROM anomaly b JOIN page q ON q.id = b.page_id
            WHERE b.metric = a.metric AND b.kind = a.kind AND b.start_at BETWEEN a.start_at - 86400 AND a.start_at + 86400
              AND b.page_id <> a.page_id AND q.platform = p.platform) ELSE 0 END
        """
}
