/// A gauge observed many times a day whose days repeat (a server's office hours, quiet weekends):
/// a value is also judged against the same time on the days before. Against the last few hours
/// alone, every morning's rise is as far as a day that peaks half as high again, or stays quiet.
extension SeriesScan {
    /// Spike or drop against the same time of day: true when it raised or extended one.
    @discardableResult
    mutating func checkRepeatingDay(_ i: Int) -> Bool {
        guard longWindowsCanFill else { return false }
        fillResiduals(through: i)
        let r = repeating.residuals
        guard !r[i].isNaN else { return false }
        let longFrom = max(repeating.firstDefined(before: i), i - DetectionSettings.gaugeLongWindow)
        guard i - longFrom >= 96 else { return false }
        repeating.long.move(to: longFrom..<i, in: r)
        repeating.recent.move(to: max(longFrom, i - DetectionSettings.gaugeWindow)..<i, in: r)
        let distance = r[i] - repeating.recent.median, usual = v[i] - distance
        // Floored as `gaugeNoise` floors a gauge's spread (the cheap tests first: most values fail them).
        guard abs(distance) > repeating.long.extreme, abs(distance) >= threshold * 0.01 * abs(usual) else { return false }
        let whole = !isRate && repeating.recent.range.allSatisfy { v[$0] == v[$0].rounded() }
        let noise = max(repeating.recent.sigma, repeating.long.sigma, 0.01 * abs(usual), 1e-9, whole ? 0.5 : 0)
        // The days must repeat: what the same time on other days leaves unexplained is well under
        // the gauge's own spread (a count that sits at 0 has none, and repeats nothing).
        guard abs(distance) >= threshold * noise, repeating.long.sigma < 0.5 * longSpread(before: i),
              abs(distance) > residualPeakBar(i) else { return false }
        let z = Self.capped(distance / noise)
        let kind: AnomalyKind = z > 0 ? .spike : .drop
        if let event = log.continuing(kind, previous: t[i - 1]) {
            extend(event, i, center: event.before, z: z, described: Self.repeatingDescribed)
            return true
        }
        return raiseOutlier(kind, i, z: z, before: usual, described: Self.repeatingDescribed)
    }

    /// A spike or drop this check raised also goes on while each next value stays as far from its
    /// time of day, judged against the residuals before it began (as `holdOutlier` does for the last
    /// few hours): in the sliding windows its own values soon become the farthest. For
    /// `gaugeQuietSeconds` at most.
    mutating func holdRepeatingDay(_ i: Int) {
        guard longWindowsCanFill else { return }
        for kind in [AnomalyKind.spike, .drop] {
            guard let event = log.continuing(kind, previous: t[i - 1]), Self.isRepeatingDay(event) else { continue }
            guard t[i] - event.start <= DetectionSettings.gaugeQuietSeconds else { return }
            let start = index(of: event.start)
            fillResiduals(through: i)
            let r = repeating.residuals
            let from = max(repeating.firstDefined(before: start), start - DetectionSettings.gaugeWindow)
            guard !r[i].isNaN, start - from >= 8 else { return }
            repeating.recent.move(to: from..<start, in: r)
            let noise = max(repeating.recent.sigma, 0.01 * abs(v[i] - r[i]), 1e-9)
            let z = Self.capped((r[i] - repeating.recent.median) / noise)
            guard (z > 0) == (kind == .spike), abs(z) >= threshold else { return }
            extend(event, i, center: event.before, z: z)
            return
        }
    }

    /// Each value's distance from the values at the same time on the last `RepeatingDays.days` days
    /// (`sameTimeDistance`; NaN with fewer than 3, or fewer than `perDay` values in the day before),
    /// or from the same weekday's of the last `RepeatingDays.weeks` weeks when nearer: a week may
    /// have its own days (quiet weekends). Worked out as far as asked, from the values before each alone.
    private mutating func fillResiduals(through i: Int) {
        while repeating.residuals.count <= i {
            let j = repeating.residuals.count
            for k in RepeatingDays.offsets.indices { repeating.advance(k, to: t[j], in: t) }
            let perDay = j - repeating.cursors[0]
            // The mean interval of the day before: near enough to stand for the same time.
            let tolerance = 86_400 / Int64(max(1, perDay))
            var residual = Double.nan
            if perDay >= RepeatingDays.perDay {
                residual = sameTimeDistance(j, offsets: 0..<RepeatingDays.days, within: tolerance, atLeast: 3)
                let weekly = sameTimeDistance(j, offsets: RepeatingDays.days..<RepeatingDays.offsets.count, within: tolerance, atLeast: 1)
                if abs(weekly) < abs(residual) { residual = weekly }
            }
            repeating.append(residual)
        }
    }

