import Testing
@testable import TrackerAudit

@Suite struct RuleTests {
    let now: Int64 = 1_516_752_000  // 2018-01-24
    let day: Int64 = 86_400
    let policy = VerdictPolicy()

    func human() -> Profile {
        var p = Profile(id: "1")
        p.name = "Ada"; p.description = "Engineer, cloud and coffee"; p.location = "Paris"; p.url = "https://example.org"
        p.createdAt = now - 2000 * day; p.posts = 4_200; p.followers = 830; p.following = 610; p.listed = 12
        p.lastPostAt = now - 2 * day; p.defaultImage = false
        return p
    }

    func bot() -> Profile {
        var p = Profile(id: "2")
        p.name = ""; p.description = ""; p.location = ""; p.url = ""
        p.createdAt = now - 400 * day; p.posts = 0; p.followers = 3; p.following = 1_900; p.listed = 0; p.defaultImage = true
        return p
    }

    @Test func aHumanLooksGenuine() {
        let verdict = policy.judge(human(), now: now)
        #expect(verdict.label == .genuine)
        #expect(verdict.score < 20)
        #expect(verdict.flagged.isEmpty)
    }

    @Test func aFollowBackBotIsSuspiciousForEveryReason() {
        let verdict = policy.judge(bot(), now: now)
        #expect(verdict.label == .suspicious)
        #expect(verdict.score == 100)
        for id in ["no_description", "never_posted", "follow_ratio_50", "old_default_image", "no_bio_no_location_follows_100",
                   "cc_few_followers", "cc_follows_over_twice_followers", "inactive"] {
            #expect(verdict.flagged.contains(id), "\(id)")
        }
    }

    @Test func inactiveMeansNoPostFor90DaysOrFewerThan3() {
        var p = human()
        p.lastPostAt = now - 91 * day
        #expect(policy.judge(p, now: now).label == .inactive)
        p.lastPostAt = nil
        p.posts = 2
        #expect(policy.judge(p, now: now).flagged.contains("inactive"))
    }

    @Test func rulesAbstainWithoutTheirFields() {
        var p = Profile(id: "3")
        p.followers = 10
        p.following = 800
        let verdict = policy.judge(p, now: now)
        #expect(verdict.flagged.sorted() == ["cc_few_followers", "cc_follows_over_twice_followers", "follow_ratio_50"])
        #expect(verdict.score == 95)  // follows 80 times its followers: 50 × log 80 / log 10
        #expect(policy.judge(Profile(id: "4"), now: now).score == 0)
    }

    @Test func imbalanceScoresOnALogScale() {
        var p = human()
        p.followers = 100
        p.following = 1_000  // 10×: the default suspicious ratio
        #expect(policy.judge(p, now: now).score == 50)
        #expect(policy.judge(p, now: now).label == .suspicious)
        p.following = 316  // about √10×
        #expect(policy.judge(p, now: now).score == 25)
        #expect(policy.judge(p, now: now).label == .genuine)
    }

    @Test func anEmptyAccountCollectingFollowsIsSuspicious() {
        var p = human()
        p.posts = 1
        p.followers = 100
        p.following = 250
        let verdict = policy.judge(p, now: now)
        #expect(verdict.label == .suspicious)
        p.following = 150  // not twice its followers: dormant, not collecting
        #expect(policy.judge(p, now: now).label == .inactive)
    }

    @Test func everyRuleIsNamedAndExplained() {
        #expect(Set(AuditRule.all.map(\.id)).count == AuditRule.all.count)
        #expect(AuditRule.all.allSatisfy { !$0.explanation.isEmpty })
        #expect(AuditRule.Family.allCases.allSatisfy { family in AuditRule.all.contains { $0.family == family } })
    }
}
