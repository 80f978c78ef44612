import Foundation
import Testing
@testable import TrackerDetect

/// A running total too young for its day-to-day noise to be measured (fewer than 10 increments in
/// its baseline): a change out of all proportion to its first captures is still raised.
@Suite struct YoungPageTests {
    static let day: Int64 = 86_400
    static let start: Int64 = 1_577_836_800  // 2020-01-01

    /// A weekly page of about 20,000 followers gaining 70 ± 30 a week, `bought` added at capture `at`.
    static func weekly(captures: Int, bought: Double = 0, at purchase: Int = 7) -> Series {
        var random = SplitMix64(seed: 3)
        var level = 20_000.0, values: [Double] = []
        for k in 0..<captures {
            level += 70 + 30 * random.normal() + (k == purchase ? bought : 0)
            values.append(level.rounded())
        }
        return Series(metric: "followers", times: (0..<captures).map { start + Int64($0) * 7 * day }, values: values)
    }

    @Test func followersBoughtInTheSeventhWeekOfTrackingAreRaised() throws {
        let anomalies = PageDetector().detect(series: [Self.weekly(captures: 9, bought: 5_000)], from: .min, open: [])
        let spike = try #require(anomalies.first { $0.kind == .spike })
        #expect(spike.start == Self.start + 6 * 7 * Self.day && spike.end == Self.start + 7 * 7 * Self.day)
        #expect(spike.severity == .critical)
        #expect(spike.explanation.contains("as any of the 6 changes before it: too few yet to measure the day-to-day noise"),
                "\(spike.explanation)")
        // Without the purchase nothing is raised; nor with one the noise could explain.
        #expect(PageDetector().detect(series: [Self.weekly(captures: 9)], from: .min, open: []).isEmpty)
        #expect(PageDetector().detect(series: [Self.weekly(captures: 9, bought: 400)], from: .min, open: []).isEmpty)
    }

    @Test func aPageCapturedEveryTwoWeeksIsSparseNotYoung() {
        // Never 10 increments in a baseline's 120 days, but past its first 84 days it is sparse, not
        // young: a fortnight of +15% (three times the usual) is not judged against its few changes.
        var values: [Double] = [], level = 100_000.0
        for k in 0..<20 { level *= k == 15 ? 1.15 : 1.05; values.append(level.rounded()) }
        let series = Series(metric: "followers", times: (0..<20).map { Self.start + Int64($0) * 14 * Self.day }, values: values)
        #expect(PageDetector().detect(series: [series], from: .min, open: []).isEmpty)
    }

    /// The first 12 weeks of a small weekly page of pure noise: about 400 followers, a weekly noise of
    /// 5% of the level (Student-t, 8 degrees of freedom), no growth to speak of.
    static func noisyWeekly(_ random: inout SplitMix64) -> Series {
        var level = 400.0, values: [Double] = []
        for _ in 0..<12 {
            level += 5 + 20 * random.studentT(8)
            values.append(level.rounded())
        }
        return Series(metric: "followers", times: (0..<12).map { start + Int64($0) * 7 * day }, values: values)
    }

    /// The bar for few departures, on small weekly pages whose weekly noise is 5% of their level (a
    /// tenth of the level is then no bar by itself), with Student-t(8) noise: over the first 12 weeks
    /// of 2,000 pages, 2 young jumps with the bar at 40/n from 5 changes on; 22 with a bar of 5 from
    /// 3 changes (a first version), 7 with 8.
    @Test func organicPagesRaiseFewYoungJumps() {
        var random = SplitMix64(seed: 11)
        var raised: [String] = []
        for _ in 0..<2_000 {
            let series = Self.noisyWeekly(&random)
            raised += PageDetector().detect(series: [series], from: .min, open: []).map(\.explanation).filter { $0.contains("too few yet") }
        }
        #expect(raised.count <= 3, "\(raised.count): \(raised.prefix(3))")
    }

    /// A surge's baseline of fewer than 8 increments measures its noise on too few: on the same
    /// small weekly pages of pure noise, 11 surges in the first 12 weeks of 500 pages (38 with the
    /// bar of an 8-week baseline). The seed case's contest, 4–8 weekly increments into its
    /// history, is still found (`CloudwattTests`).
    @Test func aYoungWeeklyPageRaisesFewSurgesFromNoise() {
        var random = SplitMix64(seed: 12)
        var surges = 0
        for _ in 0..<500 {
            let series = Self.noisyWeekly(&random)
            surges += PageDetector().detect(series: [series], from: .min, open: []).filter { $0.kind == .surge }.count
        }
        #expect(surges <= 20, "\(surges) surges")
    }
}
