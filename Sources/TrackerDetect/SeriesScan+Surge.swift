extension SeriesScan {
    /// Surge: over the last `surgeDays`, growth well above the usual growth measured before
    /// (before the surge's start while one is under way), and not the work of one jump.
    mutating func checkSurge(_ i: Int) {
        let a = index(of: t[i] - DetectionSettings.surgeDays * 86_400)
        guard a <= i - 3, days(a, i) >= 14 else { return }
        let ongoing = log.continuing(.surge, previous: t[i - 1])
        let baselineEnd = ongoing.map { index(of: $0.start) } ?? a
        let baselineStart = index(of: t[baselineEnd] - DetectionSettings.surgeBaselineDays * 86_400)
        guard baselineEnd - baselineStart >= 3, days(baselineStart, baselineEnd) >= 14,
              let usual = usualChange(increments: (baselineStart + 1)...baselineEnd) else { return }
        let level = v[a]
        let noise = floored(usual.noise, level: level, quantum: quantum(baselineStart...i))
        let span = days(a, i)
        let excess = v[i] - v[a] - usual.rate * span
        let score = abs(excess) / (noise * span.squareRoot())
        guard score >= threshold,
              abs(excess) >= max(0.5 * abs(usual.rate) * span, 0.02 * level, 10),
              largestTwoStepExcess(a, i, usual.rate, sign: excess > 0 ? 1 : -1) <= 0.6 * abs(excess),
              excess > 0 || v[i] < v[a]  // growth slowing back to normal is no decline
        else { return }
        if var event = ongoing, (event.after >= event.before) == (excess > 0) {
            event.end = t[i]
            event.after = v[i]
            event.score = max(event.score, score)
            log.extend(described(event, usualPerDay: usual.rate))
            return
        }
        let onset = onsetIndex(a, i, usual.rate, sign: excess > 0 ? 1 : -1)
        let event = Anomaly(metric: series.metric, kind: .surge, start: t[onset], end: t[i], detectedAt: t[i],
                            severity: .info, score: score, before: v[onset], after: v[i], explanation: "")
        log.raise(described(event, usualPerDay: usual.rate))
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

    /// Where the excess starts to accumulate: the low point of the cumulative excess in [a, i).
    private func onsetIndex(_ a: Int, _ i: Int, _ rate: Double, sign: Double) -> Int {
        var best = a, lowest = 0.0
        for j in a..<i {
            let cumulative = sign * (v[j] - v[a] - rate * days(a, j))
            if cumulative < lowest { lowest = cumulative; best = j }
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
            + "\(Wording.span(event.start, event.end)), \(Wording.signed(weekly)) a week, \(comparison)."
        return event
    }
}
