extension SeriesScan {
    /// Follow churn: `following` rose fast by hundreds or thousands, then fell back by at least
    /// half the rise within `churnDays` (the confirmation delay): follow/unfollow farming.
    mutating func checkChurn(_ i: Int) {
        if var event = log.continuing(.followChurn, previous: t[i - 1]) {
            // Still unfollowing: the event goes on, for a bounded time (else a slow organic decline would).
            guard v[i] < v[i - 1], t[i] - event.start <= DetectionSettings.churnMaxDays * 86_400 else { return }
            event.end = t[i]
            event.after = v[i]
            log.extend(churnDescribed(event, peak: peak(index(of: event.start), i)))
            return
        }
        let windowStart = index(of: t[i] - DetectionSettings.churnDays * 86_400)
        guard windowStart < i - 1 else { return }
        let p = churnPeak.highest(windowStart, i - 1, in: v)
        // A rise of at least 50 that fell back by half: nothing to look for unless 25 below the peak.
        guard v[p] - v[i] >= 25 else { return }
        var low = p
        for j in index(of: t[p] - 30 * 86_400)...p where v[j] < v[low] { low = j }
        // The rise starts at the last observation still near the low.
        var a = low
        for j in low..<p where v[j] <= v[low] + 0.1 * (v[p] - v[low]) { a = j }
        if let last = log.open[.followChurn], last.end >= t[a] { return }  // this rise was reported
        let rise = v[p] - v[a], fall = v[p] - v[i]
        guard a < p, rise > 0, fall >= 0.5 * rise else { return }
        // The usual change before the rise, over at most `surgeBaselineDays`, as for surges.
        let oldest = max(a - DetectionSettings.baselineIncrements, index(of: t[a] - DetectionSettings.surgeBaselineDays * 86_400) + 1)
        let usual = usualChange(from: oldest, through: a)
        let noise = floored(usual?.noise ?? 0, level: v[a], quantum: 1)
        let score = (rise - max(0, usual?.rate ?? 0) * days(a, p)) / (noise * days(a, p).squareRoot())
        guard score >= threshold, rise >= max(50, 0.1 * v[a]) else { return }
        let event = Anomaly(metric: series.metric, kind: .followChurn, start: t[a], end: t[i], detectedAt: t[i],
                            severity: .info, score: score, before: v[a], after: v[i], explanation: "")
        log.raise(churnDescribed(event, peak: p))
    }

    /// The index of the highest value in [from, to].
    private func peak(_ from: Int, _ to: Int) -> Int {
        var best = from
        for j in from...to where v[j] > v[best] { best = j }
        return best
    }

    private func churnDescribed(_ event: Anomaly, peak p: Int) -> Anomaly {
        var event = event
        let rise = v[p] - event.before
        event.severity = rise >= 1000 || rise >= event.before ? .critical : .warning
        var text = "following jumped from \(Wording.count(event.before)) to \(Wording.count(v[p])) "
            + "(\(Wording.signed(rise))) \(Wording.span(event.start, t[p])) and fell back to \(Wording.count(event.after)) "
            + "by \(Wording.date(event.end))"
        if let followers = companion, let start = followers.value(atOrBefore: event.start),
           let end = followers.value(atOrBefore: event.end) {
            text += ", while followers went from \(Wording.count(start)) to \(Wording.count(end)) (\(Wording.signed(end - start)))"
        }
        event.explanation = text + ": the pattern of follow-back farming."
        return event
    }
}

extension Series {
    /// The last value observed at or before `time`.
    func value(atOrBefore time: Int64) -> Double? {
        let index = firstIndex(atOrAfter: time + 1) - 1
        return index >= 0 ? values[index] : nil
    }
}

/// The highest value of a window sliding forward (the first, if several), in amortised constant
/// time: indices of a decreasing run of values, the front being the window's peak.
struct SlidingPeak {
    private var queue: [Int] = []
    private var head = 0
    private var start = 0
    private var next = 0

    mutating func highest(_ from: Int, _ to: Int, in v: [Double]) -> Int {
        if from < start || next < from || next > to + 1 {  // the window jumped or went back: start again
            queue.removeAll(keepingCapacity: true)
            head = 0
            next = from
        }
        start = from
        while next <= to {
            while queue.count > head, v[queue[queue.count - 1]] < v[next] { queue.removeLast() }
            queue.append(next)
            next += 1
        }
        while queue[head] < from { head += 1 }
        if head > 4096 { queue.removeFirst(head); head = 0 }
        return queue[head]
    }
}
