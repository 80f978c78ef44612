import Testing
@testable import TrackerDetect

/// Bought followers never engage: a jump in the audience says whether the engaged audience
/// (audience × engagement rate) grew with it.
@Suite struct EngagementWordingTests {
    /// 10,000 followers growing 20 a day, a change of `jump` on day 120, and an engagement rate of
    /// 5% that, from day 120, either keeps the engaged audience where it was (`engaged`) or stays at 5%.
    static func page(jump: Double, engaged: Bool) -> [Series] {
        var page = DailySeries(days: 140)
        page.changes[120] = jump
        let followers = page.make()
        let base = followers.values[119] * 0.05
        let rates = followers.values.indices.map { d in
            d >= 120 && engaged ? (base / followers.values[d] * 1e5).rounded() / 1e5 : 0.05
        }
        return [followers, Series(metric: "engagement_rate", times: followers.times, values: rates)]
    }

    /// The jump of `kind`, and the sentence it should end with, worked out from the series.
    static func check(_ series: [Series], _ kind: AnomalyKind, verdict: String) throws {
        let event = try #require(detect(series[0], series[1]).first { $0.metric == "followers" && $0.kind == kind })
        let rate = series[1], after = rate.values[rate.times.firstIndex(of: event.end)!]
        #expect(event.explanation.hasSuffix("times the day-to-day noise), while engagement rate \(moved(after)): "
            + "the engaged audience \(size(event.before * 0.05, event.after * after))\(verdict)."), "\(event.explanation)")
    }

    static func moved(_ after: Double) -> String {
        after == 0.05 ? "held at 0.05" : "\(after < 0.05 ? "fell" : "rose") 0.05 → \(Wording.decimal(after))"
    }

    static func size(_ before: Double, _ after: Double) -> String {
        let change = after / before - 1
        return abs(change) <= 0.02 ? "stayed at about \(Wording.count(before))"
            : "\(change > 0 ? "grew" : "shrank") from \(Wording.count(before)) to \(Wording.count(after))"
    }

    @Test func boughtFollowersLeaveTheEngagedAudienceWhereItWas() throws {
        let series = Self.page(jump: 3_000, engaged: true)
        try Self.check(series, .spike, verdict: ", so the newcomers do not engage")
        #expect(detect(series[0], series[1]).first?.explanation == "followers jumped from 12,430 to 15,459 (+3,029, +24%) "
            + "on 2024-04-30 06:00, where a change of about +18 a day is usual (270 times the day-to-day noise), while "
            + "engagement rate fell 0.05 → 0.0402: the engaged audience stayed at about 622, so the newcomers do not engage.")
    }

    @Test func newcomersWhoEngageAreSaidToEngage() throws {
        try Self.check(Self.page(jump: 3_000, engaged: false), .spike, verdict: ": the newcomers engage")
    }

    @Test func aPurgeOfFakeFollowersLeavesTheEngagedAudienceWhole() throws {
        try Self.check(Self.page(jump: -2_000, engaged: true), .drop, verdict: ", so those who left did not engage")
        try Self.check(Self.page(jump: -2_000, engaged: false), .drop, verdict: ": those who left engaged")
    }

    /// Without an engagement rate observed during the jump, nothing is said of it; nor for a jump
    /// under 2% of the audience, where the rate's own wander would decide.
    @Test func noRateOrASmallJumpNoClause() throws {
        var page = DailySeries(days: 140)
        page.changes[120] = 3_000
        #expect(!(try #require(detect(page.make()).first).explanation.contains("engagement")))
        let small = Self.page(jump: 200, engaged: true)
        let event = try #require(detect(small[0], small[1]).first { $0.metric == "followers" && $0.kind == .spike })
        #expect(event.after / event.before - 1 < 0.02 && !event.explanation.contains("engagement"))
    }

    /// `following` is explained beside the followers (for follow churn), which are no engagement rate.
    @Test func aJumpInFollowingSaysNothingOfEngagement() throws {
        var following = DailySeries(metric: "following", days: 140, level: 400, growth: 1, noise: 2)
        following.changes[120] = 60
        let followers = DailySeries(days: 140, level: 2_000_000, growth: 900, noise: 100, seed: 2).make()
        let jump = try #require(detect(following.make(), followers).first { $0.metric == "following" && $0.kind == .spike })
        #expect(!jump.explanation.contains("engage"), "\(jump.explanation)")
    }
}
