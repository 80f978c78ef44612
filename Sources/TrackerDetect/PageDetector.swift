/// Finds anomalies in the series of one page, observation by observation, as a cron job would:
/// the judgement at each time uses only observations up to that time (plus, for surge, dilution
/// and follow churn, the confirmation delay documented in `DetectionSettings`).
///
/// ```swift
/// let detector = PageDetector(settings: DetectionSettings())
/// let anomalies = detector.detect(series: [fans, engagementRate], from: .min, open: [])
/// ```
///
/// Incremental use: pass the observations from `DetectionSettings.lookbackDays` before the first new
/// one, `from` = the first new time, and the latest stored anomaly of each (metric, kind) as `open`,
/// so an event still under way is extended rather than raised twice. The result holds the anomalies
/// raised or extended (the latter keep their `id`).
public struct PageDetector: Sendable {
    public let settings: DetectionSettings

    public init(settings: DetectionSettings = DetectionSettings()) { self.settings = settings }

    /// The series an explanation of `metric` cites: the followers gained while `following` churned,
    /// the engagement rate while an audience jumped.
    static func companion(of metric: String, in byMetric: [String: Series]) -> Series? {
        switch metric {
        case "following": return byMetric["followers"]
        case "fans", "followers": return byMetric["engagement_rate"]
        default: return nil
        }
    }

    public func detect(series: [Series], from: Int64, open: [Anomaly]) -> [Anomaly] {
        var found: [Anomaly] = []
        var surges: [String: [Anomaly]] = [:]
        for event in open where event.kind == .surge { surges[event.metric, default: []].append(event) }
        let byMetric = Dictionary(series.map { ($0.metric, $0) }, uniquingKeysWith: { a, _ in a })
        for one in series where one.count > 1 {
            var scan = SeriesScan(series: one, settings: settings, open: open.filter { $0.metric == one.metric },
                                  companion: Self.companion(of: one.metric, in: byMetric))
            for i in max(1, one.firstIndex(atOrAfter: from))..<one.count { scan.step(i) }
            let results = scan.results
            found += results
            surges[one.metric, default: []] += results.filter { $0.kind == .surge }
        }
        if let rate = byMetric["engagement_rate"] {
            for audience in ["fans", "followers"] {
                guard let audienceSeries = byMetric[audience] else { continue }
                var scan = DilutionScan(audience: audienceSeries, rate: rate, settings: settings,
                                        open: open.first { $0.metric == audience && $0.kind == .dilution },
                                        surges: surges[audience] ?? [])
                found += scan.run(from: from)
            }
        }
        return found
    }
}

/// Raised and extended events of one series, in the order they were first raised.
struct EventLog {
    private(set) var open: [AnomalyKind: Anomaly] = [:]
    private(set) var results: [Anomaly] = []
    private var positions: [AnomalyKind: Int] = [:]
    /// The open surge's span and values, read on every observation (without copying its strings).
    private(set) var surgeSpan: (start: Int64, end: Int64, before: Double, after: Double)?

    init(open events: [Anomaly]) {
        for event in events where open[event.kind].map({ $0.detectedAt < event.detectedAt }) ?? true {
            open[event.kind] = event
        }
        if let surge = open[.surge] { noteSurge(surge) }
    }

    private mutating func noteSurge(_ event: Anomaly) {
        if event.kind == .surge { surgeSpan = (event.start, event.end, event.before, event.after) }
    }

    /// The open event of `kind` if it reached the previous observation (so may go on), else nil.
    func continuing(_ kind: AnomalyKind, previous: Int64) -> Anomaly? {
        guard let event = open[kind], event.end == previous else { return nil }
        return event
    }

    mutating func raise(_ event: Anomaly) {
        noteSurge(event)
        open[event.kind] = event
        positions[event.kind] = results.count
        results.append(event)
    }

    /// Updates the open event of its kind (recording it again if it came from storage).
    mutating func extend(_ event: Anomaly) {
        noteSurge(event)
        open[event.kind] = event
        if let position = positions[event.kind], results[position].detectedAt == event.detectedAt {
            results[position] = event
        } else {
            positions[event.kind] = results.count
            results.append(event)
        }
    }
}
