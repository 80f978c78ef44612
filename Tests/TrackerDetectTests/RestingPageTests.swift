import Testing
@testable import TrackerDetect

/// A dormant page rests on most days and moves now and then. A capture taken hours into a move sees
/// part of it and the next capture the rest: one move, two changes, judged as one.
@Suite struct RestingPageTests {
    /// 140 days at 50,000 followers: every 6th day a move of 60–140 (alternating in sign), 85% of
    /// it seen by that day's capture and the rest by the next; then `last` on day 120, seen alike.
    static func dormant(last: Double) -> Series {
        var page = DailySeries(days: 140, level: 50_000, growth: 0, noise: 0)
        func move(_ size: Double, on d: Int) {
            page.changes[d] = (0.85 * size).rounded()
            page.changes[d + 1] = size - (0.85 * size).rounded()
        }
        for d in stride(from: 6, to: 120, by: 6) { move((60 + Double(d * 37 % 81)) * (d % 12 == 0 ? 1 : -1), on: d) }
        move(last, on: 120)
        return page.make()
    }

    static func jumpsFromDay120(_ series: Series) -> [AnomalyKind] {
        detect(series).filter { $0.end >= DailySeries.time(ofDay: 120) }.map(\.kind)
    }

    @Test func theTwoChangesOfOneMoveAreOneMove() {
        // Twelve moves of 100, each seen as 85 and 15, among rests: the typical move is 100, not 50.
        var departures = (0..<72).map { j in j % 6 == 2 ? (j % 12 == 2 ? 85.0 : -85) : j % 6 == 3 ? (j % 12 == 3 ? 15 : -15) : 0 }
        let (_, perMove) = Robust.flatSigma(&departures)
        #expect(abs(perMove - 1.4826 * 100) < 1e-9)
    }

    @Test func anOrdinaryMoveOfADormantPageIsNoSpike() {
        // 500 is about three of its typical moves (the changes alone would make it six of theirs).
        #expect(Self.jumpsFromDay120(Self.dormant(last: 500)).isEmpty)
    }

    @Test func aPurchaseOnADormantPageIsStillRaised() {
        #expect(Self.jumpsFromDay120(Self.dormant(last: 1_500)) == [.spike])
    }
}
