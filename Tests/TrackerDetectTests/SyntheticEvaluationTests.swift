import Foundation
import Testing
@testable import TrackerDetect

/// The quality goals, on simulated audiences (the figures `make eval` reports on more pages and seeds).
@Suite struct SyntheticEvaluationTests {
    @Test func meetsTheGoalsOnSimulatedAudiences() {
        let evaluation = SyntheticEvaluation.run(seed: 20_261_124, pages: 120)
        print(evaluation.report)
        #expect(evaluation.events > 100)
        // The goal (recall 0.95) is met over `make eval`'s six seeds with nothing to spare, and this
        // seed reads 0.944 (README): the bar here catches a regression without flipping on one event.
        #expect(evaluation.clearRecall >= 0.95)
        #expect(evaluation.recall >= 0.93)
        #expect(evaluation.falsePositivesPerPageYear <= 0.5)
        #expect(evaluation.organicFalsePositivesPerPageYear <= 0.5)
        #expect(evaluation.kindAccuracy >= 0.9)
    }

    @Test func organicPagesRaiseAlmostNothing() {
        var simulator = AudienceSimulator(seed: 7)
        var evaluation = SyntheticEvaluation()
        for index in 0..<40 {
            let page = simulator.page(index: index, eventCount: 0)
            evaluation.score(page, PageDetector().detect(series: page.series, from: .min, open: []))
        }
        #expect(evaluation.events == 0)
        #expect(evaluation.organicPageYears == evaluation.pageYears)
        #expect(evaluation.organicFalsePositivesPerPageYear <= 0.5, "\(evaluation.report)")
    }
}

/// `make eval`: the same figures on six seeds the detector was not tuned on (one seed's 74
/// page-years of organic history leave its false-positive rate uncertain by about ±0.08), judged
/// two seeds at a time and reported in seed order.
@Suite(.serialized) struct SyntheticEvaluationReport {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]
    static let seedRange = "seeds \(seeds.first!)–\(seeds.last!)"

    /// Each seed's evaluation under `law`, over all pages and over the goals' platforms, in seed order.
    static func evaluations(law: AudienceSimulator.NoiseLaw = .studentT8, texture: AudienceSimulator.Texture = .plain,
                            firstEventDay: Int = 100, seeds: [UInt64] = seeds, pages: Int = 200)
        async -> [(seed: UInt64, evaluation: SyntheticEvaluation, goalPlatforms: SyntheticEvaluation)] {
        await withTaskGroup(of: (UInt64, SyntheticEvaluation, SyntheticEvaluation).self) { group in
            for seed in seeds {
                group.addTask {
                    let (all, goal) = SyntheticEvaluation.runByPlatform(seed: seed, pages: pages, law: law, texture: texture,
                                                                        firstEventDay: firstEventDay)
                    return (seed, all, goal)
                }
            }
            var results: [(seed: UInt64, evaluation: SyntheticEvaluation, goalPlatforms: SyntheticEvaluation)] = []
            for await (seed, all, goal) in group { results.append((seed, all, goal)) }
            return results.sorted { $0.seed < $1.seed }
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil))
    func reportOnFreshSeeds() async {
        var total = SyntheticEvaluation(), goalTotal = SyntheticEvaluation()
        for (seed, evaluation, goal) in await Self.evaluations() {
            print("synthetic seed \(seed): " + evaluation.report.replacingOccurrences(of: "\n", with: "\n    "))
            #expect(evaluation.clearRecall >= 0.95)
            #expect(evaluation.falsePositivesPerPageYear <= 0.5)
            #expect(evaluation.kindAccuracy >= 0.9)
            total.add(evaluation)
            goalTotal.add(goal)
        }
        print("synthetic \(Self.seedRange): " + total.report.replacingOccurrences(of: "\n", with: "\n    "))
        print("synthetic \(Self.seedRange), twitter, facebook and instagram pages: "
              + goalTotal.report.replacingOccurrences(of: "\n", with: "\n    "))
    }

    /// The same seeds with the organic noise drawn from other laws of the same standard
    /// deviation: the threshold is set for the t distribution's tails, so lighter tails cost recall
    /// and heavier ones raise more false positives (figures in the README).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil))
    func reportUnderOtherNoiseLaws() async {
        for law in AudienceSimulator.NoiseLaw.allCases where law != .studentT8 {
            var total = SyntheticEvaluation()
            for (_, evaluation, _) in await Self.evaluations(law: law) { total.add(evaluation) }
            print("synthetic noise \(law.rawValue), \(Self.seedRange): " + total.report.replacingOccurrences(of: "\n", with: "\n    "))
            #expect(total.clearRecall >= 0.95)
            #expect(total.kindAccuracy >= 0.9)
            if law == .normal { #expect(total.falsePositivesPerPageYear <= 0.5) }
        }
    }

    /// The same seeds with organic histories of other textures: a growth rate that wanders for
    /// weeks, captures that each miss the count a little, the stress case of noise as small as
    /// counting arrivals one by one, and the same pages captured twice on some days or at any hour
    /// (figures in the README).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil))
    func reportUnderOtherTextures() async {
        for texture in AudienceSimulator.Texture.allCases where texture != .plain && texture != .hourly {
            var total = SyntheticEvaluation(), goalTotal = SyntheticEvaluation()
            for (_, evaluation, goal) in await Self.evaluations(texture: texture) { total.add(evaluation); goalTotal.add(goal) }
            print("synthetic texture \(texture.rawValue), \(Self.seedRange): " + total.report.replacingOccurrences(of: "\n", with: "\n    "))
            print("synthetic texture \(texture.rawValue), \(Self.seedRange), twitter, facebook and instagram pages: "
                  + goalTotal.report.replacingOccurrences(of: "\n", with: "\n    "))
            #expect(total.clearRecall >= 0.95)
            #expect(total.kindAccuracy >= 0.9)
        }
    }

    /// Pages captured every hour, their day's growth spread over its hours: the first 24 pages of
    /// seeds 1–4 (24 times the captures of a daily page; all of seeds 1–6 would take half an hour in
    /// a debug build).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil))
    func reportOnHourlyPages() async {
        var total = SyntheticEvaluation(), goalTotal = SyntheticEvaluation()
        for (_, evaluation, goal) in await Self.evaluations(texture: .hourly, seeds: [1, 2, 3, 4], pages: 24) {
            total.add(evaluation)
            goalTotal.add(goal)
        }
        let name = "synthetic texture \(AudienceSimulator.Texture.hourly.rawValue), seeds 1–4 (24 pages each)"
        print("\(name): " + total.report.replacingOccurrences(of: "\n", with: "\n    "))
        print("\(name), twitter, facebook and instagram pages: " + goalTotal.report.replacingOccurrences(of: "\n", with: "\n    "))
        #expect(total.clearRecall >= 0.95)
    }

    /// The same seeds with each page's first event 30–49 days into its history, where the
    /// baselines are young: a weekly page then has 4–7 captures before it (figures in the README).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil))
    func reportWithEarlyEvents() async {
        var total = SyntheticEvaluation(), goalTotal = SyntheticEvaluation()
        for (_, evaluation, goal) in await Self.evaluations(firstEventDay: 30) { total.add(evaluation); goalTotal.add(goal) }
        print("synthetic first events on days 30–49, \(Self.seedRange): " + total.report.replacingOccurrences(of: "\n", with: "\n    "))
        print("synthetic first events on days 30–49, \(Self.seedRange), twitter, facebook and instagram pages: "
              + goalTotal.report.replacingOccurrences(of: "\n", with: "\n    "))
        #expect(total.kindAccuracy >= 0.9)
    }
}
