/// Dilution: the audience grows by a quarter or more while the engagement rate falls so far that
/// the engaged audience (audience × rate) does not grow: the newcomers never engage.
/// Judged on the times where both are observed; confirmed after at least 3 intervals and 21 days.
struct DilutionScan {
    let audience: Series
    let times: [Int64]
    let size: [Double]
    let rate: [Double]
    let threshold: Double
    var open: Anomaly?
    /// Surges of the audience: a dilution during one is measured from the surge's start.
    let surges: [Anomaly]

    static let minimumGrowth = 0.25
    static let minimumRateFall = 0.2

    init(audience: Series, rate: Series, settings: DetectionSettings, open: Anomaly?, surges: [Anomaly]) {
        self.surges = surges
        self.audience = audience
        var times: [Int64] = [], size: [Double] = [], rates: [Double] = []
        var j = 0
        for (i, time) in audience.times.enumerated() {
            while j < rate.count && rate.times[j] < time { j += 1 }
            if j < rate.count, rate.times[j] == time {
                times.append(time)
                size.append(audience.values[i])
                rates.append(rate.values[j])
            }
        }
        self.times = times
        self.size = size
        self.rate = rates
        threshold = settings.threshold
        self.open = open
    }

    mutating func run(from: Int64) -> [Anomaly] {
        var results: [Anomaly] = []
        var i = 0
        while i < times.count && times[i] < from { i += 1 }
        while i < times.count {
            if let event = step(i) {
                if let last = results.last, last.detectedAt == event.detectedAt { results.removeLast() }
                results.append(event)
                open = event
            }
            i += 1
        }
        return results
    }

    private func engaged(_ i: Int) -> Double { size[i] * rate[i] }

    /// The first joint observation at or after `time`.
    private func index(atOrAfter time: Int64) -> Int { times.lowerBound(of: time) }

    private func holds(_ a: Int, _ i: Int) -> Bool {
        size[a] > 0 && rate[a] > 0
            && size[i] >= size[a] * (1 + Self.minimumGrowth)
            && rate[i] <= rate[a] * (1 - Self.minimumRateFall)
            && smoothedRate(i, now: i) <= smoothedRate(a, now: i) * (1 - Self.minimumRateFall)
            && engaged(i) <= engaged(a)
    }

    /// Growth well beyond what the audience did before: organic growth dilutes nothing.
    private func accelerated(_ a: Int, _ i: Int) -> Bool {
        let usual = max(usualGrowthPerDay(before: a), 0) * Double(times[i] - times[a]) / 86_400
        return size[i] - size[a] >= 2 * usual
    }

    /// The median engagement rate of an observation and its neighbours known at `now` (the two before
    /// it, for the latest): one noisy reading decides nothing.
    private func smoothedRate(_ j: Int, now i: Int) -> Double {
        let range = j == i ? max(0, i - 2)...i : max(0, j - 1)...min(i, j + 1)
        let x = rate[range.lowerBound], y = rate[range.upperBound]
        guard range.count == 3 else { return max(x, y) }
        let z = rate[range.lowerBound + 1]
        return max(min(x, y), min(max(x, y), z))  // the median of three
    }

    private func step(_ i: Int) -> Anomaly? {
        guard i > 0 else { return nil }
        if var event = open, event.end == times[i - 1], times[i] - event.start <= DetectionSettings.dilutionDays * 86_400 {
            let a = index(atOrAfter: event.start)
            // Goes on while the audience still grows faster than before the event.
            let usual = usualGrowthPerDay(before: a)
            let recent = (size[i] - size[i - 1]) / (Double(times[i] - times[i - 1]) / 86_400)
            guard holds(a, i), recent > max(2 * usual, 0) else { return nil }
            event.end = times[i]
            event.after = size[i]
            return described(event, a, i)
        }
        // During a known surge, measured from its start: the newcomers are the surge's.
        if let surge = surges.first(where: { $0.detectedAt <= times[i] && times[i] <= $0.end }),
           case let a = index(atOrAfter: surge.start), a < times.count, times[a] == surge.start {
            guard a < i, open.map({ $0.end < times[a] }) ?? true, holds(a, i) else { return nil }
            let event = Anomaly(metric: audience.metric, kind: .dilution, start: times[a], end: times[i], detectedAt: times[i],
                                severity: .warning, score: 0, before: size[a], after: size[i], explanation: "")
            return described(event, a, i)
        }
        // Otherwise from the peak of the engaged audience among the starts that qualify.
        let earliest = index(atOrAfter: times[i] - DetectionSettings.dilutionDays * 86_400)
        // No start can qualify unless the audience grew a quarter above its smallest size since then.
        guard i >= 3, let smallest = size[earliest...(i - 3)].min(), size[i] >= smallest * (1 + Self.minimumGrowth) else {
            return nil
        }
        var best: Int?
        for a in earliest..<i where i - a >= 3 && times[i] - times[a] >= 21 * 86_400 && holds(a, i) && accelerated(a, i) {
            if let last = open, last.end >= times[a] { continue }  // already reported
            if best.map({ engaged(a) > engaged($0) }) ?? true { best = a }
        }
        guard let a = best else { return nil }
        let event = Anomaly(metric: audience.metric, kind: .dilution, start: times[a], end: times[i], detectedAt: times[i],
                            severity: .warning, score: 0, before: size[a], after: size[i], explanation: "")
        return described(event, a, i)
    }

    private func usualGrowthPerDay(before a: Int) -> Double {
        let from = index(atOrAfter: times[a] - 28 * 86_400)
        guard a > from else { return 0 }
        return (size[a] - size[from]) / (Double(times[a] - times[from]) / 86_400)
    }

    private func described(_ event: Anomaly, _ a: Int, _ i: Int) -> Anomaly {
        var event = event
        let growth = size[i] / size[a] - 1
        event.score = threshold * growth / Self.minimumGrowth
        event.severity = growth >= 1 && engaged(i) < engaged(a) * 0.9 ? .critical : .warning
        let name = Wording.metricName(audience.metric)
        let verb = engaged(i) < engaged(a) * 0.98 ? "shrank" : "stayed flat"
        event.explanation = "\(name) rose \(Wording.count(size[a])) → \(Wording.count(size[i])) "
            + "(\(Wording.percent(from: size[a], to: size[i]))) \(Wording.span(times[a], times[i])) while engagement rate fell "
            + "\(Wording.decimal(rate[a])) → \(Wording.decimal(rate[i])): the engaged audience \(verb) from "
            + "\(Wording.count(engaged(a))) to \(Wording.count(engaged(i)))."
        return event
    }
}
