import Foundation

/// What a running total's change at one observation is judged against, worked out once for both
/// directions.
struct JumpBar {
    let usual: Usual
    /// The noise of one change, floored.
    let noise: Double
    /// A rounded count's change is off by less than one step whatever the audience did: that much
    /// of an excess is rounding (`slack`), and the rest is judged against the audience's own noise
    /// (the measured noise without the rounding's share, a step²/6). Elsewhere: excess / noise.
    let ownNoise: Double
    let slack: Double
    let minimum: Double
    let threshold: Double
    /// The last interval's change beyond the usual, and a running surge's pace beyond the usual rate.
    let usualExcess: Double
    let surgeExtra: Double

    /// After a surge the baseline holds its pace, and growth back at its old pace is no drop (nor a
    /// decline that slows a spike): a change against the usual's direction is judged against no
    /// growth at all (a purge of the contest's fake accounts still falls).
    func againstNoGrowth(_ kind: AnomalyKind, _ change: Double, from: Int64, to: Int64) -> JumpBar {
        guard kind == .drop ? usual.rate > 0 : usual.rate < 0 else { return self }
        var flat = usual
        flat.rate = 0
        return JumpBar(usual: flat, noise: noise, ownNoise: ownNoise, slack: slack, minimum: minimum, threshold: threshold,
                       usualExcess: flat.excess(of: change, from: from, to: to), surgeExtra: surgeExtra)
    }

    /// An excess over `days` in units of the noise, in its own direction.
    func z(_ excess: Double, days d: Double) -> Double {
        (excess >= 0 ? 1 : -1) * max(0, abs(excess) - slack) / (ownNoise * d.squareRoot())
    }
}

extension SeriesScan {
    /// Spike or drop of a running total: a change over one or two intervals (or the last day's, for
    /// a page captured several times a day) far beyond the usual change per day, judged in units of
    /// the usual day-to-day noise (scaled by √days for gaps).
    mutating func checkJump(_ i: Int) {
        guard i >= 3 else { return }
        guard let baseline = jumpBaseline(i) else { return checkYoungJump(i) }
        guard let bar = jumpBar(i, baseline) else { return }
        let afterSurge = recentSurge(before: t[i]), change = v[i] - v[i - 1]
        checkJump(.spike, i, afterSurge ? bar.againstNoGrowth(.spike, change, from: t[i - 1], to: t[i]) : bar)
        checkJump(.drop, i, afterSurge ? bar.againstNoGrowth(.drop, change, from: t[i - 1], to: t[i]) : bar)
    }

    // The helpers below are inlined: they split one check that runs on every observation of every
    // running total, and a full re-detection should not pay for the split.

    /// The bar for observation `i` against its week's baseline; nil when the change takes back a bad capture.
    @inline(__always) private mutating func jumpBar(_ i: Int, _ week: (Usual, barFactor: Double)) -> JumpBar? {
        let (baseline, barFactor) = week
        let q = quantum(max(0, i - DetectionSettings.baselineIncrements)...i)
        let level = v[i - 1]
        let noise = floored(baseline.moveNoise, level: level, quantum: q, rate: baseline.rate)
        let usual = q > 1 ? baseline : atRecentPace(baseline, i, noise: noise)
        let usualExcess = usual.excess(of: v[i] - v[i - 1], from: t[i - 1], to: t[i])
        let surgeExtra = surgeExtraPerDay(before: i, usual: usual.rate)
        // Ask more of a page whose ordinary days already went far (`tailFactor`).
        let threshold = max(self.threshold * barFactor, tailFactor * usual.tail / noise)
        if takesBackABadCapture(i, usual: usual, quantum: q, threshold: threshold)
            || catchesUpAStaleCapture(i, usual: usual, quantum: q, threshold: threshold) { return nil }
        let ownNoise = q > 1 ? max(floored(0, level: level, quantum: 1, rate: usual.rate),
                                   jumpRoundedNoise.flatMap { $0.quantum == q ? $0.noise : nil }
                                       ?? max(0, usual.moveNoise * usual.moveNoise - q * q / 6).squareRoot()) : noise
        return JumpBar(usual: usual, noise: noise, ownNoise: ownNoise, slack: q > 1 ? q : 0,
                       minimum: max(2 * q, 3, 5e-4 * level), threshold: threshold, usualExcess: usualExcess,
                       surgeExtra: surgeExtra)
    }

