extension SeriesScan {
    /// Surge: over the last `surgeDays`, growth well above the usual growth measured before
    /// (before the surge's start while one is under way), and not the work of one jump.
    mutating func checkSurge(_ i: Int) {
        for days in DetectionSettings.surgeWindows where checkSurge(i, windowDays: days) { return }
    }

    /// The check over one recent window; true when it raised or extended a surge.
    private mutating func checkSurge(_ i: Int, windowDays: Int64) -> Bool {
        if let ongoing = log.continuing(.surge, previous: t[i - 1]) { return extendSurge(ongoing, i) }
        // The window starts `windowDays` before the current UTC week, so that its baseline is
        // computed once a week, the same whether judged day by day or all at once.
        let (a, averageRate) = surgeWindow(i, windowDays: windowDays)
        guard a <= i - 3, days(a, i) >= 14, let averageRate, roughlyUnusual(a, i, averageRate) else { return false }
        guard let (usual, noise, baselineDays, increments) = surgeBaseline(endingAt: a, i) else { return false }
        let span = days(a, i)
        let excess = v[i] - v[a] - usual.rate * span
        // The usual rate is itself estimated: its error grows with the span it is projected over.
        let score = abs(excess) / (noise * (span + 1.57 * span * span / baselineDays).squareRoot())
        // Half the usual growth again, and 0.5% of the level: a subtle surge on a page of millions
        // adds less than 1% in four weeks.
        guard score >= threshold * Self.surgeBarFactor(increments: increments),
              abs(excess) >= max(0.5 * abs(usual.rate) * span, 0.005 * v[a], 10),
              largestTwoStepExcess(a, i, usual.rate, sign: excess > 0 ? 1 : -1) <= 0.6 * abs(excess),
              excess > 0 ? isRealRise(a, i, usualRate: usual.rate) : isRealFall(a, i)
        else { return false }
        let sign: Double = excess > 0 ? 1 : -1
        // Growth that a surge already reported ran through is that surge's, not a new one, and a
        // follow churn's rise or fall back is the churn's: from the low point of the excess on.
        let low = lowPoint(a, i, usual.rate, sign: sign)
        if let last = log.open[.surge], last.end >= t[low] { return false }
        if let churn = log.open[.followChurn], churn.end >= t[low] { return false }
        let onset = onsetIndex(low, i, usual.rate, sign: sign)
        let event = Anomaly(metric: series.metric, kind: .surge, start: t[onset], end: t[i], detectedAt: t[i],
                            severity: .info, score: score, before: v[onset], after: v[i], explanation: "")
        log.raise(described(event, usualPerDay: usual.rate))
        return true
    }

    /// A surge goes on while the last week still runs well beyond the growth usual before it began,
    /// for at most `surgeMaxDays` (after that, growth like it has become the usual).
    private mutating func extendSurge(_ event: Anomaly, _ i: Int) -> Bool {
        // …and for at most `surgeMaxDays − surgeDays` after it was raised: a surge dated from where
        // it broke away runs no longer than one dated from the low point before it did.
        guard t[i] - event.start <= DetectionSettings.surgeMaxDays * 86_400,
              t[i] - event.detectedAt <= (DetectionSettings.surgeMaxDays - DetectionSettings.surgeDays) * 86_400
        else { return false }
        let start = index(of: event.start)
        guard let (usual, noise, _, _) = surgeBaseline(endingAt: start, i) else { return false }
        var b = index(of: t[i] - 7 * 86_400)
        if b >= i { b = i - 1 }
        let span = max(days(b, i), 1e-9)
        let sign: Double = event.after >= event.before ? 1 : -1
        let excess = sign * (v[i] - v[b] - usual.rate * span)
        guard excess / (noise * span.squareRoot()) >= threshold / 2 else { return false }
        var event = event
        event.end = t[i]
        event.after = v[i]
        log.extend(described(event, usualPerDay: usual.rate))
        return true
    }

