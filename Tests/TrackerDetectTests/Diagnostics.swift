import Foundation
import Testing
@testable import TrackerDetect

/// `TRACKER_DIAG=1 swift test --filter Diagnostics`: what the detector misses and raises wrongly on simulated pages.
@Suite struct Diagnostics {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_DIAG"] != nil)) func showMistakes() {
        var simulator = AudienceSimulator(seed: 20_261_124)
        for index in 0..<120 {
            let page = simulator.page(index: index, eventCount: index % 4 == 0 ? 0 : 1 + index % 3)
            let found = PageDetector().detect(series: page.series, from: .min, open: [])
            let audience = page.series[0]
            let interval = Double(audience.times.last! - audience.times.first!) / Double(audience.count) / 86_400
            for event in page.events {
                let near = found.filter { $0.detectedAt >= event.start - 86_400 && $0.detectedAt <= event.end + SyntheticEvaluation.grace }
                if near.isEmpty {
                    print("MISS", index, page.platform, event.kind, event.subtle ? "subtle" : "clear", Wording.date(event.start),
                          "level", audience.values[audience.firstIndex(atOrAfter: event.start) - 1], "interval", String(format: "%.1f", interval))
                    if let series = page.series.first(where: { $0.metric == event.metric }) {
                        let k = series.firstIndex(atOrAfter: event.start)
                        for j in max(0, k - 4)..<min(series.count, k + 5) {
                            print("   ", Wording.date(series.times[j]), series.values[j], j > 0 ? series.values[j] - series.values[j - 1] : 0)
                        }
                        for a in found where abs(a.detectedAt - event.start) < 200 * 86_400 { print("    near:", a.kind, Wording.date(a.detectedAt), a.explanation) }
                    }
                }
            }
            for a in found where !page.events.contains(where: { a.detectedAt >= $0.start - 86_400 && a.detectedAt <= $0.end + SyntheticEvaluation.grace }) {
                if ProcessInfo.processInfo.environment["TRACKER_DIAG"] == "fp" {
                    print("FP", page.platform, String(format: "%.1f", interval), a.kind, a.metric, Wording.date(a.detectedAt), String(format: "%.1f", a.score), a.explanation)
                }
            }
        }
    }
}

@Suite struct DiagnosticsJump {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_DIAG"] != nil)) func bigJump() {
        var values: [Double] = []
        var times: [Int64] = []
        var level = 1_800_000.0
        var rng = SplitMix64(seed: 3)
        for d in 0..<120 {
            level += 3500 + rng.normal() * 400
            if d == 100 { level += 1_192_925 }
            values.append(level.rounded())
            times.append(1_600_000_000 + Int64(d) * 86_400 + Int64(rng.int(3600)))
        }
        let found = PageDetector().detect(series: [Series(metric: "followers", times: times, values: values)], from: .min, open: [])
        for a in found { print("FOUND", a.kind, Wording.date(a.detectedAt), a.explanation) }
    }
}

@Suite struct DiagnosticsSweep {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_SWEEP"] != nil)) func sweep() {
        let values = (ProcessInfo.processInfo.environment["TRACKER_SWEEP"] ?? "1").split(separator: ",").compactMap { Double($0) }
        for sensitivity in values {
            let evaluation = SyntheticEvaluation.run(seed: 20_261_124, pages: 120, settings: DetectionSettings(sensitivity: sensitivity))
            print("SWEEP", sensitivity, evaluation.report.replacingOccurrences(of: "\n", with: "\nSWEEP   "))
        }
    }
}

@Suite struct DiagnosticsPage {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_PAGE"] != nil)) func onePage() {
        let wanted = Int(ProcessInfo.processInfo.environment["TRACKER_PAGE"] ?? "0") ?? 0
        var simulator = AudienceSimulator(seed: 20_261_124)
        for index in 0...wanted {
            let page = simulator.page(index: index, eventCount: index % 4 == 0 ? 0 : 1 + index % 3)
            guard index == wanted else { continue }
            print("PAGE", page.platform, page.events)
            for a in PageDetector().detect(series: page.series, from: .min, open: []) {
                print("PAGE found", a.kind, a.metric, Wording.date(a.detectedAt), Wording.date(a.end), a.explanation)
            }
        }
    }
}
