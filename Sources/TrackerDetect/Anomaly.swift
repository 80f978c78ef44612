/// What kind of manipulation (or accident) an anomaly looks like.
public enum AnomalyKind: String, CaseIterable, Sendable, Codable {
    /// An abrupt rise in a count (bought followers), or an outlier above the usual level of a gauge.
    case spike
    /// An abrupt fall in a count (a purge, a mass unfollow), or an outlier below the usual level.
    case drop
    /// A sustained change of growth regime over weeks (a contest, a campaign).
    case surge
    /// An abrupt, lasting shift of a rate or gauge (engagement rate halves or doubles).
    case levelShift = "level_shift"
    /// The audience grows while the engaged audience (audience × engagement rate) does not.
    case dilution
    /// The following count jumps and later falls back (follow/unfollow farming).
    case followChurn = "follow_churn"
    /// A gauge that moves on nearly every observation stays at exactly one value: a stale capture
    /// more often than a still audience.
    case flatline
}

public enum Severity: String, CaseIterable, Sendable, Comparable, Codable {
    case info, warning, critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One flagged event of one metric of one page.
public struct Anomaly: Sendable, Equatable {
    /// The stored row's id, for events that later observations extend.
    public var id: Int64?
    public var metric: String
    public var kind: AnomalyKind
    /// When the event began and (so far) ended, Unix seconds.
    public var start: Int64
    public var end: Int64
    /// The observation time at which the event was first raised.
    public var detectedAt: Int64
    public var severity: Severity
    /// How far beyond the usual the event is: about "times the noise"; ≥ the threshold when raised.
    public var score: Double
    /// The metric's value before and after the event.
    public var before: Double
    public var after: Double
    /// One plain sentence with the numbers.
    public var explanation: String

    public init(id: Int64? = nil, metric: String, kind: AnomalyKind, start: Int64, end: Int64, detectedAt: Int64,
                severity: Severity, score: Double, before: Double, after: Double, explanation: String) {
        self.id = id
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
