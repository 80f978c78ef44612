import Testing
@testable import TrackerDetect

/// A gauge observed every five minutes whose days repeat (a server's office hours, quiet weekends):
/// the morning's rise is no anomaly, a day unlike the same time on the days before is.
@Suite struct RepeatingDayTests {
    static let step: Int64 = 300
    static let perDay = Int(DailySeries.day / step)

    /// Four weeks from Monday 2024-01-01: 20 at night and all weekend, 80 from 09:00 to 18:00 on
    /// weekdays (`office` overrides a day's), with noise of 2.
    static func load(office: [Int: Double] = [:]) -> Series {
        var random = SplitMix64(seed: 5)
        var times: [Int64] = [], values: [Double] = []
        for i in 0..<(28 * perDay) {
            let day = i / perDay, hour = (i % perDay) / 12
            let working = day % 7 < 5 && (9..<18).contains(hour)
            times.append(DailySeries.start + Int64(i) * step)
            values.append((working ? office[day] ?? 80 : 20) + 2 * random.normal())
        }
        return Series(metric: "cpu", times: times, values: values)
    }

    static func time(day: Int, hour: Int) -> Int64 { DailySeries.start + Int64(day) * DailySeries.day + Int64(hour) * 3600 }

    /// The first two mornings are news (nothing before rose); from the third day on, each morning's
    /// rise is no higher than two days' peaks, and from the second week on every weekday and weekend
    /// is explained by the days (and the weekends) before.
    @Test func morningsAndWeekendsThatRepeatAreNoAnomalies() {
        let found = detect(Self.load())
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.detectedAt < Self.time(day: 2, hour: 0) })
    }

    @Test func aDayThatPeaksHalfAsHighAgainIsASpike() throws {
        let found = detect(Self.load(office: [17: 120]))
        let spike = try #require(found.first { $0.detectedAt >= Self.time(day: 7, hour: 0) })
        #expect(spike.kind == .spike)
        #expect(spike.detectedAt == Self.time(day: 17, hour: 9))
        // It lasts the working day, judged against the days before it began.
        #expect(spike.end == Self.time(day: 17, hour: 18) - Self.step)
        #expect(spike.explanation.contains("usual at that time of day"))
        #expect(found.filter { $0.detectedAt >= Self.time(day: 7, hour: 0) }.count == 1)
    }

    /// A weekday that stays as quiet as a night (a server down) differs from the weekdays before it.
    @Test func aWorkdayThatStaysQuietIsADrop() throws {
        let found = detect(Self.load(office: [16: 20]))
        let drop = try #require(found.first { $0.detectedAt >= Self.time(day: 7, hour: 0) })
        #expect(drop.kind == .drop)
        #expect(drop.detectedAt == Self.time(day: 16, hour: 9))
        #expect(drop.end == Self.time(day: 16, hour: 18) - Self.step)
        #expect(abs(drop.before - 80) < 5)
    }

    @Test func judgedDayByDayItIsTheSameEvents() {
        let series = [Self.load(office: [17: 120, 23: 20])]
        let detector = PageDetector()
        let all = detector.detect(series: series, from: .min, open: [])
        #expect(all.filter { $0.detectedAt >= Self.time(day: 7, hour: 0) }.count == 2)
        #expect(IncrementalTests.dayByDay(series, detector: detector).sorted(by: IncrementalTests.order)
                == all.sorted(by: IncrementalTests.order))
    }

    /// Office hours captured at uneven times (1 second to an hour apart, with outages of up to four
    /// days): a capture just after the 09:00 step meets, on the days before, one just before it at 20
    /// and one just after at 80, and lies within their range. Against the nearest capture alone,
    /// 27 alarms against the time of day were raised on these 20 series of 60 days.
    @Test func unevenCapturesMeetTheDailyStepBetweenTwo() {
        var alarms = 0
        for seed in UInt64(1)...20 {
            var random = SplitMix64(seed: seed)
            var times: [Int64] = [], values: [Double] = []
            var time = DailySeries.start
            while time < DailySeries.start + 60 * DailySeries.day {
                time += Int64(1 + random.int(3600))
                if random.int(2000) == 0 { time += Int64(random.int(4 * 86_400)) }
                times.append(time)
                values.append(((9..<18).contains(Int(time % 86_400 / 3600)) ? 80 : 20) + 3 * random.normal())
            }
            alarms += detect(Series(metric: "cpu", times: times, values: values)).filter(SeriesScan.isRepeatingDay).count
        }
        #expect(alarms <= 14)
    }
}