    /// Where the window of `windowDays` starts for observation `i`'s UTC week, and the average
    /// growth per day over the `surgeBaselineDays` before it (nil when none is known): the same for
    /// the whole week, so worked out once a week.
    private mutating func surgeWindow(_ i: Int, windowDays: Int64) -> (start: Int, averageRate: Double?) {
        let week = Usual.weekStart(t[i])
        if let cached = surgeWindows.first(where: { $0.week == week && $0.days == windowDays }) { return (cached.start, cached.rate) }
        let a = index(of: week - windowDays * 86_400)
        let from = index(of: t[a] - DetectionSettings.surgeBaselineDays * 86_400)
        let rate = from < a ? (v[a] - v[from]) / days(from, a) : nil
        surgeWindows.removeAll { $0.days == windowDays }
        surgeWindows.append((week, windowDays, a, rate))
        return (a, rate)
    }

    /// A cheap screen before robust statistics: against the average growth of the baseline, the
    /// recent change is off by 0.5% of the level, as a surge must be against the median growth (a
    /// screen at 0.25% found nothing more on the simulated audiences and cost 7% of a full run).
    private func roughlyUnusual(_ a: Int, _ i: Int, _ averageRate: Double) -> Bool {
        abs(v[i] - v[a] - averageRate * days(a, i)) >= 0.005 * abs(v[a])
    }

    /// How far above the threshold a new surge's bar lies for a baseline of `n` increments. Fewer
    /// than `surgeBaselineIncrements` (a weekly page's first weeks, or captures missed) measure its
    /// noise on too few, and the bar rises as a jump's does for a young baseline, by √(1 + 5/n). On
    /// small weekly pages of pure noise, surges raised in the first 12 weeks fell from 183 to 50 of
    /// 2,000 pages.
    static func surgeBarFactor(increments n: Int) -> Double {
        n < DetectionSettings.surgeBaselineIncrements ? fewIncrementsFactor(n) : 1
    }

    /// The usual change over `surgeBaselineDays` before index `end`, its floored noise, its length in
    /// days, and the number of increments it holds.
    private mutating func surgeBaseline(endingAt end: Int, _ i: Int) -> (Usual, Double, Double, Int)? {
        let from = index(of: t[end] - DetectionSettings.surgeBaselineDays * 86_400)
        // Three weeks at least, so that a weekly cycle is known before growth is called unusual.
        guard end - from >= 3, days(from, end) >= 21 else { return nil }
        let usual: Usual
        if let cached = surgeBaselineCache[end] {
            guard let hit = cached else { return nil }
            usual = hit
        } else {
            // Over weeks, the usual growth is the mean rate, weekday pattern included: with growth
            // mostly on weekends the median day is a weekday, far below the weekly average.
            let computed = usualChange(from: from + 1, through: end, minimum: 3).map(\.overWeeks)
            if surgeBaselineCache.count > 16 { forgetStaleSurgeBaselines(i) }
            surgeBaselineCache[end] = .some(computed)
            guard let computed else { return nil }
            usual = computed
        }
        let noise = floored(usual.noise, level: v[end], quantum: quantum(from...i), rate: usual.rate)
        return (usual, noise, max(days(from, end), 1), end - from)
    }

    /// Forgets the surge baselines no later window can ask for: those ending before the longest
    /// window of the current week, except the open surge's (a window 8 weeks on asks again for
    /// the baseline a 4-week window used).
    private mutating func forgetStaleSurgeBaselines(_ i: Int) {
        let oldest = index(of: Usual.weekStart(t[i]) - DetectionSettings.surgeWindows.max()! * 86_400)
        let open = log.surgeSpan.map { index(of: $0.start) }
        surgeBaselineCache = surgeBaselineCache.filter { $0.key >= oldest || $0.key == open }
        if surgeBaselineCache.count > 16 { surgeBaselineCache.removeAll(keepingCapacity: true) }
    }

    /// The largest excess of two consecutive intervals in (a, i]: a surge is not one purchase.
    private func largestTwoStepExcess(_ a: Int, _ i: Int, _ rate: Double, sign: Double) -> Double {
        var largest = 0.0
        for j in (a + 1)...i {
            let from = max(a, j - 2)
            largest = max(largest, sign * (v[j] - v[from] - rate * days(from, j)))
        }
        return largest
    }

