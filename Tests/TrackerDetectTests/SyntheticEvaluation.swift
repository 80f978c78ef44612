@testable import TrackerDetect

/// Scores the detector on simulated pages: recall of injected events, false positives per
/// page-year (over every page, and over the pages with no event at all), and whether the right
/// kind was named.
struct SyntheticEvaluation {
    var events = 0, detected = 0, rightKind = 0
    var subtleEvents = 0, subtleDetected = 0
    var falsePositives = 0
    var pageYears = 0.0
    /// The same count on pages with no injected event: there no event window absorbs an alarm.
    var organicFalsePositives = 0
    var organicPageYears = 0.0
    var missed: [String: Int] = [:]
    var wrongKind: [String: Int] = [:]
    var falseKinds: [String: Int] = [:]

    var recall: Double { Double(detected) / Double(max(events, 1)) }
    var clearRecall: Double { Double(detected - subtleDetected) / Double(max(events - subtleEvents, 1)) }
    var subtleRecall: Double { Double(subtleDetected) / Double(max(subtleEvents, 1)) }
    var kindAccuracy: Double { Double(rightKind) / Double(max(detected, 1)) }
    var falsePositivesPerPageYear: Double { Double(falsePositives) / max(pageYears, 1e-9) }
    var organicFalsePositivesPerPageYear: Double { Double(organicFalsePositives) / max(organicPageYears, 1e-9) }

    /// How long after an event's end its detections still count as its own (confirmation delays).
    static let grace: Int64 = 60 * 86_400

    mutating func score(_ page: AudienceSimulator.Page, _ anomalies: [Anomaly]) {
        pageYears += page.years
        if page.events.isEmpty {
            organicPageYears += page.years
            organicFalsePositives += anomalies.count
        }
        var matched = Set<Int>()
        for event in page.events {
            events += 1
            if event.subtle { subtleEvents += 1 }
            let hits = anomalies.indices.filter { index in
                let a = anomalies[index]
                return a.detectedAt >= event.start - 86_400 && a.detectedAt <= event.end + Self.grace
                    && (a.end >= event.start - 86_400)
            }
            matched.formUnion(hits)
            guard !hits.isEmpty else { missed[event.kind.rawValue + (event.subtle ? " (subtle)" : ""), default: 0] += 1; continue }
            detected += 1
            if event.subtle { subtleDetected += 1 }
            if hits.contains(where: { anomalies[$0].kind == event.kind }) { rightKind += 1 } else {
                wrongKind["\(event.kind.rawValue)→\(Set(hits.map { anomalies[$0].kind.rawValue }).sorted().joined(separator: "+"))", default: 0] += 1
            }
        }
        for index in anomalies.indices where !matched.contains(index) {
            falsePositives += 1
            falseKinds[anomalies[index].kind.rawValue + "/" + anomalies[index].metric, default: 0] += 1
        }
    }

    /// Adds another evaluation's counts to these.
    mutating func add(_ other: SyntheticEvaluation) {
        events += other.events; detected += other.detected; rightKind += other.rightKind
        subtleEvents += other.subtleEvents; subtleDetected += other.subtleDetected
        falsePositives += other.falsePositives; pageYears += other.pageYears
        organicFalsePositives += other.organicFalsePositives; organicPageYears += other.organicPageYears
        missed.merge(other.missed, uniquingKeysWith: +)
        wrongKind.merge(other.wrongKind, uniquingKeysWith: +)
        falseKinds.merge(other.falseKinds, uniquingKeysWith: +)
    }

    var report: String {
        """
        events \(events) (subtle \(subtleEvents)), recall \(String(format: "%.3f", recall)) \
        (clear \(String(format: "%.3f", clearRecall)), subtle \(String(format: "%.3f", subtleRecall))), \
        right kind \(String(format: "%.3f", kindAccuracy)), \
        false positives \(falsePositives) over \(String(format: "%.0f", pageYears)) page-years = \
        \(String(format: "%.3f", falsePositivesPerPageYear)) per page-year; on pages without events \
        \(organicFalsePositives) over \(String(format: "%.0f", organicPageYears)) page-years = \
        \(String(format: "%.3f", organicFalsePositivesPerPageYear)) per page-year
        missed: \(missed.sorted { $0.key < $1.key })
        wrong kind: \(wrongKind.sorted { $0.key < $1.key })
        false positives by kind/metric: \(falseKinds.sorted { $0.value > $1.value }.prefix(12))
        """
    }

    /// Simulates `pages` pages from `seed` and scores the default detector on them.
    static func run(seed: UInt64, pages: Int, settings: DetectionSettings = DetectionSettings(),
                    law: AudienceSimulator.NoiseLaw = .studentT8) -> SyntheticEvaluation {
        runByPlatform(seed: seed, pages: pages, settings: settings, law: law).all
    }

    /// The platforms the quality goals name (the simulator also makes YouTube channels).
    static let goalPlatforms: Set = ["twitter", "facebook", "instagram"]

    /// The same, scored over all pages and over those of `goalPlatforms` alone.
    static func runByPlatform(seed: UInt64, pages: Int, settings: DetectionSettings = DetectionSettings(),
                              law: AudienceSimulator.NoiseLaw = .studentT8, texture: AudienceSimulator.Texture = .plain,
                              firstEventDay: Int = 100) -> (all: SyntheticEvaluation, goalPlatforms: SyntheticEvaluation) {
        var simulator = AudienceSimulator(seed: seed, law: law, texture: texture, firstEventDay: firstEventDay)
        var all = SyntheticEvaluation(), goal = SyntheticEvaluation()
        let detector = PageDetector(settings: settings)
        for index in 0..<pages {
            let page = simulator.page(index: index, eventCount: index % 4 == 0 ? 0 : 1 + index % 3)
            let found = detector.detect(series: page.series, from: .min, open: [])
            all.score(page, found)
            if goalPlatforms.contains(page.platform) { goal.score(page, found) }
        }
        return (all, goal)
    }
}
