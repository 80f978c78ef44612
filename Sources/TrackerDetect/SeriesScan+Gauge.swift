extension SeriesScan {
    /// Spike or drop of a gauge: a value far from the usual level of the last `gaugeWindow` values.
    /// True when it raised or extended one.
    @discardableResult
    mutating func checkOutlier(_ i: Int) -> Bool {
        guard let from = gaugeWindowStart(before: i) else { return false }
        outlierWindow.move(to: from..<i, in: v)
        let center = outlierWindow.median
        // The noise is at least the long-run spread and 1% of the level: if even that leaves the
        // value unremarkable, the recent spread need not be measured.
        guard abs(v[i] - center) >= threshold * 0.01 * abs(center),
              abs(v[i] - center) >= threshold * longSpread(before: i) else { return false }
        // A bursty series is judged by its bursts: a value is remarkable only beyond the farthest
        // the series went from its usual level over the long window.
        guard abs(v[i] - center) > longExtreme(before: i) else { return false }
        let noise = gaugeNoise(outlierWindow)
        let z = Self.capped((v[i] - center) / noise)
        let kind: AnomalyKind = z > 0 ? .spike : .drop
        // …and beyond a typical day's peak (last: it costs the most).
        guard abs(z) >= threshold * Self.youngWindowFactor(outlierWindow.range.count),
              abs(v[i] - center) > dailyPeakBar(i) else { return false }
        if let event = log.continuing(kind, previous: t[i - 1]) {
            extend(event, i, center: center, z: z)
            return true
        }
        return raiseOutlier(kind, i, z: z, before: center, described: Self.outlierDescribed)
    }

    /// Raises a spike or drop of a gauge at observation `i`, worded by `described`, unless the gauge
    /// is quiet after an alarm; true when it did.
    mutating func raiseOutlier(_ kind: AnomalyKind, _ i: Int, z: Double, before: Double,
                               described: (Self) -> (Anomaly) -> Anomaly) -> Bool {
        guard !inRefractory(i) else { return false }
        let event = Anomaly(metric: series.metric, kind: kind, start: t[i], end: t[i], detectedAt: t[i],
                            severity: .info, score: abs(z), before: before, after: v[i], explanation: "")
        log.raise(described(self)(event))
        return true
    }

    /// An outlier also goes on while each next value stays as far beyond the level it left, judged
    /// against the window before it began: in the sliding window its own values soon become the
    /// farthest excursion and then the usual level, and a fall that held for hours read as one
    /// value. For `gaugeQuietSeconds` from its start at most: after that a level shift may be
    /// raised, and once one is (judged before this), that shift tells the rest.
    mutating func holdOutlier(_ i: Int) {
        guard (log.open[.levelShift].map { $0.end < t[i - 1] } ?? true) else { return }
        for kind in [AnomalyKind.spike, .drop] {
            guard let event = log.continuing(kind, previous: t[i - 1]) else { continue }
            guard t[i] - event.start <= DetectionSettings.gaugeQuietSeconds else { return }
            let start = index(of: event.start)
            guard let from = gaugeWindowStart(before: start) else { return }
            outlierWindow.move(to: from..<start, in: v)
            let center = outlierWindow.median
            let z = Self.capped((v[i] - center) / gaugeNoise(outlierWindow))
            guard (z > 0) == (kind == .spike), abs(z) >= threshold * Self.youngWindowFactor(outlierWindow.range.count),
                  abs(v[i] - center) > dailyPeakBar(start) else { return }
            extend(event, i, center: center, z: z)
            return
        }
    }

    /// Extends a spike or drop to observation `i`, whose value lies `z` spreads from `center`,
    /// worded by `described`, or else in the wording of the check that raised it.
    mutating func extend(_ event: Anomaly, _ i: Int, center: Double, z: Double,
                         described: ((Self) -> (Anomaly) -> Anomaly)? = nil) {
        var event = event
        event.end = t[i]
        event.score = max(event.score, abs(z))
        if abs(v[i] - center) > abs(event.after - event.before) { event.after = v[i] }
        if let described {
            log.extend(described(self)(event))
        } else {
            log.extend(Self.isRepeatingDay(event) ? repeatingDescribed(event) : outlierDescribed(event))
        }
    }

    /// Where the window of the usual level before value `j` starts: the last `gaugeWindow` values,
    /// none older than `baselineDays`; nil when that leaves fewer than 8.
    func gaugeWindowStart(before j: Int) -> Int? {
        let from = max(j - DetectionSettings.gaugeWindow, index(of: t[j] - DetectionSettings.baselineDays * 86_400), 0)
        return j - from >= 8 ? from : nil
    }

    /// The spread of the last `gaugeLongWindow` values before `end` (none older than `gaugeLongDays`),
    /// or 0 while fewer than 96 are known.
    mutating func longSpread(before end: Int) -> Double {
        guard longWindowsCanFill else { return 0 }
        let window = longWindow(before: end)
        return longWindows[window].range.count >= 96 ? longWindows[window].sigma : 0
    }

    /// How far the values of the long window went from its median, at most (0 while fewer than 96).
    mutating func longExtreme(before end: Int) -> Double {
        guard longWindowsCanFill else { return 0 }
        let window = longWindow(before: end)
        return longWindows[window].range.count >= 96 ? longWindows[window].extreme : 0
    }

    /// Moves one of the two long windows to end before `end` and says which: the outlier check and
    /// the level-shift check each slide one forward. Exact at every value, so that where a run
    /// starts (day by day, or all at once) changes nothing.
    private mutating func longWindow(before end: Int) -> Int {
        let a = longWindows[0].range.upperBound, b = longWindows[1].range.upperBound
        let window: Int
        switch (a <= end, b <= end) {
        case (true, true): window = a >= b ? 0 : 1    // both behind (or there): the nearer
        case (true, false): window = 0
        case (false, true): window = 1
        case (false, false): window = a <= b ? 0 : 1  // both ahead: start again from the one farther behind
        }
        if longWindows[window].range.upperBound != end {
            let from = max(end - DetectionSettings.gaugeLongWindow,
                           index(of: t[end - 1] - DetectionSettings.gaugeLongDays * 86_400), 0)
            longWindows[window].move(to: from..<end, in: v)
        }
        return window
    }

    /// After an alarm on a gauge, a burst of further ones says nothing new: quiet for
    /// `gaugeQuietSeconds` after the last event of `kinds` ended.
    func inRefractory(_ i: Int, after kinds: [AnomalyKind] = [.spike, .drop, .levelShift]) -> Bool {
        guard let last = kinds.compactMap({ log.open[$0]?.end }).max() else { return false }
        return t[i] - last <= DetectionSettings.gaugeQuietSeconds
    }

    /// Whether an event of `kinds` began within `gaugeQuietSeconds` before observation `i`.
    func recentlyStarted(_ i: Int, _ kinds: [AnomalyKind]) -> Bool {
        kinds.contains { kind in log.open[kind].map { t[i] - $0.start <= DetectionSettings.gaugeQuietSeconds } ?? false }
    }

    /// The spread of a gauge: the larger of the spread of `window` (values before some observation,
    /// around their median) and the long-run spread (bursty series are judged by their bursts),
    /// floored at 1% of its level, at its rounding step, and at half a unit when its values are whole
    /// numbers (a count per interval that is mostly 0 has no spread, and 1 is not a billion times it).
    /// A rate is a fraction even while it sits at 0, so it has no unit.
    mutating func gaugeNoise(_ window: RollingMedian) -> Double {
        let range = window.range
        let sigma = max(window.sigma, longSpread(before: range.upperBound))
        let q = range.isEmpty ? 1 : quantum(range.lowerBound...(range.upperBound - 1))
        let whole = !isRate && !range.isEmpty && range.allSatisfy { v[$0] == v[$0].rounded() }
        return max(sigma, 0.01 * abs(window.median), 1e-9, q > 1 ? q / 2 : 0, whole ? 0.5 : 0)
    }

    /// How much higher the bar is for a window of `count` values than for a full one: a spread
    /// measured as the MAD of n normal values is off by √(1.36/n) of itself (one standard error),
    /// and the bar asks for that much more than a full window's uncertainty already costs. A gauge's
    /// first days (8 values: 1.21 times the bar) raised a fifth of the simulated pages' false alarms
    /// on rates; a full window is unchanged, as on NAB.
    static func youngWindowFactor(_ count: Int) -> Double {
        count >= DetectionSettings.gaugeWindow ? 1 : (1 + (1.36 / Double(max(count, 1))).squareRoot()) / fullWindowUncertainty
    }

    private static let fullWindowUncertainty = 1 + (1.36 / Double(DetectionSettings.gaugeWindow)).squareRoot()

    /// Scores in spreads stop at 1,000: a gauge that sat at exactly 0 has no spread to count in.
    static let maximumScore = 1_000.0

    static func capped(_ z: Double) -> Double { max(-maximumScore, min(maximumScore, z)) }

    static func spreads(_ score: Double) -> String {
        score >= maximumScore ? "more than 1,000 times" : "\(Wording.decimal(score)) times"
    }

    private func outlierDescribed(_ event: Anomaly) -> Anomaly {
        var event = event
        let relative = event.before != 0 ? abs(event.after / event.before - 1) : 1
        event.severity = Self.severity(score: event.score, threshold: threshold, relative: relative / 5)
        let name = Wording.metricName(series.metric)
        event.explanation = "\(name) was \(Wording.value(event.after, of: series.metric)) \(Wording.span(event.start, event.end)), "
            + "against a usual level of \(Wording.value(event.before, of: series.metric)) "
            + "(\(Self.spreads(event.score)) the usual spread)."
        return event
    }

    /// Level shift: the last `shiftConfirmation` values (an hour of them at least) all sit on one
    /// side, far from the level before. The new level is their mean: each must lie beyond 2 spreads,
    /// so none is wild, and the mean is the steadier estimate.
    mutating func checkLevelShift(_ i: Int) {
        var split = i - DetectionSettings.shiftConfirmation + 1
        while split > 0, t[i] - t[split] < DetectionSettings.shiftConfirmationSeconds { split -= 1 }
        guard split >= 8 else { return }
        guard let from = gaugeWindowStart(before: split) else { return }
        shiftWindow.move(to: from..<split, in: v)
        let before = shiftWindow.median
        let after = v[split...i].reduce(0, +) / Double(i - split + 1)
        guard abs(after - before) >= threshold * 0.75 * 0.01 * abs(before),
              abs(after - before) >= threshold * 0.75 * longSpread(before: split),
              abs(after - before) > DetectionSettings.shiftShareOfExtreme * longExtreme(before: split)
        else { return }
        let noise = gaugeNoise(shiftWindow)
        let sign: Double = after > before ? 1 : -1
        // The bar is lower than an outlier's: the new level is a mean of several values, each of
        // them beyond 2 spreads (0.75 of the threshold missed one simulated subtle shift in ten,
        // 0.6 one in twenty; a shift must also be abrupt, below; NAB the same).
        let z = Self.capped(abs(after - before) / noise)
        guard z >= threshold * 0.6 * Self.youngWindowFactor(shiftWindow.range.count),
              (split...i).allSatisfy({ sign * (v[$0] - before) >= 2 * noise }),
              before == 0 || abs(after / before - 1) >= 0.1,
              abs(after - before) > dailyPeakBar(split)
        else { return }
        if var event = log.continuing(.levelShift, previous: t[i - 1]), (event.after > event.before) == (sign > 0) {
            event.end = t[i]
            event.after = after
            event.score = max(event.score, z)
            log.extend(event)
            return
        }
        // Quiet after a shift, and shortly after an outlier began (the same burst); an outlier
        // that goes on for longer than that may well be the start of a new level.
        guard !inRefractory(i, after: [.levelShift]), !recentlyStarted(i, [.spike, .drop]),
              wasAtItsLevel(before: split, level: before, shift: after - before) else { return }
        let event = Anomaly(metric: series.metric, kind: .levelShift, start: t[split], end: t[i], detectedAt: t[i],
                            severity: .info, score: z, before: before, after: after, explanation: "")
        log.raise(event)
    }

    /// Whether a gauge sat at its old level just before `split`: the median of its last 3 values lies
    /// within half the shift of it. A shift is abrupt; a gauge that wanders (a rate that drifts for
    /// weeks) has left its old level gradually, and the values before the split are already on the way.
    private func wasAtItsLevel(before split: Int, level: Double, shift: Double) -> Bool {
        var last = Array(v[(split - 3)..<split])
        return abs(Robust.median(&last) - level) <= 0.5 * abs(shift)
    }

    /// A level shift's severity and sentence, from its final span and values (see `results`).
    func shiftDescribed(_ event: Anomaly) -> Anomaly {
        var event = event
        let ratio = event.before != 0 ? event.after / event.before : 2
        event.severity = ratio >= 2 || ratio <= 0.5 ? .critical : ratio >= 1.3 || ratio <= 0.77 ? .warning : .info
        let name = Wording.metricName(series.metric)
        let change = event.before != 0 ? " (\(Wording.percent(from: event.before, to: event.after)))" : ""
        event.explanation = "\(name) moved from a level of \(Wording.value(event.before, of: series.metric)) to "
            + "\(Wording.value(event.after, of: series.metric))\(change) \(Wording.span(event.start, event.end)) and stayed there "
            + "(\(Self.spreads(event.score)) the usual spread)."
        return event
    }
}
