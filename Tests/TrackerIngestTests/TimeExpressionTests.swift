import Testing
@testable import TrackerIngest

@Suite struct TimeExpressionTests {
    @Test func timeExpressions() {
        #expect(TimeExpression.parse("7d", now: 1_000_000) == Int64(1_000_000 - 7 * 86_400))
        #expect(TimeExpression.parse("36h", now: 1_000_000) == Int64(1_000_000 - 36 * 3600))
        #expect(TimeExpression.parse("now", now: 42) == 42)
        #expect(TimeExpression.parse("2014-02-03", now: 0) == 1_391_385_600)
        #expect(TimeExpression.parse("7x", now: 0) == nil)
        #expect(TimeExpression.parse("-3d", now: 0) == nil)
    }

    /// The start of the UTC day, so that `--since yesterday` means all of yesterday, whatever the hour now.
    @Test func todayAndYesterdayStartAtMidnightUTC() {
        let afternoon: Int64 = 1_391_385_600 + 15 * 3600  // 2014-02-03 15:00 UTC
        #expect(TimeExpression.parse("today", now: afternoon) == 1_391_385_600)
        #expect(TimeExpression.parse("Yesterday", now: afternoon) == Int64(1_391_385_600 - 86_400))
        #expect(TimeExpression.parse("today", now: 1_391_385_600) == 1_391_385_600)
    }
}
