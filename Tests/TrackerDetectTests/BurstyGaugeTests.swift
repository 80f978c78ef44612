import Testing
@testable import TrackerDetect

/// A gauge observed every five minutes that bursts every day (tweets about a brand, traffic):
/// only a burst well beyond a typical day's peak is an anomaly.
@Suite struct BurstyGaugeTests {
    static let step: Int64 = 300
    static let perDay = Int(DailySeries.day / step)

    /// 20 days of a level of 20 with a daily burst of `dailyBurst` for an hour; `bursts` overrides a day's.
    static func mentions(bursts: [Int: Double] = [:], dailyBurst: Double = 100) -> Series {
        var random = SplitMix64(seed: 7)
        var times: [Int64] = [], values: [Double] = []
        for i in 0..<(20 * perDay) {
            let day = i / perDay, minute = (i % perDay) * 5
            let burst = (14 * 60..<15 * 60).contains(minute) ? bursts[day] ?? dailyBurst : 0
            times.append(DailySeries.start + Int64(i) * step)
            values.append(20 + burst + 3 * random.normal())
        }
        return Series(metric: "mentions", times: times, values: values)
    }

    static func raised(_ anomalies: [Anomaly], onDays days: ClosedRange<Int>) -> [Anomaly] {
        anomalies.filter { days.contains(Int(($0.detectedAt - DailySeries.start) / DailySeries.day)) }
    }

    @Test func aBurstOneAndAHalfTimesTheUsualDailyPeakIsNotAnAnomaly() {
        let found = detect(Self.mentions(bursts: [15: 150]))
        #expect(Self.raised(found, onDays: 10...19).isEmpty)
    }

    @Test func aBurstSixTimesTheUsualDailyPeakIsASpike() {
        let found = Self.raised(detect(Self.mentions(bursts: [15: 600])), onDays: 10...19)
        #expect(found.map(\.kind) == [.spike])
        #expect(found.first.map { $0.after > 500 } == true)
    }

    /// Two days of bursts are enough to know a typical day's: on day 3, a burst above the last
    /// 40 hours' but short of twice the usual daily peak is not news (it was, before 7 days were known,
    /// and before 3 were), while one six times the usual is.
    @Test func aTypicalDaysBurstIsKnownAfterTwoDays() {
        #expect(Self.raised(detect(Self.mentions(bursts: [2: 170])), onDays: 2...6).isEmpty)
        #expect(Self.raised(detect(Self.mentions(bursts: [2: 600])), onDays: 2...6).map(\.kind) == [.spike])
    }

    /// A gauge every five minutes at 20, with one value of 75 at midnight before day 8 (so that 60 is
    /// no outlier), that moves to 60 at 13:00 on day 8 for `minutes`.
    static func plateau(minutes: Int) -> Series {
        var random = SplitMix64(seed: 11)
        var times: [Int64] = [], values: [Double] = []
        let from = 8 * perDay + 13 * 12
        for i in 0..<(10 * perDay) {
            times.append(DailySeries.start + Int64(i) * step)
            let level = i == 8 * perDay ? 75.0 : (from..<(from + minutes / 5)).contains(i) ? 60 : 20
            values.append(level + 3 * random.normal())
        }
        return Series(metric: "mentions", times: times, values: values)
    }

    /// A new level must hold for an hour: three values five minutes apart are a burst's length.
    @Test func aNewLevelHoldsForAnHourBeforeItIsOne() throws {
        #expect(!detect(Self.plateau(minutes: 30)).contains { $0.kind == .levelShift })
        let shift = try #require(detect(Self.plateau(minutes: 360)).first { $0.kind == .levelShift })
        #expect(shift.detectedAt - shift.start >= 3600)
        #expect(shift.start == DailySeries.start + Int64(8 * Self.perDay + 13 * 12) * Self.step)
    }

    /// A count per five minutes that is nearly always 0 (a small brand's tweets) has no spread to
    /// measure: half a unit stands in, so one lone tweet is not an anomaly and a burst of 40 scores 80,
    /// not ten billion.
    @Test func aMostlyZeroCountIsJudgedAgainstHalfAUnit() {
        var times: [Int64] = [], values: [Double] = []
        for i in 0..<(10 * Self.perDay) {
            times.append(DailySeries.start + Int64(i) * Self.step)
            values.append(i == 9 * Self.perDay ? 1 : i == 9 * Self.perDay + 100 ? 40 : 0)
        }
        let found = detect(Series(metric: "mentions", times: times, values: values))
        #expect(found.map(\.kind) == [.spike])
        #expect(found.first?.after == 40)
        #expect(found.first?.score == 80)
    }

