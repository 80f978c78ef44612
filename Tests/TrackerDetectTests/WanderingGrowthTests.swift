import Foundation
import Testing
@testable import TrackerDetect

/// A growth rate wanders for weeks (news, a viral post, a quiet summer). A change that lies 3
/// noises from the nine-week baseline is judged at the pace of the last two weeks, so that a page
/// growing faster (or slower) than it did does not see its busy (or quiet) days as jumps.
@Suite struct WanderingGrowthTests {
    /// A year of daily captures from 1,000,000 followers, +2,000 a day with noise of 300, the growth
    /// rate wandering by `wander` (log scale, correlated over about a month), and `bought` added on day 200.
    static func page(seed: UInt64, wander: Double, bought: Double = 0) -> Series {
        var random = SplitMix64(seed: seed)
        var value = 1_000_000.0, drift = 0.0, values: [Double] = []
        for d in 0..<365 {
            drift = 0.97 * drift + random.normal() * wander * (1 - 0.97 * 0.97).squareRoot()
            value += 2000 * exp(drift) + random.normal() * 300 + (d == 200 ? bought : 0)
            values.append(value.rounded())
        }
        return Series(metric: "followers", times: (0..<365).map(DailySeries.time(ofDay:)), values: values)
    }

    @Test func busyAndQuietWeeksOfAWanderingGrowthAreNotJumps() {
        // Growth wandering by ±30% is ±2 noises a day: against the baseline alone, 21 jumps.
        let jumps = (1...12 as ClosedRange<UInt64>).flatMap { seed in
            detect(Self.page(seed: seed, wander: 0.3)).filter { [.spike, .drop].contains($0.kind) }
        }
        #expect(jumps.count < 12, "fewer than one a page-year")
    }

    @Test(arguments: [2400.0, -2400])
    func aPurchaseOrPurgeOfEightNoisesIsFoundWhileGrowthWanders(bought: Double) {
        let kind: AnomalyKind = bought > 0 ? .spike : .drop
        let found = (1...12 as ClosedRange<UInt64>).filter { seed in
            detect(Self.page(seed: seed, wander: 0.1, bought: bought)).contains {
                $0.kind == kind && $0.end == DailySeries.time(ofDay: 200)
            }
        }
        #expect(found.count >= 11)
    }

    @Test func thePaceWeighsEachIntervalByItsLength() {
        // Six hourly captures of a burst (+500 a day) are a quarter day of a week at +10 a day.
        var paces: [(value: Double, weight: Double)] = (0..<6).map { _ in (500, 1.0 / 24) } + (0..<7).map { (10 + Double($0), 1) }
        #expect(Robust.weightedMedian(&paces) == 13)
        var even: [(value: Double, weight: Double)] = [(4, 1), (1, 1), (3, 1), (2, 1)]
        #expect(Robust.weightedMedian(&even) == 2)
        var none: [(value: Double, weight: Double)] = []
        #expect(Robust.weightedMedian(&none).isNaN)
    }
}
