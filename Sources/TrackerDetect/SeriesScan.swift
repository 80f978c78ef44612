import Foundation

/// The per-observation checks of one series: spike, drop and surge for running totals;
/// spike, drop and level shift for gauges; follow churn for `following`.
struct SeriesScan {
    let series: Series
    let t: [Int64]
    let v: [Double]
    let nature: MetricNature
    let threshold: Double
    let companion: Series?
    var log: EventLog
    /// Trailing decimal zeros of each value: platforms that round counts leave many.
    let zeros: [Int]
    var scratch: [Double] = []
    var scratch2: [Double] = []

    init(series: Series, settings: DetectionSettings, open: [Anomaly], companion: Series?) {
        self.series = series
        t = series.times
        v = series.values
        nature = MetricNature.of(series)
        threshold = settings.threshold
        self.companion = companion
        log = EventLog(open: open)
        zeros = series.values.map(Self.trailingZeros)
        scratch.reserveCapacity(64)
        scratch2.reserveCapacity(64)
    }

    var results: [Anomaly] { log.results }

    mutating func step(_ i: Int) {
        switch nature {
        case .cumulative:
            checkJump(i)
            checkSurge(i)
            if series.metric == "following" { checkChurn(i) }
        case .gauge:
            checkOutlier(i)
            checkLevelShift(i)
        }
    }

    // MARK: - Shared measures

    func days(_ from: Int, _ to: Int) -> Double { Double(t[to] - t[from]) / 86_400 }

    /// The usual change per day and its noise (per √day) over the increments ending at `last`.
    mutating func usualChange(increments range: ClosedRange<Int>) -> (rate: Double, noise: Double)? {
        let range = max(1, range.lowerBound)...range.upperBound
        guard range.count >= DetectionSettings.minimumIncrements else { return nil }
        scratch.removeAll(keepingCapacity: true)
        for j in range where t[j] > t[j - 1] { scratch.append((v[j] - v[j - 1]) / days(j - 1, j)) }
        guard scratch.count >= DetectionSettings.minimumIncrements else { return nil }
        let rate = Robust.median(&scratch)
        scratch.removeAll(keepingCapacity: true)
        for j in range where t[j] > t[j - 1] {
            let dt = days(j - 1, j)
            scratch.append((v[j] - v[j - 1] - rate * dt) / dt.squareRoot())
        }
        return (rate, Robust.sigma(&scratch, around: 0))
    }

    /// The smallest step the platform reports in this window: 10^k when every value ≥ 1,000 ends in k zeros.
    func quantum(_ range: ClosedRange<Int>) -> Double {
        var k = 6
        for j in range {
            if v[j] < 1000 { return 1 }
            k = min(k, zeros[j])
        }
        return k >= 2 ? pow(10, Double(k)) : 1
    }

    /// Noise is never taken as less than half a count, 0.02% of the level, or half the rounding step.
    func floored(_ noise: Double, level: Double, quantum: Double) -> Double {
        max(noise, 0.5, 2e-4 * abs(level), quantum / 2)
    }

    static func trailingZeros(_ value: Double) -> Int {
        guard value >= 1, value == value.rounded(), value < 1e15 else { return 0 }
        var n = Int64(value), k = 0
        while n % 10 == 0 && k < 6 { n /= 10; k += 1 }
        return k
    }

    static func severity(score: Double, threshold: Double, relative: Double) -> Severity {
        if score >= 3 * threshold || relative >= 0.10 { return .critical }
        if score >= 1.5 * threshold || relative >= 0.02 { return .warning }
        return .info
    }
}