    /// An engagement rate that sat at exactly 0 (a dormant page) is still a fraction: its first
    /// engagement is not held to half a unit, and it does not score fifty million spreads either.
    @Test func aRateThatSatAtZeroHasNoUnit() {
        let times = (0..<80).map { DailySeries.time(ofDay: $0) }
        let values = (0..<80).map { $0 == 70 ? 0.05 : 0.0 }
        let found = detect(Series(metric: "engagement_rate", times: times, values: values))
        #expect(found.map(\.kind) == [.spike])
        #expect(found.first?.detectedAt == times[70])
        // No spread to count in: the score stops at 1,000, and the words say so.
        #expect(found.first?.score == 1_000)
        #expect(found.first?.explanation.contains("(more than 1,000 times the usual spread)") == true)
    }

    /// The daily peaks are worked out from the data alone: resuming after a cut, with the events
    /// raised so far open, gives what one run over everything gives.
    @Test func resumingAfterACutGivesTheSameAnomalies() {
        let series = Self.mentions(bursts: [12: 700, 16: 900])
        let detector = PageDetector()
        let all = detector.detect(series: [series], from: .min, open: [])
        let cut = DailySeries.start + 14 * DailySeries.day + 3600
        let kept = series.firstIndex(atOrAfter: cut + 1)
        let before = Series(metric: series.metric, times: Array(series.times[..<kept]), values: Array(series.values[..<kept]))
        let early = detector.detect(series: [before], from: .min, open: [])
        var open: [Anomaly] = []
        for (n, event) in early.enumerated() { var e = event; e.id = Int64(n + 1); open.append(e) }
        let later = detector.detect(series: [series], from: cut + 1, open: open)
        #expect(all.count >= 2)
        #expect(early.map(\.detectedAt) + later.filter { $0.id == nil }.map(\.detectedAt) == all.map(\.detectedAt))
    }

    /// The cron job's way: every day judged on its own, from the day's first value, with the latest
    /// event of each kind open. Every figure (scores and ends included) must equal one full run's,
    /// so the long-run spread may not depend on where a run starts.
    @Test func judgingDayByDayEqualsOneRunToTheLastDigit() {
        let series = Self.mentions(bursts: [9: 400, 12: 700, 16: 900])
        let detector = PageDetector()
        let all = detector.detect(series: [series], from: .min, open: [])
        var stored: [Anomaly] = []
        for day in 0..<20 {
            let from = DailySeries.start + Int64(day) * DailySeries.day
            let known = series.firstIndex(atOrAfter: from + DailySeries.day)
            let soFar = Series(metric: series.metric, times: Array(series.times[..<known]), values: Array(series.values[..<known]))
            var open: [AnomalyKind: Anomaly] = [:]
            for (n, event) in stored.enumerated() { var e = event; e.id = Int64(n); open[event.kind] = e }
            for event in detector.detect(series: [soFar], from: from, open: Array(open.values)) {
                var plain = event
                plain.id = nil
                if let id = event.id { stored[Int(id)] = plain } else { stored.append(plain) }
            }
        }
        #expect(all.count >= 3)
        #expect(stored == all)
    }
}

/// The long window's spread and extreme, kept as it slides, equal those computed from scratch.
@Suite struct RollingWindowTests {
    @Test(arguments: [1, 2, 7, 96, 97]) func slidingSpreadEqualsTheRobustSigma(_ width: Int) {
        var random = SplitMix64(seed: UInt64(width))
        // Rounded values: ties, and a long run of equal values in the middle.
        let values = (0..<400).map { i in (100 <= i && i < 180) ? 5 : (random.normal() * 4).rounded() / 2 }
        var window = RollingMedian()
        for end in width...values.count {
            window.move(to: (end - width)..<end, in: values)
            var copy = Array(values[(end - width)..<end])
            let center = Robust.median(&copy)
            let extreme = copy.map { abs($0 - center) }.max()!
            #expect(window.median == center)
            #expect(window.extreme == extreme)
            #expect(window.sigma == Robust.sigma(&copy, around: center))
        }
    }

    @Test(arguments: [3, 4, 5, 8, 9]) func medianWithoutOneEqualsTheMedianOfTheOthers(_ count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        for _ in 0..<50 {
            // Halves: ties are common, as among a weekday's rounded departures.
            let values = (0..<count).map { _ in (random.normal() * 3).rounded() / 2 }.sorted()
            let medians = MedianWithoutOne(sorted: values)
            var all = values
            #expect(medians.median == Robust.median(&all))
            for index in values.indices {
                var others = values
                others.remove(at: index)
                #expect(medians.without(values[index]) == Robust.median(&others), "\(values) without \(values[index])")
            }
        }
    }
}

/// The churn check's sliding peak equals a scan of the window, ties going to the first.
@Suite struct SlidingPeakTests {
    @Test func slidingPeakEqualsAScan() {
        var random = SplitMix64(seed: 11)
        let values = (0..<600).map { _ in Double(random.int(20)) }  // many ties
        var peak = SlidingPeak()
        var from = 0
        for to in 5..<values.count {
            from = min(to, max(from, to - 30 - random.int(40)))
            if random.int(50) == 0 { from = max(0, from - 10) }  // a window that goes back now and then
            let scan = (from...to).reduce(from) { values[$1] > values[$0] ? $1 : $0 }
            #expect(peak.highest(from, to, in: values) == scan)
        }
    }
}
