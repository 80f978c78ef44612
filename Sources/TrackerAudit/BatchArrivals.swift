/// Runs of new followers whose accounts were all created within a short window: bought followers come
/// in batches from one farm, and the creation dates give them away (Meeder et al., WWW 2011, bound
/// follow times by account creation dates; the APIs list followers newest first).
public enum BatchArrivals {
    public struct Run: Sendable, Equatable {
        /// Position of the run's first account among the new followers, in arrival order.
        public let first: Int
        public let count: Int
        public let createdFrom: Int64
        public let createdTo: Int64
    }

    /// The maximal runs of at least `minimumRun` consecutive accounts (in arrival order) whose creation
    /// times span at most `window` seconds. An account of unknown creation time ends a run.
    public static func find(createdAt: [Int64?], window: Int64 = 14 * 86_400, minimumRun: Int = 20) -> [Run] {
        var runs: [Run] = [], start = 0
        while start < createdAt.count {
            guard let first = createdAt[start] else { start += 1; continue }
            var low = first, high = first, end = start + 1
            while end < createdAt.count, let next = createdAt[end], max(high, next) - min(low, next) <= window {
                low = min(low, next)
                high = max(high, next)
                end += 1
            }
            if end - start >= minimumRun {
                runs.append(Run(first: start, count: end - start, createdFrom: low, createdTo: high))
                start = end
            } else {
                start += 1
            }
        }
        return runs
    }
}
