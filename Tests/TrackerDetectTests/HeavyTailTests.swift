import Testing
@testable import TrackerDetect

/// A running total whose ordinary days already went far is judged by them: its jump must also go
/// `tailFactor` times as far as the second-largest ordinary change of its baseline.
@Suite struct HeavyTailTests {
    /// 140 days from 300 followers, +20 a day with noise of 8, and `ordinary` extra changes inside
    /// the baseline of day 120 (days 57–119), then +50 on day 120: six times the noise.
    static func followers(ordinary: [Int: Double]) -> Series {
        var page = DailySeries(days: 140, level: 300, growth: 20, noise: 8, seed: 3)
        page.changes = ordinary.merging([120: 50]) { $1 }
        return page.make()
    }

    static func jumpsOnDay120(_ series: Series) -> [Anomaly] {
        detect(series).filter { $0.start <= DailySeries.time(ofDay: 120) && $0.end >= DailySeries.time(ofDay: 120) }
    }

    @Test func aJumpOfSixNoisesIsRaisedOnAPageWhoseDaysAreOrdinary() {
        #expect(Self.jumpsOnDay120(Self.followers(ordinary: [:])).map(\.kind) == [.spike])
    }

    @Test func theSameJumpIsNotRaisedWhereOrdinaryDaysWentAsFarTwiceInTheBaseline() {
        // Two days of ±50 in the nine weeks: the bar becomes about 1.5 × 50/8 = 9 noises.
        #expect(Self.jumpsOnDay120(Self.followers(ordinary: [70: 50, 90: -50])).isEmpty)
    }

    @Test func oneFarDayInTheBaselineIsAnEventNotTheNorm() {
        // Only the second-largest counts: a single past event leaves the bar where it was.
        #expect(Self.jumpsOnDay120(Self.followers(ordinary: [70: 50])).map(\.kind) == [.spike])
    }

    @Test func aPurchaseDeliveredOverTwoDaysIsOnePastEvent() {
        // Two days of +250 (31 noises each) in the baseline: one event, so the bar stays at its
        // usual 4.5 noises (counted as two far days, it was 1.5 × 250/8 = 47).
        #expect(Self.jumpsOnDay120(Self.followers(ordinary: [70: 250, 71: 250])).map(\.kind) == [.spike])
    }

    @Test func aPurgeWeeksAfterATwoDayPurchaseIsRaised() {
        // Bought followers delivered over two days, then the platform removes 300 of them (−8%).
        var page = DailySeries(days: 140, level: 300, growth: 20, noise: 8, seed: 3)
        page.changes = [70: 500, 71: 500, 100: -300]
        let found = detect(page.make())
        #expect(found.map(\.kind) == [.spike, .drop])
        #expect(found.last?.start == DailySeries.time(ofDay: 99))
    }

    @Test func theSecondLargestEventIsFoundInOnePass() {
        #expect(Robust.secondLargestEvent([3, -9, 1, 7, 9], cut: 20) == 9)
        #expect(Robust.secondLargestEvent([3, 9, 1, -7], cut: 20) == 7)
        #expect(Robust.secondLargestEvent([4], cut: 20) == 0)
        // Far departures in a row of one sign are one event; of opposite signs, two.
        #expect(Robust.secondLargestEvent([1, 40, 50, 2, 30, 3], cut: 20) == 30)
        #expect(Robust.secondLargestEvent([1, 40, -50, 2, 3], cut: 20) == 40)
        #expect(Robust.secondLargestEvent([1, -40, -50, 2, -45, 3], cut: 20) == 45)
    }
}
