import Testing
@testable import TrackerDetect

/// The cron job judges each day's new observations with only `lookbackDays` of history before them
/// and the latest stored event of each metric and kind open. What it stores must equal, figure for
/// figure, what one run over the whole history finds.
@Suite struct IncrementalTests {
    /// Runs the detector day by day as `tracker ingest` does, and returns what would be stored.
    static func dayByDay(_ series: [Series], detector: PageDetector) -> [Anomaly] {
        let first = series.compactMap(\.times.first).min()!, last = series.compactMap(\.times.last).max()!
        var stored: [Anomaly] = []
        var day = first
        while day <= last {
            let since = day - DetectionSettings.lookbackDays * 86_400, until = day + 86_400
            let known = series.map { s in
                let kept = s.times.indices.filter { s.times[$0] >= since && s.times[$0] < until }
                return Series(metric: s.metric, times: kept.map { s.times[$0] }, values: kept.map { s.values[$0] })
            }
            var open: [String: Anomaly] = [:]
            for (n, event) in stored.enumerated() {
                var e = event
                e.id = Int64(n)
                open["\(event.metric) \(event.kind)"] = e
            }
            for event in detector.detect(series: known, from: day, open: Array(open.values)) {
                var plain = event
                plain.id = nil
                if let id = event.id { stored[Int(id)] = plain } else { stored.append(plain) }
            }
            day = until
        }
        return stored
    }

    /// Pages 4 and 30 are captured weekly (a sparse page's bar), 21 and 30 are YouTube counts shown
    /// in thousands (a rounded count's own noise).
    @Test(arguments: [0, 4, 8, 20, 21, 30, 33, 47]) func judgingEachDayWithTheLookbackEqualsOneRun(_ index: Int) {
        var simulator = AudienceSimulator(seed: UInt64(200 + index))
        let page = simulator.page(index: index, eventCount: 3)
        let detector = PageDetector()
        let all = detector.detect(series: page.series, from: .min, open: [])
        let daily = Self.dayByDay(page.series, detector: detector)
        #expect(!all.isEmpty)
        #expect(daily.sorted(by: Self.order) == all.sorted(by: Self.order))
    }

    /// Events early in a history, where the series are still young: the jumps judged against
    /// their first few changes (`checkYoungJump`) are raised alike day by day and in one run.
    @Test(arguments: [6, 47, 73]) func youngJumpsAreJudgedAlikeDayByDayAndInOneRun(_ index: Int) {
        var simulator = AudienceSimulator(seed: UInt64(300 + index), firstEventDay: 30)
        let page = simulator.page(index: index, eventCount: 2)
        let detector = PageDetector()
        let all = detector.detect(series: page.series, from: .min, open: [])
        #expect(all.contains { $0.explanation.contains("too few yet to measure the day-to-day noise") })
        #expect(Self.dayByDay(page.series, detector: detector).sorted(by: Self.order) == all.sorted(by: Self.order))
    }

    /// A metric known by neither name is told by shape. A count that wandered for months, then grew
    /// like a running total (with a jump in it), must be judged alike by the day-by-day runs, which
    /// see the look-back, and by one run over the whole history.
    @Test func aMetricWhoseShapeChangesIsJudgedAlikeDayByDayAndInOneRun() {
        var random = SplitMix64(seed: 11)
        var level = 5_000.0, times: [Int64] = [], values: [Double] = []
        for day in 0..<400 {
            level += day < 230 ? 20 * random.normal() : 30 + 5 * random.normal() + (day == 380 ? 600 : 0)
            times.append(AudienceSimulator.epoch + Int64(day) * 86_400 + 6 * 3600)
            values.append(level.rounded())
        }
        let series = [Series(metric: "karma", times: times, values: values)]
        let detector = PageDetector()
        let all = detector.detect(series: series, from: .min, open: [])
        #expect(all.contains { $0.kind == .spike && $0.start >= times[379] })
        #expect(Self.dayByDay(series, detector: detector).sorted(by: Self.order) == all.sorted(by: Self.order))
    }

    static func order(_ a: Anomaly, _ b: Anomaly) -> Bool {
        (a.detectedAt, a.metric, a.kind.rawValue) < (b.detectedAt, b.metric, b.kind.rawValue)
    }
}
