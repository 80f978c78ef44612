import Foundation

extension SeriesScan {
    /// Flatline: a gauge stays at exactly one value for longer than its habit of moving explains.
    /// The chance of a run is the share of the `gaugeWindow` steps before it that did not move
    /// (with half a step of doubt, so that a window that always moved still allows some stillness),
    /// raised to the run's steps; the score is that chance in powers of ten (6: one in a million),
    /// judged against the gauge threshold. A value that often rests (a rate with two decimals) never
    /// builds a score, and a count of n per interval repeats by chance about once in 2√(πn) steps
    /// (Poisson), however rarely it did before: one that sits at 0 is quiet, not stuck. Nor is a run
    /// stuck while it is no longer than the gauge's rests at that value over the `restHabitDays`
    /// before it (a plateau it reaches every day), the habit being looked up only once a run scores.
    mutating func checkFlatline(_ i: Int) {
        guard v[i] == v[i - 1] else { return }
        if var event = log.continuing(.flatline, previous: t[i - 1]) {
            // Only the span changes: the rest was worked out from the window before the run.
            let span = Wording.interval(event.start, event.end)
            event.end = t[i]
            event.explanation = event.explanation.replacingOccurrences(of: span, with: Wording.interval(event.start, event.end))
            log.extend(event)
            return
        }
        // Where the run began: remembered from the step before while it goes on unraised (a count
        // sitting at 0 for months would otherwise be walked back over at every step).
        let continued = flatRun?.end == i - 1 ? flatRun : nil
        var first = continued?.first ?? i - 1
        while first > 0, v[first - 1] == v[i] { first -= 1 }
        flatRun = (end: i, first: first, habit: continued?.habit)
        guard let from = gaugeWindowStart(before: first) else { return }
        // The steps j-1 → j for j in from+1...first: the window's own, and the step into the run.
        var moved = 0
        for j in (from + 1)...first where v[j] != v[j - 1] { moved += 1 }
        let steps = first - from
        var still = 1 - (Double(moved) + 0.5) / Double(steps + 1)
        if !isRate, v[i] == v[i].rounded() { still = max(still, min(1, 1 / (2 * (Double.pi * v[i]).squareRoot()))) }
        let score = Double(i - first) * -log10(still)
        guard score >= threshold else { return }
        let habit = flatRun?.habit ?? longestRest(at: v[i], before: first)
        flatRun?.habit = habit
        guard i - first > habit else { return }
        let name = Wording.metricName(series.metric)
        let explanation = "\(name) stayed at exactly \(Wording.value(v[i], of: series.metric)) \(Wording.interval(t[first], t[i])), "
            + "where it had moved on \(moved) of the \(steps) observations before: a value that stands still "
            + "may come from a stale capture."
        log.raise(Anomaly(metric: series.metric, kind: .flatline, start: t[first], end: t[i], detectedAt: t[i],
                          severity: .info, score: score, before: v[first - 1], after: v[i], explanation: explanation))
    }

    /// The most steps of one run at `value` that ended in the `restHabitDays` before index `j`.
    private func longestRest(at value: Double, before j: Int) -> Int {
        var longest = 0, run = 0
        for k in index(of: t[j] - DetectionSettings.restHabitDays * 86_400)..<j {
            run = k > 0 && v[k] == value && v[k - 1] == value ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