    /// Slower growth is no decline: a fall must be real, 2% of the level, and hold without a drop
    /// raised within it (a purge is a drop's business; after a contest, the baseline's pace made the
    /// purge and the return to the old pace read as a decline).
    private func isRealFall(_ a: Int, _ i: Int) -> Bool {
        let purged = log.open[.drop].map { $0.start >= t[a] ? max(0, $0.before - $0.after) : 0 } ?? 0
        return v[a] - v[i] - purged >= 0.02 * v[a]
    }

    /// Nor is the end of a reported fall a surge: while the baseline spans a declining surge (an
    /// exodus, a purge spread out) or a follow churn's fall back, growth above its pace must be a
    /// rise of the count, or the return to the old pace would read "declined …, against a usual
    /// weekly change of −866". Elsewhere a slower loss may be one (followers bought to hide a decline).
    private func isRealRise(_ a: Int, _ i: Int, usualRate: Double) -> Bool {
        guard usualRate < 0, v[i] <= v[a] else { return true }
        let baselineStart = t[a] - DetectionSettings.surgeBaselineDays * 86_400
        if let surge = log.surgeSpan, surge.after < surge.before, surge.end >= baselineStart { return false }
        if let churn = log.open[.followChurn], churn.end >= baselineStart { return false }
        return true
    }

    /// The low point of the cumulative excess in [a, i): where it cannot have started later.
    private func lowPoint(_ a: Int, _ i: Int, _ rate: Double, sign: Double) -> Int {
        var best = a, lowest = 0.0
        for j in a..<i {
            let cumulative = sign * (v[j] - v[a] - rate * days(a, j))
            if cumulative < lowest { lowest = cumulative; best = j }
        }
        return best
    }

    /// Where the excess starts to accumulate, from `a` (its low point) on: the break that best
    /// splits the cumulative excess in [a, i] into a level and a straight rise from it (least
    /// squares). The low point alone dated surges a median of 6 days early and a tenth of them 4
    /// weeks early, where growth ran a little above the usual before the surge began.
    private func onsetIndex(_ a: Int, _ i: Int, _ rate: Double, sign: Double) -> Int {
        let excess = (a...i).map { sign * (v[$0] - v[a] - rate * days(a, $0)) }
        var best = a, leastSquares = Double.infinity
        var sum = 0.0, squares = 0.0
        for b in a..<i {
            sum += excess[b - a]
            squares += excess[b - a] * excess[b - a]
            let level = sum / Double(b - a + 1)
            // After the break, the rise through the level that fits best leaves this much unexplained.
            var off = 0.0, moved = 0.0, spread = 0.0
            for j in (b + 1)...i {
                let d = days(b, j), e = excess[j - a] - level
                off += e * e
                moved += e * d
                spread += d * d
            }
            let unexplained = squares - sum * level + off - moved * moved / spread
            if unexplained < leastSquares { leastSquares = unexplained; best = b }
        }
        return best
    }

    private func described(_ event: Anomaly, usualPerDay: Double) -> Anomaly {
        var event = event
        let change = event.after - event.before
        let weeks = max(Double(event.end - event.start) / (7 * 86_400), 1e-9)
        let weekly = change / weeks, usualWeekly = usualPerDay * 7
        let relative = event.before > 0 ? abs(change) / event.before : 1
        event.severity = relative >= 0.5 ? .critical : relative >= 0.1 ? .warning : .info
        let name = Wording.metricName(series.metric)
        let comparison = usualWeekly > 0 && weekly / usualWeekly >= 1.5
            ? "\(Wording.times(weekly / usualWeekly)) the usual weekly growth of \(Wording.count(usualWeekly))"
            : "against a usual weekly change of \(Wording.signed(usualWeekly))"
        event.explanation = "\(name) \(change >= 0 ? "rose" : "declined") \(Wording.count(event.before)) → "
            + "\(Wording.count(event.after)) (\(Wording.percent(from: event.before, to: event.after))) "
            + "\(Wording.span(event.start, event.end)), \(Wording.signed(weekly)) a week, \(comparison)\(engagement(event))."
        return event
    }
}
