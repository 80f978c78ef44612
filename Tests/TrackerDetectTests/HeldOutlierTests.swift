import Testing
@testable import TrackerDetect

/// A gauge that falls and stays down for hours (a machine's temperature when its cooling fails) is
/// one drop that lasts those hours, judged against the level it left: not one value, and not a
/// fall that the sliding window takes for the usual level after a while.
@Suite struct HeldOutlierTests {
    static let fall = 4 * 288 + 240  // the 5-minute reading at 20:00 on day 4
    static let held = 96             // 8 hours of readings, into day 5

    /// Readings every five minutes around 85 for six days, 25 lower from `fall` for `held` readings.
    static func temperature() -> Series {
        var random = SplitMix64(seed: 3)
        var times: [Int64] = [], values: [Double] = [], wander = 0.0
        for k in 0..<(6 * 288) {
            wander = 0.95 * wander + 0.5 * random.normal()
            times.append(AudienceSimulator.epoch + Int64(k) * 300)
            values.append(85 + wander - ((fall..<(fall + held)).contains(k) ? 25 : 0))
        }
        return Series(metric: "temperature", times: times, values: values)
    }

    @Test func aFallThatHoldsForHoursIsOneDropThatLastsThem() throws {
        let series = Self.temperature()
        let found = PageDetector().detect(series: [series], from: .min, open: [])
        let drop = try #require(found.first)
        #expect(found.count == 1)
        #expect(drop.kind == .drop)
        #expect(drop.start == series.times[Self.fall])
        #expect(drop.end == series.times[Self.fall + Self.held - 1])
        #expect(drop.explanation.contains("from 2020-01-05 20:00 to 2020-01-06 03:55"), "\(drop.explanation)")
    }

    @Test func judgedDayByDayItIsTheSameDrop() {
        let series = [Self.temperature()]
        let detector = PageDetector()
        let all = detector.detect(series: series, from: .min, open: [])
        #expect(IncrementalTests.dayByDay(series, detector: detector).sorted(by: IncrementalTests.order)
                == all.sorted(by: IncrementalTests.order))
    }
}
