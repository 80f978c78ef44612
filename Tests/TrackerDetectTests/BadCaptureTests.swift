import Testing
@testable import TrackerDetect

/// A count read wrong once, then right again, or read stale for days, then caught up: one event,
/// worded as a bad or stale capture, not a purge and a purchase.
@Suite struct BadCaptureTests {
    static func misread(_ value: Double, onDay day: Int = 120) -> Series {
        var series = DailySeries(days: 150).make()
        series.values[day] = value
        return series
    }

    @Test(arguments: [0.0, 5_000, 100_000]) func aCountReadWrongOnceIsOneBadCapture(_ reading: Double) throws {
        let series = Self.misread(reading)
        let found = detect(series)
        let event = try #require(found.first)
        #expect(found.count == 1)
        #expect(event.kind == (reading < series.values[119] ? .drop : .spike))
        #expect(event.start == series.times[120] && event.end == series.times[120])
        #expect(event.detectedAt == series.times[120])  // raised then as a jump; re-worded the next day
        #expect(event.severity == .info)
        #expect(event.before == series.values[119] && event.after == series.values[121])
        #expect(event.explanation == "followers read \(Wording.count(reading)) on 2024-04-30 06:00, where the captures "
            + "before and after read \(Wording.count(series.values[119])) and \(Wording.count(series.values[121])): "
            + "most likely a bad capture, not a change of audience.")
    }

    /// Bought followers stay: the jump is kept as it was raised.
    @Test func aJumpThatStaysIsNoBadCapture() throws {
        var page = DailySeries(days: 150)
        page.changes[120] = 3_000
        let event = try #require(detect(page.make()).first)
        #expect(event.kind == .spike && event.severity != .info)
        #expect(event.explanation.hasPrefix("followers jumped"))
    }

    /// The day after the way back is judged on its own: a day a little above the usual is no
    /// jump "from" the bad reading (before, "jumped from 1,994,333 to 2,004,326 …, 6.42 times the
    /// day-to-day noise" on the bench data, 1,994,333 the bad reading).
    @Test(arguments: [-4_400.0, -2_000]) func theDayAfterTheWayBackIsNoJumpFromTheBadReading(_ misreading: Double) throws {
        var series = DailySeries(level: 2_000_000, growth: 1_460, noise: 300, seed: 4).make()
        series.values[150] += misreading
        for d in 152..<series.values.count { series.values[d] += 1.3 * 300 }  // a day a little above the usual
        let found = detect(series)
        #expect(found.count == 1, "\(found.map(\.explanation))")
        #expect(try #require(found.first).explanation.contains("most likely a bad capture"))
    }

    /// A cache serves the same count for days, then the next capture catches up with the growth:
    /// one stand-still, worded as a likely stale capture, not also a purchase. Before, the catch-up
    /// was a critical spike ("followers jumped from 80,143 to 81,374 (+1,231, +1.5%) …, 30.7 times
    /// the day-to-day noise"), and a stand-still of five days two events.
    @Test(arguments: [2, 3, 5]) func aStaleCaptureThatCatchesUpIsOneEvent(days stale: Int) throws {
        for seed in UInt64(1)...3 {
            var series = DailySeries(level: 50_000, growth: 200, noise: 30, seed: seed).make()
            for d in 150..<(150 + stale) { series.values[d] = series.values[149] }
            let found = detect(series)
            let event = try #require(found.first, "seed \(seed)")
            #expect(found.count == 1, "seed \(seed): \(found.map(\.explanation))")
            #expect(event.kind == .drop && event.severity == .info)
            #expect(event.start == series.times[149] && event.end == series.times[149 + stale])
            #expect(event.before == series.values[149] && event.after == series.values[150 + stale])
            #expect(event.explanation.hasPrefix("followers stood at \(Wording.count(series.values[149])) from 2024-05-29 06:00 to "))
            #expect(event.explanation.hasSuffix("most likely a stale capture, not a change of audience."))
            if seed == 1 {
                #expect(IncrementalTests.dayByDay([series], detector: PageDetector()).sorted(by: IncrementalTests.order)
                        == found.sorted(by: IncrementalTests.order))
            }
        }
    }

    /// A count that stands still and then leaps beyond its course was bought during the stand-still,
    /// or after it: the leap is still a spike.
    @Test func aLeapAfterAStandStillIsStillASpike() throws {
        var series = DailySeries(level: 50_000, growth: 200, noise: 30).make()
        for d in 150..<153 { series.values[d] = series.values[149] }
        for d in 153..<series.values.count { series.values[d] += 5_000 }
        #expect(detect(series).contains { $0.kind == .spike && $0.detectedAt == series.times[153] && $0.severity != .info })
    }

    @Test func judgedDayByDayItIsTheSameEvent() {
        let series = [Self.misread(0)]
        let detector = PageDetector()
        #expect(IncrementalTests.dayByDay(series, detector: detector).sorted(by: IncrementalTests.order)
                == detector.detect(series: series, from: .min, open: []).sorted(by: IncrementalTests.order))
    }
}
