import Foundation
import Testing

/// `tracker followers ingest`, `tracker followers changes` and `tracker audit`, through the binary.
@Suite struct FollowersCommandTests {
    let first = repositoryRoot.appendingPathComponent("examples/followers/cloudwatt-2014-05-01.csv").path
    let second = repositoryRoot.appendingPathComponent("examples/followers/cloudwatt-2014-06-02.csv").path

    func objects(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func ingestBoth(_ sandbox: Sandbox) throws {
        for (file, at) in [(first, "2014-05-01"), (second, "2014-06-02")] {
            let result = try sandbox.run(["followers", "ingest", "--page", "cloudwatt", "--platform", "twitter", "--at", at, "-q", file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        }
    }

    func figure(_ rows: [[String: Any]], _ section: String, _ item: String) -> Int? {
        rows.first { $0["section"] as? String == section && $0["item"] as? String == item }?["accounts"] as? Int
    }

    /// An API response saved as it came is named `.json` like an array of user objects: what the
    /// file opens with tells them apart, without `--format`.
    @Test func aSavedAPIResponseIsReadAsOneWithoutFormat() throws {
        let sandbox = try Sandbox()
        let response = try sandbox.file("followers.json", """
            {"data": [{"id": "1", "username": "alice", "description": "",
                       "public_metrics": {"followers_count": 5, "following_count": 900, "tweet_count": 0, "listed_count": 0}},
                      {"id": "2", "username": "bob", "description": "journalist",
                       "public_metrics": {"followers_count": 1500, "following_count": 300, "tweet_count": 12000, "listed_count": 40}}],
             "meta": {"result_count": 2}}
            """)
        let array = try sandbox.file("following.json", #"  [{"id": "3", "username": "carol"}]"#)
        for (file, relation) in [(response, "followers"), (array, "following")] {
            let result = try sandbox.run(["followers", "ingest", "-q", "--page", "acme", "--platform", "twitter",
                                          "--relation", relation, "--at", "2024-05-01", file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let rows = try objects(try sandbox.run(["audit", "--page", "acme", "--json"]).stdout)
        #expect(figure(rows, "verdict", "suspicious") == 1)
        #expect(figure(rows, "verdict", "genuine") == 1)
    }

    @Test func auditCountsVerdictsAndTheListsAgree() throws {
        let sandbox = try Sandbox()
        try ingestBoth(sandbox)
        let rows = try objects(try sandbox.run(["audit", "--page", "cloudwatt", "--json"]).stdout)
        let suspicious = try #require(figure(rows, "verdict", "suspicious"))
        let counts = ["suspicious", "inactive", "genuine"].compactMap { figure(rows, "verdict", $0) }
        #expect(counts.reduce(0, +) == 640)
        // The 150 bought and most of the 50 earlier fakes.
        #expect((180...215).contains(suspicious), "\(suspicious)")
        let listed = try objects(try sandbox.run(["audit", "--page", "cloudwatt", "--list", "suspicious", "--json"]).stdout)
        #expect(listed.count == suspicious)
        #expect(listed.allSatisfy { ($0["score"] as? Int ?? 0) >= 50 })
        // The earlier roster is still there, as it was.
        let before = try objects(try sandbox.run(["audit", "--page", "cloudwatt", "--at", "2014-05-15", "--json"]).stdout)
        #expect(["suspicious", "inactive", "genuine"].compactMap { figure(before, "verdict", $0) }.reduce(0, +) == 450)
    }

    @Test func changesFindTheBoughtBatch() throws {
        let sandbox = try Sandbox()
        try ingestBoth(sandbox)
        let rows = try objects(try sandbox.run(["followers", "changes", "--page", "cloudwatt", "--json"]).stdout)
        #expect(figure(rows, "change", "new") == 210)
        #expect(figure(rows, "change", "lost") == 20)
        #expect(figure(rows, "batch", "#1") == 150)
        #expect(figure(rows, "batch", "#2") == nil)
        let lost = try objects(try sandbox.run(["followers", "changes", "--page", "cloudwatt", "--list", "lost", "--json"]).stdout)
        #expect(lost.count == 20)
        // The figures are metrics of the page, like any other.
        let history = try sandbox.run(["sql", "--csv", "SELECT metric, value FROM metric_values WHERE observed_at = '2014-06-02T00:00:00Z' AND metric IN ('new_followers', 'batch_arrivals') ORDER BY 1"])
        #expect(history.stdout == "metric,value\nbatch_arrivals,150\nnew_followers,210\n")
    }

    @Test func aRosterRecordedLateUpdatesTheChangesOfTheNextOne() throws {
        let sandbox = try Sandbox()
        for (file, at) in [(second, "2014-06-02"), (first, "2014-05-01")] {
            let result = try sandbox.run(["followers", "ingest", "-q", "--page", "cloudwatt", "--platform", "twitter", "--at", at, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let metrics = try sandbox.run(["sql", "--csv", "SELECT observed_at, metric, value FROM metric_values WHERE metric IN ('new_followers', 'batch_arrivals') ORDER BY 1, 2"])
        #expect(metrics.stdout == "observed_at,metric,value\n2014-06-02T00:00:00Z,batch_arrivals,150\n2014-06-02T00:00:00Z,new_followers,210\n")
    }

    @Test func reingestingTheSameRosterChangesNothing() throws {
        let sandbox = try Sandbox()
        try ingestBoth(sandbox)
        let before = try sandbox.dump().split(separator: "\n").filter { !$0.hasPrefix("r,") && !$0.hasPrefix("o,") }
        let again = try sandbox.run(["followers", "ingest", "--page", "cloudwatt", "--at", "2014-06-02", second])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("replaced with 640 accounts, 0 new or changed profiles"), "\(again.stderr)")
        #expect(try sandbox.dump().split(separator: "\n").filter { !$0.hasPrefix("r,") && !$0.hasPrefix("o,") } == before)
    }

    @Test func badInputNamesTheLineAndChangesNothing() throws {
        let sandbox = try Sandbox()
        try ingestBoth(sandbox)
        let before = try sandbox.dump()
        let bad = try sandbox.file("bad.csv", "id,handle,followers,created_at\n1,ada,10,2014-01-01\n2,bob,lots,2014-01-01\n")
        let result = try sandbox.run(["followers", "ingest", "--page", "cloudwatt", "--at", "2014-07-01", bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.csv, line 3, column \"followers\": \"lots\" is not a count"), "\(result.stderr)")
        #expect(try sandbox.dump() == before)
        let repeated = try sandbox.file("repeat.csv", "id,handle\n1,ada\n2,bob\n1,ada\n")
        let twice = try sandbox.run(["followers", "ingest", "--page", "cloudwatt", "--at", "2014-07-01", repeated])
        #expect(twice.stderr.contains("line 4, column \"id\": \"1\" repeats an account already in this roster"), "\(twice.stderr)")
        #expect(try sandbox.dump() == before)
        let rejects = sandbox.folder.appendingPathComponent("rejects.csv").path
        let skipped = try sandbox.run(["followers", "ingest", "--page", "cloudwatt", "--at", "2014-07-01", "--skip-invalid",
                                       "--rejects", rejects, "-"], stdin: try String(contentsOfFile: bad, encoding: .utf8))
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("2 accounts read, 1 rejected"), "\(skipped.stderr)")
        #expect(skipped.stderr.contains("with 1 account, 1 new or changed profile;"), "\(skipped.stderr)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "id,handle,followers,created_at\n2,bob,lots,2014-01-01\n")
    }

    @Test func unknownPagesAndBadRulesAreExplained() throws {
        let sandbox = try Sandbox()
        let roster = try sandbox.file("r.ndjson", #"{"id": "1", "followers": 3, "following": 900}"# + "\n")
        let unknown = try sandbox.run(["followers", "ingest", "--page", "nobody", roster])
        #expect(unknown.status != 0 && unknown.stderr.contains("Error: no page named 'nobody'") && unknown.stderr.contains("--platform"))
        #expect(try sandbox.run(["followers", "ingest", "--page", "nobody", "--platform", "x", "--at", "2020-01-01", roster]).status == 0)
        let strict = try sandbox.file("rules.json", #"{"imbalance_ratio": 1000}"#)
        let lenient = try objects(try sandbox.run(["audit", "--page", "nobody", "--rules", strict, "--json"]).stdout)
        #expect(figure(lenient, "verdict", "suspicious") == 0)
        #expect(figure(try objects(try sandbox.run(["audit", "--page", "nobody", "--json"]).stdout), "verdict", "suspicious") == 1)
        let broken = try sandbox.file("broken.json", #"{"thresholds": {"few_post": 3}}"#)
        let refused = try sandbox.run(["audit", "--page", "nobody", "--rules", broken])
        #expect(refused.status != 0 && refused.stderr.contains("broken.json, field \"thresholds.few_post\": is not a rule in use"), "\(refused.stderr)")
        let single = try sandbox.run(["followers", "changes", "--page", "nobody"])
        #expect(single.status != 0 && single.stderr.contains("has only one followers roster"))
    }
}

/// The following relation: accounts followed, then unfollowed soon after (follow-back farming).
@Suite struct FollowingChurnTests {
    @Test func followedThenDroppedWithinTheWindowIsChurn() throws {
        let sandbox = try Sandbox()
        let header = "id,handle,followers,following,posts\n"
        let rows = { (ids: ClosedRange<Int>) in ids.map { "\($0),u\($0),50,60,400\n" }.joined() }
        // Day 0: 10 accounts followed. Day 7: 40 more (a follow burst). Day 20: the burst dropped. Day 60: 5 old ones dropped.
        let rosters = [("2020-01-01", rows(1...10)), ("2020-01-08", rows(1...50)), ("2020-01-21", rows(1...10)), ("2020-03-01", rows(1...5))]
        for (at, body) in rosters {
            let file = try sandbox.file("following-\(at).csv", header + body)
            let result = try sandbox.run(["followers", "ingest", "--page", "acme", "--platform", "twitter", "--relation", "following", "--at", at, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func figures(_ at: String) throws -> [String: Int] {
            let out = try sandbox.run(["followers", "changes", "--page", "acme", "--relation", "following", "--at", at, "--json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["item"] as! String, $0["accounts"] as! Int) })
        }
        #expect(try figures("2020-01-21") == ["followed": 0, "unfollowed": 40, "followed suspicious": 0, "churned": 40])
        #expect(try figures("2020-03-01")["churned"] == 0)  // followed two months before: not churn
        let metric = try sandbox.run(["sql", "--csv", "SELECT value FROM metric_values WHERE metric = 'churned_follows' ORDER BY observed_at"])
        #expect(metric.stdout == "value\n0\n40\n0\n")  // at each roster after the first
    }
}
