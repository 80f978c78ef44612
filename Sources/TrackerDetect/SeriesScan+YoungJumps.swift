extension SeriesScan {
    /// Spike or drop of a running total still too young for a jump baseline (fewer than
    /// `minimumJumpIncrements` increments before its week): its day-to-day noise cannot be measured
    /// yet, but a change out of all proportion to what the page did so far is news all the same
    /// (followers bought in a page's second week of tracking). Raised when the change is at least
    /// `youngShare` of the level in its own direction, twice the usual change over its interval, and
    /// `youngFactor`/n times as far from the median change per day as any of the n ≥
    /// `youngIncrements` increments before it (per √day, and never less than the noise floors). The
    /// farthest of a few departures understates the noise the fewer they are: for Student-t(8) noise,
    /// 40/n leaves about 5 in 10,000 ordinary changes over the bar for n from 5 to 9.
    ///
    /// Young: no observation between `baselineDays` and `youngDays` before this one, so tracking
    /// began (or resumed) less than `youngDays` ago. A page captured monthly never has a baseline
    /// either, but it is sparse, not young: its months are not judged this way.
    mutating func checkYoungJump(_ i: Int) {
        let window = index(of: t[i] - DetectionSettings.baselineDays * 86_400)
        guard window == index(of: t[i] - DetectionSettings.youngDays * 86_400) else { return }
        for kind in [AnomalyKind.spike, .drop] { checkYoungJump(kind, i, since: window) }
    }

    /// One direction, against the increments after observation `window` (`baselineDays` back).
    private mutating func checkYoungJump(_ kind: AnomalyKind, _ i: Int, since window: Int) {
        let sign: Double = kind == .spike ? 1 : -1
        // A jump delivered over several captures goes on while each keeps the pace, for up to 3
        // days as any jump (more is a surge's business); its own increments are not part of what it
        // is measured against.
        let continuing = log.continuing(kind, previous: t[i - 1])
        let start = continuing.map { index(of: $0.start) } ?? i - 1
        if continuing != nil, days(start, i) > 3 { return }
        guard let (rate, farthest, count) = youngHistory(from: window, through: start) else { return }
        let change = v[i] - v[i - 1], excess = change - rate * dt[i]
        let reach = max(farthest, floored(0, level: v[start], quantum: quantum(max(0, start - 7)...start), rate: rate))
        let score = sign * excess / (reach * rootDt[i])
        // At least a tenth of the level, and at least twice the usual change over the interval: a
        // few departures understate how far a page's growth wanders from month to month.
        guard sign * change >= DetectionSettings.youngShare * v[i - 1], abs(excess) >= abs(rate * dt[i]),
              score >= youngFactor / Double(count) else { return }
        if let event = continuing {
            log.extend(youngJumpEvent(kind, from: event, to: i, score: max(event.score, score), rate: rate, increments: count))
        } else {
            let event = Anomaly(metric: series.metric, kind: kind, start: t[i - 1], end: t[i], detectedAt: t[i],
                                severity: .info, score: score, before: v[i - 1], after: v[i], explanation: "")
            log.raise(youngJumpEvent(kind, from: event, to: i, score: score, rate: rate, increments: count))
        }
    }

    /// The median change per day of the increments between observations `oldest` and `last`, and
    /// the farthest any of them went from it (per √day); nil when fewer than `youngIncrements` make it.
    private func youngHistory(from oldest: Int, through last: Int) -> (rate: Double, farthest: Double, count: Int)? {
        let first = max(1, oldest + 1)
        guard last >= first else { return nil }
        var changes = (first...last).compactMap { dt[$0] > 0 ? perDay[$0] : nil }
        guard changes.count >= DetectionSettings.youngIncrements else { return nil }
        let rate = Robust.median(&changes)
        var farthest = 0.0
        for j in first...last where dt[j] > 0 {
            farthest = max(farthest, abs(v[j] - v[j - 1] - rate * dt[j]) / rootDt[j])
        }
        return (rate, farthest, changes.count)
    }

    private func youngJumpEvent(_ kind: AnomalyKind, from event: Anomaly, to i: Int, score: Double, rate: Double,
                                increments: Int) -> Anomaly {
        var event = event
        event.end = t[i]
        event.after = v[i]
        event.score = score
        let change = event.after - event.before
        event.severity = Self.severity(score: score, threshold: youngFactor / Double(increments),
                                       relative: abs(change) / max(event.before, 1))
        event.explanation = "\(Wording.metricName(series.metric)) \(kind == .spike ? "jumped" : "fell") "
            + "\(Wording.countChange(event)), \(Wording.decimal(score)) times as far from the usual change (\(Wording.signed(rate.rounded())) a day) "
            + "as any of the \(increments) changes before it: too few yet to measure the day-to-day noise"
            + "\(engagement(event))."
        return event
    }
}
