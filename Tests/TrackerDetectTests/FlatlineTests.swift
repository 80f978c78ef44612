import Testing
@testable import TrackerDetect

/// A gauge that stops moving: a stale capture more often than a still audience.
@Suite struct FlatlineTests {
    /// A daily engagement rate (five decimals, never twice the same) that repeats one value from
    /// day 100 to day `stuckUntil`, or a count per day shown as a whole number.
    static func stuck(metric: String = "engagement_rate", level: Double = 0.05, decimals: Double = 1e5,
                      stuckUntil: Int = 108, at stuckValue: Double? = nil) -> Series {
        var random = SplitMix64(seed: 3)
        var value = level, times: [Int64] = [], values: [Double] = []
        for d in 0..<160 {
            if !(101...stuckUntil).contains(d) { value = level * (1 + 0.1 * random.normal()) }
            if let stuckValue, (100...stuckUntil).contains(d) { value = stuckValue }
            times.append(DailySeries.time(ofDay: d))
            values.append((value * decimals).rounded() / decimals)
        }
        return Series(metric: metric, times: times, values: values)
    }

    @Test func aRateThatStopsMovingIsAFlatlineFromItsFirstRepeatToItsLast() throws {
        let series = Self.stuck()
        let found = detect(series).filter { $0.kind == .flatline }
        let event = try #require(found.first)
        #expect(found.count == 1)
        // It moved on all 48 steps before: each still step is a 1-in-98 chance, so 4 of them pass 6.
        #expect(event.start == DailySeries.time(ofDay: 100))
        #expect(event.detectedAt == DailySeries.time(ofDay: 104))
        #expect(event.end == DailySeries.time(ofDay: 108))
        #expect(event.after == series.values[100] && event.before == series.values[99])
        #expect(event.severity == .info)
        #expect(event.explanation == "engagement rate stayed at exactly \(Wording.value(event.after, of: "engagement_rate")) "
            + "from 2024-04-10 06:00 to 2024-04-18 06:00, where it had moved on 48 of the 48 observations before: "
            + "a value that stands still may come from a stale capture.")
    }

    @Test func threeRepeatsAreChanceAndHighSensitivityAsksFewer() {
        #expect(!detect(Self.stuck(stuckUntil: 103)).contains { $0.kind == .flatline })
        #expect(detect(Self.stuck(stuckUntil: 103), sensitivity: 2).contains { $0.kind == .flatline })
    }

    /// A rate shown with two decimals rests on many days: its repeats are its habit.
    @Test func aValueThatOftenRestsIsNoFlatline() {
        #expect(!detect(Self.stuck(level: 0.05, decimals: 100, stuckUntil: 112)).contains { $0.kind == .flatline })
    }

    /// A count per interval of about n repeats by chance once in 2√(πn) steps: 0 is quiet, 6 a day
    /// may repeat four times, but hundreds a day that stop moving are stuck.
    @Test func countsAreJudgedAsCounts() {
        #expect(!detect(Self.stuck(metric: "mentions", level: 40, decimals: 1, stuckUntil: 130, at: 0)).contains { $0.kind == .flatline })
        #expect(detect(Self.stuck(metric: "mentions", level: 40, decimals: 1, stuckUntil: 130, at: 41)).contains { $0.kind == .flatline })
        #expect(!detect(Self.stuck(metric: "mentions", level: 6, decimals: 1, stuckUntil: 105)).contains { $0.kind == .flatline })
        #expect(detect(Self.stuck(metric: "mentions", level: 600, decimals: 1, stuckUntil: 105)).contains { $0.kind == .flatline })
    }

    /// An hourly rate that rests at its cap of 0.08 for ten hours every day, and on day 15 for 40.
    static func cappedDaily() -> Series {
        var random = SplitMix64(seed: 5)
        var times: [Int64] = [], values: [Double] = []
        for hour in 0..<(20 * 24) {
            let capped = hour % 24 >= 8 && hour % 24 < 18 || (15 * 24 + 8..<15 * 24 + 48).contains(hour)
            times.append(DailySeries.start + Int64(hour) * 3600)
            values.append(capped ? 0.08 : ((0.05 + 0.005 * random.normal()) * 1e5).rounded() / 1e5)
        }
        return Series(metric: "engagement_rate", times: times, values: values)
    }

    /// A plateau the gauge reaches every day is its habit; a rest that outlasts it is raised.
    @Test func aDailyRestIsNoFlatlineUntilItOutlastsItsHabit() throws {
        let found = detect(Self.cappedDaily()).filter { $0.kind == .flatline }
        let day = { (time: Int64) in Int((time - DailySeries.start) / DailySeries.day) }
        #expect(!found.contains { (1..<15).contains(day($0.start)) })
        let event = try #require(found.first { day($0.start) == 15 })
        #expect(event.detectedAt > event.start + 9 * 3600)
        #expect(event.end == event.start + 39 * 3600)
    }

    @Test(arguments: [stuck(), cappedDaily()])
    func judgedDayByDayItIsTheSameEvent(_ stuck: Series) {
        let series = [stuck]
        let detector = PageDetector()
        #expect(IncrementalTests.dayByDay(series, detector: detector).sorted(by: IncrementalTests.order)
                == detector.detect(series: series, from: .min, open: []).sorted(by: IncrementalTests.order))
    }
}