    /// One direction of the check: extends the jump under way, raises a new one, or does nothing.
    @inline(__always) private mutating func checkJump(_ kind: AnomalyKind, _ i: Int, _ bar: JumpBar) {
        let sign: Double = kind == .spike ? 1 : -1
        // While a surge runs, a jump its way is measured beyond the surge's own pace.
        let pace = sign * bar.surgeExtra > 0 ? bar.surgeExtra : 0
        let excess1 = bar.usualExcess - pace * days(i - 1, i)
        let z1 = bar.z(excess1, days: days(i - 1, i))
        // A jump within a day of the last one's end goes on with it (several captures a day
        // see one burst in steps); it lasts a day or two, more is a surge's business.
        if let event = log.open[kind], event.end < t[i], t[i] - event.end <= 86_400 {
            if let z = standsStillYet(kind, event, i, bar) {
                log.extend(jumpEvent(kind, from: event, to: i, score: max(event.score, z), usual: bar.usual.rate))
                return
            }
            if sign * z1 >= bar.threshold, sign * excess1 >= bar.minimum, days(max(0, index(of: event.start)), i) <= 3 {
                log.extend(jumpEvent(kind, from: event, to: i, score: max(event.score, sign * z1), usual: bar.usual.rate))
                return
            }
            if let z = burstGoesOn(kind, event, i, bar, pace: pace) {
                log.extend(jumpEvent(kind, from: event, to: i, score: z, usual: bar.usual.rate))
                return
            }
            if event.end == t[i - 1] { return }  // the tail of the last jump is no new one
        }
        if log.open[kind]?.end == t[i - 1] { return }  // the tail of the last jump is no new one
        guard let (start, score) = jumpStart(kind, i, bar, pace: pace, excess1: excess1, z1: z1)
                ?? dayJumpStart(kind, i, bar, pace: pace, excess1: excess1) else { return }
        // Less than a day after the last jump of this kind, and within its 3 days: the same burst.
        if let last = log.open[kind], t[start] - last.end <= 86_400, t[start] >= last.end,
           days(max(0, index(of: last.start)), i) <= 3 {
            log.extend(jumpEvent(kind, from: last, to: i, score: max(last.score, score), usual: bar.usual.rate))
            return
        }
        let event = Anomaly(metric: series.metric, kind: kind, start: t[start], end: t[i], detectedAt: t[i],
                            severity: .info, score: score, before: v[start], after: v[i], explanation: "")
        log.raise(jumpEvent(kind, from: event, to: i, score: score, usual: bar.usual.rate))
    }

    /// Where a jump of `kind` ending at `i` starts, and its score: the last interval alone, or the
    /// last two (a purchase delivered over two days: each must carry part of it); nil when neither is a jump.
    @inline(__always) private func jumpStart(_ kind: AnomalyKind, _ i: Int, _ bar: JumpBar, pace: Double, excess1: Double,
                           z1: Double) -> (Int, Double)? {
        let sign: Double = kind == .spike ? 1 : -1
        // The excess of the interval ending at `b`, beyond the usual change and the surge's pace.
        func excess(endingAt b: Int) -> Double {
            bar.usual.excess(of: v[b] - v[b - 1], from: t[b - 1], to: t[b]) - pace * days(b - 1, b)
        }
        func unusual(_ excess: Double, endingAt b: Int) -> Bool {
            sign * bar.z(excess, days: days(b - 1, b)) >= bar.threshold
        }
        let previousExcess = excess(endingAt: i - 1)
        // An unusual previous interval that was not raised (judged against last week's baseline,
        // or too small alone) began this jump: the jump spans both. After two unusual intervals
        // in a row that were judged and not raised, a third is a surge in the making; while the
        // series was too young to judge them, they are only the start of this jump.
        let previousUnusual = unusual(previousExcess, endingAt: i - 1)
        if previousUnusual, unusual(excess(endingAt: i - 2), endingAt: i - 2), hasJumpBaseline(i - 1) { return nil }
        if !previousUnusual, sign * z1 >= bar.threshold, sign * excess1 >= bar.minimum { return (i - 1, sign * z1) }
        // The way back of a bad capture, or a stale one's catch-up, is no part of a new jump.
        if followsARereading(i - 1) { return nil }
        let excess2 = excess1 + previousExcess
        let z2 = bar.z(excess2, days: days(i - 2, i))
        guard sign * z2 >= bar.threshold, sign * excess2 >= bar.minimum,
              sign * excess1 >= bar.noise * days(i - 1, i).squareRoot(),
              sign * previousExcess >= bar.noise * days(i - 2, i - 1).squareRoot(),
              log.open[kind]?.end != t[i - 1] else { return nil }
        return (i - 2, sign * z2)
    }

