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
}