    /// How far observation `j` lies from the values at the same time at the offsets `offsets` (by
    /// index into `RepeatingDays.offsets`): the median over them of its distance from the value
    /// observed at that very time, or else from the range of the values just before and just after
    /// it (each within `tolerance`), 0 inside it: a gauge captured at uneven times meets a sharp
    /// daily step between two captures, not at one. NaN with fewer than `atLeast` of them.
    private func sameTimeDistance(_ j: Int, offsets: Range<Int>, within tolerance: Int64, atLeast: Int) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: offsets.count) { found in
            var n = 0
            for k in offsets {
                let target = t[j] - RepeatingDays.offsets[k], c = repeating.cursors[k]  // c: the first at or after it
                let exact = c < j && t[c] == target
                let after = c < j && t[c] - target <= tolerance ? v[c] : nil
                let before = !exact && c > 0 && target - t[c - 1] <= tolerance ? v[c - 1] : nil
                guard after != nil || before != nil else { continue }
                let low = Swift.min(after ?? .infinity, before ?? .infinity)
                let high = Swift.max(after ?? -.infinity, before ?? -.infinity)
                found[n] = v[j] > high ? v[j] - high : v[j] < low ? v[j] - low : 0
                n += 1
            }
            return n >= atLeast ? Robust.median(UnsafeMutableBufferPointer(rebasing: found[0..<n])) : .nan
        }
    }

    /// `dailyPeakBar` over the residuals: a gauge whose days repeat but burst at different hours is
    /// judged against a typical day's burst.
    private mutating func residualPeakBar(_ i: Int) -> Double {
        var peaks = repeating.peaks
        repeating.peaks = DailyPeaks()  // moved out and back: no copy of its arrays
        defer { repeating.peaks = peaks }
        let residuals = repeating.residuals, first = repeating.firstDefined(before:)
        return peaks.bar(before: t[i], times: t, values: residuals) { j in
            let from = max(first(j), j - DetectionSettings.gaugeWindow)
            return !residuals[j].isNaN && j - from >= 8 ? from : nil
        }
    }

    /// Whether this check raised the event: its wording is the only trace a stored event keeps, and
    /// a cron job's run must tell it as a full run does.
    static func isRepeatingDay(_ event: Anomaly) -> Bool { event.explanation.contains(repeatingMark) }

    private static let repeatingMark = " usual at that time of day ("

    func repeatingDescribed(_ event: Anomaly) -> Anomaly {
        var event = event
        let relative = event.before != 0 ? abs(event.after / event.before - 1) : 1
        event.severity = Self.severity(score: event.score, threshold: threshold, relative: relative / 5)
        event.explanation = "\(Wording.metricName(series.metric)) was \(Wording.value(event.after, of: series.metric)) "
            + "\(Wording.span(event.start, event.end)), against \(Wording.value(event.before, of: series.metric)) "
            + "\(Self.repeatingMark.dropFirst())\(Self.spreads(event.score)) the usual spread)."
        return event
    }
}

/// What the same-time-of-day check keeps of a gauge: each value's residual, as far as worked out.
struct RepeatingDays {
    /// A gauge observed at least this often a day can repeat its days.
    static let perDay = 24
    static let days = 7
    static let weeks = 3
    /// How far back the same time lies: each of the last `days` days, then each of the last `weeks` weeks.
    static let offsets: [Int64] = (1...days).map { Int64($0) * 86_400 } + (1...weeks).map { Int64($0) * 7 * 86_400 }
    /// For each offset, the first observation at or after the same time before the latest residual's.
    private(set) var cursors = [Int](repeating: 0, count: offsets.count)
    private(set) var residuals: [Double] = []
    /// The values without a residual (fewer than 3 days before them), in order.
    private var undefined: [Int] = []
    var recent = RollingMedian()
    var long = RollingMedian()
    var peaks = DailyPeaks()

    init() {}

    /// Moves cursor `k` to the first of `times` at or after `offsets[k]` before `time` (times only grow).
    mutating func advance(_ k: Int, to time: Int64, in times: [Int64]) {
        let target = time - Self.offsets[k]
        while cursors[k] < times.count, times[cursors[k]] < target { cursors[k] += 1 }
    }

    mutating func append(_ residual: Double) {
        if residual.isNaN { undefined.append(residuals.count) }
        residuals.append(residual)
    }

    /// The first value of the run of residuals that ends at `i - 1`.
    func firstDefined(before i: Int) -> Int {
        let k = undefined.lowerBound(of: i)
        return k > 0 ? undefined[k - 1] + 1 : 0
    }
}