    /// A page captured several times a day sees a purchase delivered over the day in steps, none of
    /// them a jump alone: the change over the last day is judged as a daily page's would be. The
    /// jump starts where the day's steps stand farthest from the usual in units of their noise,
    /// which is where the delivery began (not where the day window happens to begin).
    @inline(__always) private func dayJumpStart(_ kind: AnomalyKind, _ i: Int, _ bar: JumpBar, pace: Double,
                                                excess1: Double) -> (Int, Double)? {
        let sign: Double = kind == .spike ? 1 : -1
        // Three intervals within the day, read before any search: most pages make one a day.
        guard i >= 3, t[i - 3] >= t[i] - 86_400, sign * excess1 > 0 else { return nil }
        let j = index(of: t[i] - 86_400)
        if let last = log.open[kind], last.end > t[j] { return nil }
        var best = (start: j, score: beyondUsual(from: j, to: i, sign: sign, bar, pace: pace))
        guard best.score.z >= bar.threshold, best.score.excess >= bar.minimum else { return nil }
        for k in (j + 1)..<(i - 1) {
            let candidate = beyondUsual(from: k, to: i, sign: sign, bar, pace: pace)
            if candidate.z > best.score.z, candidate.excess >= bar.minimum { best = (k, candidate) }
        }
        return (best.start, best.score.z)
    }

    /// A count that stood still and still does (a cache serving the same page for days) goes on
    /// with its stand-still for up to `surgeDays`, not a new one every three days: the score is the
    /// whole stand-still's, so that a catch-up is judged across all of it
    /// (`catchesUpAStaleCapture`). Nil when the event is no stand-still or the count moved.
    @inline(__always) private func standsStillYet(_ kind: AnomalyKind, _ event: Anomaly, _ i: Int, _ bar: JumpBar) -> Double? {
        guard event.before == event.after, v[i] == event.after,
              t[i] - event.start <= DetectionSettings.surgeDays * 86_400 else { return nil }
        let d = Double(t[i] - event.start) / 86_400
        return (kind == .spike ? 1 : -1) * bar.z(bar.usual.excess(of: 0, days: d, endingAt: t[i]), days: d)
    }

    /// On a page captured several times a day, a delivery spread over hours goes on after it was
    /// raised in steps that are no jump alone: the jump lasts while the change since its start
    /// stands ever farther from the usual in units of its noise (the new score), so it ends about
    /// where the delivery did. Nil when it does not, or on a page captured less often.
    @inline(__always) private func burstGoesOn(_ kind: AnomalyKind, _ event: Anomaly, _ i: Int, _ bar: JumpBar,
                                               pace: Double) -> Double? {
        guard i >= 3, t[i - 3] >= t[i] - 86_400 else { return nil }
        let sign: Double = kind == .spike ? 1 : -1
        let start = index(of: event.start)
        guard start < i, days(start, i) <= 3 else { return nil }
        let (z, excess) = beyondUsual(from: start, to: i, sign: sign, bar, pace: pace)
        return z > event.score && excess >= bar.minimum ? z : nil
    }

    /// The change from `k` to `i` beyond the usual and a running surge's pace, in the direction of
    /// `sign`, and that excess in units of its noise.
    @inline(__always) private func beyondUsual(from k: Int, to i: Int, sign: Double, _ bar: JumpBar,
                                               pace: Double) -> (z: Double, excess: Double) {
        let excess = sign * (bar.usual.excess(of: v[i] - v[k], from: t[k], to: t[i]) - pace * days(k, i))
        return (sign * bar.z(sign * excess, days: days(k, i)), excess)
    }

