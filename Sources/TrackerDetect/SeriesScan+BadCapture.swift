extension SeriesScan {
    /// A count read wrong once (0, or another page's count) jumps away and comes straight back: the
    /// jump raised on the bad reading is re-worded as a likely bad capture and lowered to `info`, and
    /// the way back is no new jump. It is one when the way back is a jump the other way and the
    /// change from the capture before to the one after is usual. The event keeps its kind (the bad reading's direction) and `detected_at`; its
    /// span becomes the bad capture, and before and after the values around it.
    mutating func takesBackABadCapture(_ i: Int, usual: Usual, quantum: Double, threshold: Double) -> Bool {
        for kind in [AnomalyKind.spike, .drop] {
            guard var event = log.open[kind], event.detectedAt == t[i - 1], event.end == t[i - 1],
                  event.start == t[i - 2] else { continue }
            // There and back: the reading lies beyond both neighbours, the way back is a jump the
            // other way, and it lands where the capture before pointed.
            let sign: Double = kind == .spike ? 1 : -1
            // Floored at the level before the bad reading, which may be 0.
            let noise = floored(usual.moveNoise, level: v[i - 2], quantum: quantum, rate: usual.rate)
            let away = usual.excess(of: v[i] - v[i - 1], from: t[i - 1], to: t[i])
            guard sign * (v[i - 1] - v[i - 2]) > 0, -sign * (v[i] - v[i - 1]) > 0,
                  -sign * away >= threshold * noise * days(i - 1, i).squareRoot(),
                  landsOnCourse(from: i - 2, to: i, usual: usual, quantum: quantum, threshold: threshold) else { return false }
            let name = Wording.metricName(series.metric)
            event.start = t[i - 1]
            event.before = v[i - 2]
            event.after = v[i]
            event.severity = .info
            event.explanation = "\(name) read \(Wording.count(v[i - 1])) on \(Wording.date(t[i - 1])), where the "
                + "captures before and after read \(Wording.count(v[i - 2])) and \(Wording.count(v[i])): "
                + "most likely a bad capture, not a change of audience."
            log.extend(event)
            return true
        }
        return false
    }

    /// A capture served from a cache repeats the count for days, then the next one catches up: the
    /// stand-still was raised (a count that stands still), and the catch-up, days of growth in one
    /// interval, would read as bought followers. When the change across the stand-still is usual,
    /// the catch-up is no jump, and the stand-still's event says it was most likely a stale capture
    /// (lowered to `info`, its `after` the value that caught up).
    mutating func catchesUpAStaleCapture(_ i: Int, usual: Usual, quantum: Double, threshold: Double) -> Bool {
        guard v[i] != v[i - 1], v[i - 1] == v[i - 2] else { return false }
        for kind in [AnomalyKind.spike, .drop] {
            guard var event = log.open[kind], event.end == t[i - 1], event.before == v[i - 1],
                  event.after == v[i - 1] else { continue }
            let start = index(of: event.start)
            guard landsOnCourse(from: start, to: i, usual: usual, quantum: quantum, threshold: threshold) else { return false }
            let name = Wording.metricName(series.metric)
            event.after = v[i]
            event.severity = .info
            event.explanation = "\(name) stood at \(Wording.count(v[start])) \(Wording.span(event.start, event.end)), then "
                + "read \(Wording.count(v[i])) on \(Wording.date(t[i])), back on its usual course "
                + "(\(Wording.signed(usual.rate.rounded())) a day): most likely a stale capture, not a change of audience."
            log.extend(event)
            return true
        }
        return catchesUpAnUnraisedStandStill(i, usual: usual, quantum: quantum, threshold: threshold)
    }

    /// A stand-still too short to be raised (a page captured every hour, frozen for a day) still
    /// puts hours of growth into one interval when it ends. When the stand-still fell 3 noises short
    /// of the usual course (no chance repeat of a count) and the catch-up lands back on it, the
    /// catch-up is no jump either. Not on a rounded count, nor on a page that rests on many days,
    /// whose repeats are its habit.
    private func catchesUpAnUnraisedStandStill(_ i: Int, usual: Usual, quantum: Double, threshold: Double) -> Bool {
        guard quantum == 1, usual.moveNoise <= usual.noise else { return false }
        var start = i - 2
        while start > 0, v[start - 1] == v[i - 1], t[i] - t[start - 1] <= DetectionSettings.surgeDays * 86_400 { start -= 1 }
        let noise = floored(usual.moveNoise, level: v[start], quantum: quantum, rate: usual.rate)
        let shortfall = abs(usual.excess(of: 0, from: t[start], to: t[i - 1]))
        return shortfall >= DetectionSettings.paceScreen * noise * days(start, i - 1).squareRoot()
            && landsOnCourse(from: start, to: i, usual: usual, quantum: quantum, threshold: threshold)
    }

    /// Whether the interval ending at `b` came back from a bad or stale capture: an event of either
    /// kind ended at the capture before, its `after` re-read as this capture's value.
    func followsARereading(_ b: Int) -> Bool {
        [AnomalyKind.spike, .drop].contains { kind in
            guard let event = log.open[kind] else { return false }
            return event.end == t[b - 1] && event.after == v[b] && event.after != v[b - 1]
        }
    }

    /// Whether the capture at `i` lands where the usual course from `a` points: the change across
    /// is within the bar, in the noise floored at the level of `a` (which may be 0).
    private func landsOnCourse(from a: Int, to i: Int, usual: Usual, quantum: Double, threshold: Double) -> Bool {
        let noise = floored(usual.moveNoise, level: v[a], quantum: quantum, rate: usual.rate)
        return abs(usual.excess(of: v[i] - v[a], from: t[a], to: t[i])) < threshold * noise * days(a, i).squareRoot()
    }
}
