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
            SELECT p.platform, p.handle, \(Self.anomalyColumns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
            FROM anomaly a JOIN page p ON p.id = a.page_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY a.detected_at DESC, p.platform, p.handle, a.metric, a.kind
            """)
        if let index = statement.parameterIndex("platform") { statement.bind(filter.platform, at: index) }
        if let index = statement.parameterIndex("metric") { statement.bind(filter.metric, at: index) }
        if let index = statement.parameterIndex("since") { statement.bind(filter.since, at: index) }
        var result: [ListedAnomaly] = []
        while try statement.step() {
            result.append(ListedAnomaly(platform: statement.string(at: 0), page: statement.string(at: 1),
                                        anomaly: Self.anomaly(from: statement, offset: 2)))
        }
        return result
    }
}
