import Testing
@testable import TrackerDetect

/// A gauge's spread measured on its first few values is uncertain: the bar is higher until its
/// window holds `gaugeWindow` values.
@Suite struct YoungGaugeTests {
    /// Eight daily rates around 0.05: median 0.05, MAD 0.0015, a spread of 0.00222.
    static let cluster = [0.050, 0.052, 0.048, 0.051, 0.049, 0.053, 0.047, 0.050]
    static let spread = 1.4826 * 0.0015

    static func rates(repeating times: Int, then last: Double) -> Series {
        let values = Array([[Double]](repeating: cluster, count: times).joined()) + [last]
        return Series(metric: "engagement_rate", times: values.indices.map(DailySeries.time(ofDay:)), values: values)
    }

    @Test func aValueSixAndAHalfSpreadsOutIsRaisedAgainstAFullWindowButNotAgainstEightValues() {
        let last = 0.050 + 6.5 * Self.spread
        let full = detect(Self.rates(repeating: 6, then: last))
        #expect(full.map(\.kind) == [.spike])
        #expect(full.first.map { abs($0.score - 6.5) < 0.01 } == true)
        #expect(detect(Self.rates(repeating: 1, then: last)).isEmpty)
    }

    @Test func aYoungWindowRaisesWhatGoesBeyondItsHigherBar() {
        // 8 values: the bar is 6 × 1.21 = 7.3 spreads.
        #expect(SeriesScan.youngWindowFactor(8) > 1.2 && SeriesScan.youngWindowFactor(8) < 1.22)
        #expect(SeriesScan.youngWindowFactor(DetectionSettings.gaugeWindow) == 1)
        #expect(detect(Self.rates(repeating: 1, then: 0.050 + 7.5 * Self.spread)).map(\.kind) == [.spike])
        #expect(detect(Self.rates(repeating: 1, then: 0.050 + 7.1 * Self.spread)).isEmpty)
    }
}