    /// The usual change against which observation `i` is judged: the last `baselineIncrements`
    /// increments (none older than `baselineDays`) before the current UTC week began, and how far
    /// above the threshold the bar lies for that baseline (`barFactor`). Computed once a week: the
    /// same for every observation of a week, whether judged day by day or all at once.
    mutating func jumpBaseline(_ i: Int) -> (Usual, barFactor: Double)? {
        let week = Usual.weekStart(t[i])
        if let cached = jumpBaselineCache, cached.week == week { return cached.value }
        var value: (Usual, barFactor: Double)?
        if let (oldest, end) = jumpBaselineSpan(week: week),
           let usual = usualChange(from: oldest, through: end, minimum: DetectionSettings.minimumJumpIncrements, forJumps: true) {
            value = (usual, Self.barFactor(increments: end - oldest + 1, days: days(oldest - 1, end)))
        }
        jumpBaselineCache = (week, value)
        return value
    }

    /// The observations whose increments make the jump baseline of `week`: the last
    /// `baselineIncrements` before it began, none older than `baselineDays`. A page captured many
    /// times a day makes those in days (an hourly one in under three): when they span less than
    /// `denseSpanDays`, its baseline is the increments of the last `denseBaselineDays` instead, as
    /// many weeks as a daily page's, so that its ordinary changes (the tail bar) and its noise are
    /// known from as much history.
    private func jumpBaselineSpan(week: Int64) -> (oldest: Int, end: Int)? {
        let end = index(of: week) - 1  // the last observation before the week
        guard end >= 2 else { return nil }
        var oldest = end - DetectionSettings.baselineIncrements + 1
        if oldest > 0, t[end] - t[oldest - 1] < DetectionSettings.denseSpanDays * 86_400 {
            oldest = index(of: t[end] - DetectionSettings.denseBaselineDays * 86_400) + 1
        }
        oldest = max(oldest, index(of: t[end] - DetectionSettings.baselineDays * 86_400) + 1, 1)
        return (oldest, end)
    }

    /// Whether observation `j` had a jump baseline (as `jumpBaseline` and `usualChange` count
    /// increments, without computing or caching it).
    private func hasJumpBaseline(_ j: Int) -> Bool {
        guard let (oldest, end) = jumpBaselineSpan(week: Usual.weekStart(t[j])),
              end - oldest + 1 >= DetectionSettings.minimumJumpIncrements else { return false }
        var increments = 0
        for k in oldest...end where dt[k] > 0 { increments += 1 }
        return increments >= DetectionSettings.minimumJumpIncrements
            && !Self.tooFewDays(span: days(oldest - 1, end), increments: increments)
    }

    /// The baseline moved to the pace of the last two weeks, for a change that already lies
    /// `paceScreen` noises from it (over one interval or two): a growth rate wanders for weeks, and
    /// the baseline spans nine weeks and ends where the week began, so a page growing faster (or
    /// slower) than it did would see its busy (or quiet) days as jumps. The pace is the median
    /// change per day beyond the baseline over the intervals of the last `paceDays`, each weighing
    /// its length (a burst captured every hour is a few hours of the two weeks, and a jump among
    /// them moves a median little); fewer than `paceIncrements` of them, as on a weekly page, leave
    /// the baseline as it is. So does rounding (`jumpBar`): the median of whole steps is no pace.
    @inline(__always) private func atRecentPace(_ baseline: Usual, _ i: Int, noise: Double) -> Usual {
        guard i >= 2 else { return baseline }
        let excess1 = baseline.excess(of: v[i] - v[i - 1], from: t[i - 1], to: t[i])
        let excess2 = excess1 + baseline.excess(of: v[i - 1] - v[i - 2], from: t[i - 2], to: t[i - 1])
        let screen = DetectionSettings.paceScreen * noise
        guard abs(excess1) >= screen * rootDt[i] || abs(excess2) >= screen * days(i - 2, i).squareRoot() else { return baseline }
        let first = max(1, index(of: t[i - 1] - DetectionSettings.paceDays * 86_400) + 1)
        guard i - first >= DetectionSettings.paceIncrements else { return baseline }
        var paces: [(value: Double, weight: Double)] = []
        paces.reserveCapacity(i - first)
        for j in first..<i where dt[j] > 0 {
            paces.append((baseline.excess(of: v[j] - v[j - 1], days: dt[j], endingAt: t[j]) / dt[j], dt[j]))
        }
        guard paces.count >= DetectionSettings.paceIncrements else { return baseline }
        var usual = baseline
        usual.rate += Robust.weightedMedian(&paces)
        return usual
    }

