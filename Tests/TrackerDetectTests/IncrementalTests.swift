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

    @Test(arguments: [0, 4, 8, 20, 33, 47]) func judgingEachDayWithTheLookbackEqualsOneRun(_ index: Int) {
        var simulator = AudienceSimulator(seed: UInt64(200 + index))
        let page = simulator.page(index: index, eventCount: 3)
        let detector = PageDetector()
        let all = detector.detect(series: page.series, from: .min, open: [])
        let daily = Self.dayByDay(page.series, detector: detector)
        #expect(!all.isEmpty)
        #expect(daily.sorted(by: Self.order) == all.sorted(by: Self.order))
    }

    static func order(_ a: Anomaly, _ b: Anomaly) -> Bool {
        (a.detectedAt, a.metric, a.kind.rawValue) < (b.detectedAt, b.metric, b.kind.rawValue)
    }
}
