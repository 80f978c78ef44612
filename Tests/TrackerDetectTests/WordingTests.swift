import Testing
@testable import TrackerDetect

@Suite struct WordingTests {
    @Test func percentagesKeepTheFiguresThatMatter() {
        #expect(Wording.percent(from: 994, to: 4140) == "+316%")
        #expect(Wording.percent(from: 13_200, to: 12_900) == "−2.3%")
        #expect(Wording.percent(from: 1_000, to: 1_000) == "+0.0%")
        // −6 on 40,024 and +9,040 on 17 million are small shares, not none.
        #expect(Wording.percent(from: 40_024, to: 40_018) == "−0.015%")
        #expect(Wording.percent(from: 17_260_245, to: 17_269_285) == "+0.052%")
        #expect(Wording.percent(from: 0, to: 5) == "")
    }

    @Test func aMeanOfThousandsIsGroupedLikeACount() {
        #expect(Wording.decimal(1_971.7) == "1,972")
        #expect(Wording.decimal(-12_345.4) == "−12,345")
        #expect(Wording.decimal(376.4) == "376")
        #expect(Wording.decimal(0.1417) == "0.14")
    }

    @Test func aFractionOfACountDropsTrailingZeros() {
        #expect(Wording.count(8.5) == "8.5")  // a usual weekly growth, not "8.50"
        #expect(Wording.count(12.04) == "12")
        #expect(Wording.count(0.25) == "0.25")
        #expect(Wording.signed(-3.5) == "−3.5")
        #expect(Wording.decimal(8.5) == "8.50")  // a rate or a score keeps its two decimals
    }

    /// The issue asks for one sentence a journalist could print: every explanation the simulated
    /// audiences give (every kind, clear and subtle) is one, ending with its one full stop.
    @Test func everyExplanationIsOneSentence() {
        var simulator = AudienceSimulator(seed: 11)
        var kinds = Set<AnomalyKind>()
        for index in 0..<60 {
            let page = simulator.page(index: index, eventCount: 3)
            for anomaly in PageDetector().detect(series: page.series, from: .min, open: []) {
                kinds.insert(anomaly.kind)
                #expect(isOneSentence(anomaly.explanation), "\(anomaly.explanation)")
            }
        }
        #expect(kinds.isSuperset(of: [.spike, .drop, .surge, .levelShift, .dilution, .followChurn]))
        #expect(!isOneSentence("followers stayed at 5. A count may be stale."))
    }

    @Test func aSpanOfHoursNamesItsStartNotOnlyItsEnd() {
        let day: Int64 = 1_396_483_200  // 2014-04-03 00:00 UTC
        // A level that held from midnight and was confirmed at 02:55 did not move at 02:55.
        #expect(Wording.span(day, day + 10_500) == "from 2014-04-03 00:00 to 02:55")
        #expect(Wording.span(day - 3_600, day + 3_600) == "from 2014-04-02 23:00 to 2014-04-03 01:00")
        // One time, or a change between daily captures a few hours off the day, is on the day seen.
        #expect(Wording.span(day + 600, day + 600) == "on 2014-04-03 00:10")
        #expect(Wording.span(day - 14 * 3_600, day + 21_600) == "on 2014-04-03 06:00")
        #expect(Wording.span(day - 86_400, day) == "on 2014-04-03")
        #expect(Wording.span(day - 7 * 86_400, day) == "from 2014-03-27 to 2014-04-03")
        // A state that lasted the day says its hours, midnight included.
        #expect(Wording.interval(day, day + 86_100) == "from 2014-04-03 00:00 to 23:55")
        #expect(Wording.interval(day, day + 2 * 86_400) == "from 2014-04-03 to 2014-04-05")
    }
}
