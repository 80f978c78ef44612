import Foundation
import Testing
@testable import TrackerAudit

@Suite struct PolicyConfigTests {
    func policy(_ json: String) throws -> VerdictPolicy { try VerdictPolicy(config: Data(json.utf8), source: "rules.json") }

    @Test func thresholdsFamiliesAndScoreComeFromTheFile() throws {
        let chosen = try policy(#"{"families": ["seed"], "thresholds": {"few_posts": 10}, "suspicious_score": 70}"#)
        #expect(chosen.rules.map(\.id) == ["no_description", "few_posts", "inactive"])
        #expect(chosen.rules[1].explanation == "has fewer than 10 posts")
        #expect(chosen.suspiciousScore == 70)
        var p = Profile(id: "1")
        p.posts = 50
        #expect(chosen.rules[1].check(p, now: 0) == false)
        #expect(VerdictPolicy().rules.first { $0.id == "few_posts" }?.check(p, now: 0) == true)
    }

    @Test func disabledRulesAreGone() throws {
        let chosen = try policy(#"{"disable": ["cc_no_url", "cc_no_bio"]}"#)
        #expect(chosen.rules.count == AuditRule.all.count - 2)
        #expect(!chosen.rules.contains { $0.id == "cc_no_url" })
    }

    @Test func mistakesNameTheField() {
        let families = AuditRule.Family.allCases.map(\.rawValue).joined(separator: ", ")
        let cases: [(json: String, field: String, message: String)] = [
            (#"{"thresholds": {"few_post": 10}}"#, "thresholds.few_post", "is not a rule in use"),
            (#"{"thresholds": {"few_posts": -1}}"#, "thresholds.few_posts", "is not a number ≥ 0"),
            (#"{"thresholds": [10]}"#, "thresholds", "is not an object of rule: number"),
            (#"{"families": ["botometer"]}"#, "families", "\"botometer\" is not a family (\(families))"),
            (#"{"families": "seed"}"#, "families", "is not a list of family names"),
            (#"{"disable": ["cc_no_urls"]}"#, "disable", "\"cc_no_urls\" is not a rule"),
            (#"{"disable": "cc_no_url"}"#, "disable", "is not a list of rule ids"),
            (#"{"suspicious": 50}"#, "suspicious",
             "is not a setting (known: disable, families, imbalance_ratio, suspicious_score, thresholds)"),
            (#"{"suspicious_score": 0}"#, "suspicious_score", "is not a whole number from 1 to 100"),
            (#"{"imbalance_ratio": 1}"#, "imbalance_ratio", "is not a number above 1"),
            ("[1, 2]", "", "is not a JSON object"),
        ]
        for (json, field, message) in cases {
            #expect(throws: AuditConfigError(source: "rules.json", field: field, message: message), "\(json)") { try policy(json) }
        }
    }

    /// A file that is no JSON says so, not that a field named "" is no object.
    @Test func aBrokenFileIsNamedAsInvalidJSON() {
        do {
            _ = try policy("{not json")
            Issue.record("accepted broken JSON")
        } catch {
            #expect("\(error)".hasPrefix("rules.json: is not valid JSON"), "\(error)")
        }
    }
}

@Suite struct SummaryTests {
    @Test func countsVerdictsRulesAgesAndChampions() {
        let now: Int64 = 1_600_000_000
        var summary = AuditSummary(policy: VerdictPolicy(), now: now)
        var champion = Profile(id: "c")
        champion.following = 5_000; champion.followers = 4_800; champion.posts = 900; champion.createdAt = now - 400 * 86_400
        var bot = Profile(id: "b")
        bot.following = 2_000; bot.followers = 3; bot.posts = 0; bot.createdAt = now - 10 * 86_400
        var unknown = Profile(id: "u")
        unknown.description = ""
        for p in [champion, bot, unknown] { summary.add(p) }
        #expect(summary.accounts == 3)
        #expect(summary.verdicts == [.genuine: 2, .suspicious: 1])
        #expect(summary.followbackChampions == 1)
        #expect(summary.ages == [1, 0, 1, 0, 0, 0, 1])
        #expect(summary.creationYears == [2019: 1, 2020: 1])  // 2020-09-13 less 400 and 10 days
        #expect(AuditSummary.year(-1) == 1969)
        let noDescription = summary.rules.first { $0.rule == "no_description" }
        #expect(noDescription == AuditSummary.RuleCount(rule: "no_description", flagged: 1, judged: 1))
        #expect(abs(summary.share(.suspicious) - 1.0 / 3) < 1e-12)
    }
}

@Suite struct ValueCountTests {
    @Test func valuesAreComparedWithoutCaseOrSpaces() {
        var counts = ValueCounts()
        for value in ["Paris", " paris", "PARIS ", "Lyon", "lyon", "", "  ", "Nantes"] { counts.add(value) }
        #expect(counts.top(2).map(\.value) == ["Paris", "Lyon"])
        #expect(counts.top(2).map(\.count) == [3, 2])
        #expect(counts.top(10).count == 3)
    }
}

@Suite struct BatchArrivalTests {
    let day: Int64 = 86_400

    @Test func aRunOfAccountsCreatedTogetherIsFound() {
        // Organic arrivals: creation dates spread over years; then 25 accounts created within a week.
        var created: [Int64?] = (0..<30).map { Int64($0) * 97 * day }
        created += (0..<25).map { Int64(5_000) * day + Int64($0 % 7) * day }
        created += (0..<10).map { Int64($0) * 131 * day }
        let runs = BatchArrivals.find(createdAt: created, window: 14 * day, minimumRun: 20)
        #expect(runs == [BatchArrivals.Run(first: 30, count: 25, createdFrom: 5_000 * day, createdTo: 5_006 * day)])
    }

    @Test func unknownDatesAndShortRunsAreNotBatches() {
        let created: [Int64?] = Array(repeating: 0, count: 19) + [nil] + Array(repeating: 0, count: 19)
        #expect(BatchArrivals.find(createdAt: created, minimumRun: 20).isEmpty)
        #expect(BatchArrivals.find(createdAt: created, minimumRun: 19).count == 2)
    }
}