    /// How far above the threshold a jump's bar lies, for a baseline of `n` increments over `days`.
    /// A noise measured on few increments is uncertain: a young series is asked more
    /// (`fewIncrementsFactor`). A page captured every few days makes fewer changes a year: each is
    /// asked less, so that it raises as many false alarms a year as a daily page (for normal tails,
    /// the bar t' with t'² = t² − 2 ln(days between captures) for the default threshold t); one
    /// captured several times a day makes more, and each is asked more (hourly: 1.14 times).
    static func barFactor(increments n: Int, days: Double) -> Double {
        let interval = max(1.0 / 1_440, days / Double(n)), t = DetectionSettings.defaultCountThreshold
        return fewIncrementsFactor(n) * max(0.5, 1 - 2 * Foundation.log(interval) / (t * t)).squareRoot()
    }

    /// √(1 + 5/n): how much more a bar asks when the noise it counts in was measured on `n` increments.
    static func fewIncrementsFactor(_ n: Int) -> Double { (1 + 5 / Double(n)).squareRoot() }

    /// The change per day beyond the usual `rate` of a surge that reached the observation before
    /// `i` (0 when none did).
    func surgeExtraPerDay(before i: Int, usual rate: Double) -> Double {
        guard let surge = log.surgeSpan, surge.end == t[i - 1] else { return 0 }
        return (surge.after - surge.before) / max(Double(surge.end - surge.start) / 86_400, 1) - rate
    }

    /// Whether a surge was under way in the last `surgeDays`.
    func recentSurge(before time: Int64) -> Bool {
        guard let surge = log.surgeSpan else { return false }  // the open surge's span, without a lookup
        return surge.end >= time - DetectionSettings.surgeDays * 86_400
    }

    /// The index of the observation at `time` (or the first after it).
    func index(of time: Int64) -> Int { series.firstIndex(atOrAfter: time) }

    private func jumpEvent(_ kind: AnomalyKind, from event: Anomaly, to i: Int, score: Double, usual: Double) -> Anomaly {
        var event = event
        event.end = t[i]
        event.after = v[i]
        event.score = score
        let change = event.after - event.before
        let relative = event.before > 0 ? abs(change) / event.before : 1
        event.severity = Self.severity(score: score, threshold: threshold, relative: relative)
        let name = Wording.metricName(series.metric)
        let values = Wording.countChange(event)
        let noise = "(\(Wording.decimal(score)) times the day-to-day noise)"
        if kind == .spike ? change > 0 : change < 0 {
            event.explanation = "\(name) \(kind == .spike ? "jumped" : "fell") \(values), "
                + "where a change of about \(Wording.signed(usual.rounded())) a day is usual \(noise)\(engagement(event))."
            return event
        }
        // Far from the usual change, but not in its own direction: a stall in steady growth (or in a steady decline).
        let expected = usual * Double(event.end - event.start) / 86_400
        let stall = change == 0 ? "stayed at \(Wording.count(event.before)) \(Wording.span(event.start, event.end))"
            : "\(change > 0 ? "grew only" : "fell only") \(values)"
        // A busy count that does not move at all is more often a cached page than a still audience.
        let stale = change == 0 ? ": a count that stands still may come from a stale capture" : ""
        event.explanation = "\(name) \(stall), where about \(Wording.signed(expected.rounded())) was usual over that time "
            + "(\(Wording.signed(usual.rounded())) a day; \(noise.dropFirst())\(stale)."
        return event
    }
}
