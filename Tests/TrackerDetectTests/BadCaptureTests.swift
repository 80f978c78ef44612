import Testing
@testable import TrackerDetect

/// A count read wrong once, then right again: one event, worded as a bad capture, not a purge and a purchase.
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

    @Test func judgedDayByDayItIsTheSameEvent() {
        let series = [Self.misread(0)]
        let detector = PageDetector()
        #expect(IncrementalTests.dayByDay(series, detector: detector).sorted(by: IncrementalTests.order)
                == detector.detect(series: series, from: .min, open: []).sorted(by: IncrementalTests.order))
    }
}
