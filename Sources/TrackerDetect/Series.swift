/// The observations of one metric of one page, in time order (Unix seconds), none missing.
public struct Series: Sendable, Equatable {
    public var metric: String
    public var times: [Int64]
    public var values: [Double]

    public init(metric: String, times: [Int64], values: [Double]) {
        precondition(times.count == values.count)
        self.metric = metric
        self.times = times
        self.values = values
    }

    public var count: Int { times.count }

    /// The index of the first observation at or after `time` (count when none).
    public func firstIndex(atOrAfter time: Int64) -> Int { times.lowerBound(of: time) }
}

/// How a metric behaves, which decides how it is watched.
public enum MetricNature: Sendable, Equatable {
    /// A running total (followers, posts): watched through its change per day.
    case cumulative
    /// A level (engagement rate, mentions per hour): watched through its value.
    case gauge

    /// Whether the metric is a rate by its name (`engagement_rate`): a fraction, shown with
    /// decimals, with no unit even while it sits at 0.
    static func isRate(_ metric: String) -> Bool { metric.hasSuffix("rate") }

    /// The nature of the metrics known by name (nil for others, which are told by shape).
    public static func byName(_ metric: String) -> MetricNature? {
        switch metric {
        case "followers", "following", "fans", "posts", "listed", "views", "subscribers", "likes_total": return .cumulative
        case "engagement_rate", "talking_about": return .gauge
        default: return nil
        }
    }

    /// The nature that observations show: whole numbers that rise, and fall on at most one change
    /// in six, are a running total; anything else (fewer than 3 values, or none that moved) is a gauge.
    public static func ofShape(_ values: ArraySlice<Double>) -> MetricNature {
        guard values.count >= 3, values.allSatisfy({ $0 == $0.rounded() }) else { return .gauge }
        var rises = 0, falls = 0, previous = values.first!
        for value in values.dropFirst() {
            if value > previous { rises += 1 } else if value < previous { falls += 1 }
            previous = value
        }
        return rises > 0 && falls * 5 <= rises ? .cumulative : .gauge
    }
}

extension Array where Element: Comparable {
    /// In a sorted array, the index of the first element not less than `value` (binary search).
    func lowerBound(of value: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
