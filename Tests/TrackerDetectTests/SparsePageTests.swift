import Foundation
import Testing
@testable import TrackerDetect

/// A page captured once a week makes a seventh of a daily page's changes a year: each is asked
/// less, so that both raise about as many false alarms a year (and one captured every hour, more).
@Suite struct SparsePageTests {
    @Test func theBarFollowsHowOftenAPageIsCaptured() {
        let daily = SeriesScan.barFactor(increments: 63, days: 63)
        let weekly = SeriesScan.barFactor(increments: 17, days: 119)
        #expect(abs(daily - (1 + 5.0 / 63).squareRoot()) < 1e-12)
        // t² − 2 ln 7 for the threshold t (4.6: 4.16², a tenth lower), times the few increments'
        // uncertainty (√(1 + 5/17)).
        let t = DetectionSettings.defaultCountThreshold
        #expect(abs(weekly - (1 + 5.0 / 17).squareRoot() * (t * t - 2 * log(7)).squareRoot() / t) < 1e-12)
        #expect(weekly < 0.92 * (1 + 5.0 / 17).squareRoot())
        // A page captured several times a day makes more changes a year, and each is asked more:
        // t² + 2 ln(captures a day) (63 hourly increments: 24 a day).
        let hourly = SeriesScan.barFactor(increments: 63, days: 63.0 / 24)
        #expect(abs(hourly - daily * (t * t + 2 * log(24)).squareRoot() / t) < 1e-12)
    }

    /// 52 weekly captures growing 20 a day with noise of 30 a day (79 a week); 4.8 weeks' noises
    /// bought on day 280. Judged as a daily page's change, 4 of the 12 were found.
    @Test func aWeeklyPagesJumpIsJudgedByItsFalseAlarmsAYear() {
        var found = 0, organic = 0
        for seed: UInt64 in 1...12 {
            var page = DailySeries(days: 364, level: 5_000, growth: 20, noise: 30, seed: seed)
            page.skip = Set((0..<364).filter { $0 % 7 != 0 })
            organic += detect(page.make()).count
            page.changes = [280: 4.8 * 30 * 7.squareRoot()]
            found += detect(page.make()).contains { $0.kind == .spike && $0.end == DailySeries.time(ofDay: 280) } ? 1 : 0
        }
        #expect(found >= 6)
        #expect(organic <= 1)
    }
}
