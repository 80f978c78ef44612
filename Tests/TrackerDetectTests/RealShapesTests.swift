import Testing
@testable import TrackerDetect

/// Shapes met in real follower histories (Wayback captures of Twitter profiles, `make eval`).
@Suite struct RealShapesTests {
    /// A contest that pauses for a week and resumes: the growth the first surge ran through is not
    /// reported again, day after day, as a new surge from the same start.
    @Test func aSurgeThatPausesIsNotReportedAgainFromTheSameStart() {
        var page = DailySeries(days: 260)
        page.changes = Dictionary(uniqueKeysWithValues: (100..<165).filter { !(130..<137).contains($0) }.map { ($0, 100.0) })
        let surges = detect(page.make()).filter { $0.kind == .surge }
        #expect(!surges.isEmpty)
        #expect(Set(surges.map(\.start)).count == surges.count, "\(surges.map(\.explanation))")
    }

    /// Steady growth that stops for a day is far from the usual change, but nothing fell.
    @Test func aStallInSteadyGrowthIsNotWordedAsAFall() throws {
        var page = DailySeries(growth: 200)
        page.changes[150] = -150  // +50 that day, against +200
        let drop = try #require(detect(page.make()).first { $0.kind == .drop })
        #expect(drop.explanation.contains("grew only"), "\(drop.explanation)")
        #expect(drop.explanation.contains("was usual over that time"))
        #expect(!drop.explanation.contains("fell"))
    }

    /// A busy count that repeats its value for days (a capture served from a cache) is worded as
    /// standing still, not as growing by +0.
    @Test func aCountThatStandsStillIsWordedAsSuch() throws {
        let grown = DailySeries(growth: 200).make()
        var values = grown.values
        for d in 150..<153 { values[d] = values[149] }
        for d in 153..<values.count { values[d] -= 3 * 200 }
        let drop = try #require(detect(Series(metric: grown.metric, times: grown.times, values: values)).first { $0.kind == .drop })
        #expect(drop.explanation.contains("stayed at"), "\(drop.explanation)")
        #expect(drop.explanation.hasSuffix("day-to-day noise): a count that stands still may come from a stale capture."),
                "\(drop.explanation)")
        #expect(isOneSentence(drop.explanation), "\(drop.explanation)")
        #expect(!drop.explanation.contains("+0"))
    }

    /// Four captures a day see one burst in steps, with a quiet capture between: one spike.
    @Test func aBurstSeenInStepsByCapturesOfOneDayIsOneSpike() throws {
        var random = SplitMix64(seed: 3)
        var times: [Int64] = [], values: [Double] = [], value = 50_000.0
        for k in 0..<(4 * 150) {
            value += 5 + 2 * random.normal() + (k == 4 * 120 || k == 4 * 120 + 2 ? 600 : 0)
            times.append(DailySeries.start + Int64(k) * 6 * 3600)
            values.append(value.rounded())
        }
        let spikes = detect(Series(metric: "followers", times: times, values: values)).filter { $0.kind == .spike }
        let spike = try #require(spikes.first)
        #expect(spikes.count == 1, "\(spikes.map(\.explanation))")
        #expect(spike.end - spike.start >= 12 * 3600)
        #expect(spike.after - spike.before > 1100)
    }

    /// The same burst, its second half carried by two captures together (each alone within noise):
    /// still one spike, not a second one from the quiet capture between.
    @Test func aBurstWhoseLastStepSpansTwoCapturesIsStillOneSpike() throws {
        var random = SplitMix64(seed: 5)
        var times: [Int64] = [], values: [Double] = [], value = 50_000.0
        let steps: [Int: Double] = [480: 600, 482: 130, 483: 130]
        for k in 0..<(4 * 150) {
            value += 5 + 30 * random.normal() + (steps[k] ?? 0)
            times.append(DailySeries.start + Int64(k) * 6 * 3600)
            values.append(value.rounded())
        }
        let spikes = detect(Series(metric: "followers", times: times, values: values))
            .filter { $0.kind == .spike && $0.end >= times[470] && $0.start <= times[490] }
        #expect(spikes.count == 1, "\(spikes.map(\.explanation))")
        #expect(spikes.first?.end == times[483])
    }
}
