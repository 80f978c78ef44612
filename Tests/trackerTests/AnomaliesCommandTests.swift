import Foundation
import Testing

@Suite struct AnomaliesCommandTests {
    let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path

    private func loaded() throws -> Sandbox {
        let box = try Sandbox()
        let result = try box.run(["ingest", example])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("anomalies raised or extended"))
        return box
    }

    @Test func cloudwattShowsTheContestAndTheMassFollowing() throws {
        let box = try loaded()
        let result = try box.run(["anomalies", "--page", "cloudwatt", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        for key in ["page", "platform", "metric", "kind", "start", "end", "detected_at", "severity", "score", "before", "after", "explanation"] {
            #expect(list.allSatisfy { $0[key] != nil }, "\(key)")
        }
        let dilution = try #require(list.first { $0["kind"] as? String == "dilution" })
        #expect(dilution["platform"] as? String == "facebook")
        #expect(dilution["start"] as? String == "2014-02-03T00:00:00Z")
        #expect(dilution["before"] as? Int == 994)
        #expect(dilution["after"] as? Int == 4140)
        #expect((dilution["explanation"] as? String)?.contains("the engaged audience shrank from 278 to 166") == true)
        #expect(list.contains { $0["kind"] as? String == "surge" && $0["platform"] as? String == "facebook" })
        let churn = try #require(list.first { $0["kind"] as? String == "follow_churn" })
        #expect(churn["platform"] as? String == "twitter")
        #expect(churn["metric"] as? String == "following")
        let detected = list.compactMap { $0["detected_at"] as? String }
        #expect(detected == detected.sorted(by: >))  // newest first
    }

    @Test func filtersAndTheTableView() throws {
        let box = try loaded()
        let kinds = try box.run(["anomalies", "--kind", "follow_churn", "--kind", "dilution", "--csv"])
        let rows = kinds.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        #expect(try box.run(["anomalies", "--platform", "twitter", "--metric", "fans", "--csv"]).stdout.split(separator: "\n").count == 1)
        #expect(try box.run(["anomalies", "--since", "2014-04-01", "--csv"]).stdout.contains("follow_churn"))
        #expect(!(try box.run(["anomalies", "--since", "2014-07-01", "--csv"]).stdout.contains("follow_churn")))
        let table = try box.run(["anomalies", "--table", "--page", "cloudwatt"])
        #expect(table.stdout.contains("facebook/cloudwatt"))
        #expect(table.stdout.contains("▁"))  // a sparkline
        #expect(!table.stdout.contains("\u{1B}["))  // NO_COLOR
        #expect(try box.run(["anomalies", "--kind", "nonsense"]).status == 64)
    }

    /// A misspelt platform or metric would make `--fail-on` page no one, ever: it is an error.
    @Test func aPlatformOrMetricNoPageHasIsAnError() throws {
        let box = try loaded()
        let metric = try box.run(["anomalies", "--metric", "folowers", "--fail-on", "critical", "--quiet"])
        #expect(metric.status == 1)
        #expect(metric.stderr.contains("Error: no page has a metric 'folowers'") && metric.stderr.contains("metrics: followers, following, fans"))
        let platform = try box.run(["anomalies", "--platform", "twiter"])
        #expect(platform.status == 1 && platform.stderr.contains("Hint: platforms: facebook, twitter"))
        #expect(try box.run(["pages", "--platform", "twiter"]).status == 1)
        // Names are matched as ingest stores them: lower case.
        let spelled = try box.run(["anomalies", "--platform", "Twitter", "--metric", "Following", "--csv"])
        #expect(spelled.status == 0 && spelled.stdout.contains("follow_churn"))
    }

    /// A capture that keeps sending yesterday's engagement rate: one flatline, extended day by day
    /// as the stale value keeps arriving, the same whether ingested at once or a day at a time.
    @Test func aStaleEngagementRateIsAFlatline() throws {
        var rows = ["page,platform,observed_at,engagement_rate"]
        for day in 0..<90 {
            let rate = day >= 70 && day <= 78 ? 0.04321 : 0.04 + Double((day * 37) % 17) / 1000
            rows.append("stale,instagram,\(dateString(day)),\(rate)")
        }
        let whole = try Sandbox(), daily = try Sandbox()
        #expect(try whole.run(["ingest", whole.file("all.csv", rows.joined(separator: "\n"))]).status == 0)
        for day in 1..<rows.count {
            #expect(try daily.run(["ingest", "--quiet", "-"], stdin: rows[0] + "\n" + rows[day]).status == 0)
        }
        let result = try whole.run(["anomalies", "--kind", "flatline", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["start"] as? String == "2014-03-12T00:00:00Z")
        #expect(list.first?["end"] as? String == "2014-03-20T00:00:00Z")
        #expect((list.first?["explanation"] as? String)?.hasSuffix("may come from a stale capture.") == true)
        #expect(try daily.run(["anomalies", "--json"]).stdout == whole.run(["anomalies", "--json"]).stdout)
    }

    /// A purge hits most pages of a platform on one day: each page's drop says so; a page's own
    /// drop on another day does not.
    @Test func aDropOnManyPagesAtOnceIsThePlatforms() throws {
        var rows = ["page,platform,observed_at,followers"]
        for page in 0..<10 {
            var followers = 10_000 + 1_000 * page
            for day in 0..<150 {
                followers += 20 + (day * 37 + page * 11) % 13 - 6
                if day == 120 && page < 6 { followers -= 2_000 }
                if day == 100 && page == 9 { followers -= 2_000 }
                rows.append("p\(page),twitter,\(dateString(day)),\(followers)")
            }
        }
        let box = try Sandbox()
        #expect(try box.run(["ingest", box.file("purge.csv", rows.joined(separator: "\n"))]).status == 0)
        let result = try box.run(["anomalies", "--kind", "drop", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let purge = list.filter { $0["detected_at"] as? String == "2014-05-01T00:00:00Z" }
        #expect(purge.count == 6)
        #expect(purge.allSatisfy { $0["platform_peers"] as? Int == 5 })
        #expect(purge.allSatisfy { ($0["context"] as? String) == "5 of the 9 other twitter pages had a fall in followers within "
            + "a day of it: the platform (a purge of fake accounts, a capture outage) explains it better than the page." })
        let p9 = try #require(list.first { $0["page"] as? String == "p9" })
        #expect(p9["platform_peers"] as? Int == 0 && p9["context"] as? String == "")
        #expect(try box.run(["anomalies", "--page", "p0", "--table"]).stdout.split(separator: "\n").joined(separator: " ").contains("5 of the 9 other twitter pages"))
        let own = try box.run(["anomalies", "--kind", "drop", "--skip-platform-wide", "--csv"]).stdout.split(separator: "\n").dropFirst()
        #expect(own.count == 1 && own.first?.hasPrefix("p9,") == true)
    }

    /// A level worked out as the median of two rates prints as a person would write it.
    @Test func computedValuesPrintToTwelveFigures() throws {
        var rows = ["page,platform,observed_at,engagement_rate"]
        for day in 0..<60 { rows.append("r,facebook,\(dateString(day)),\(day % 2 == 0 ? "0.07259" : "0.0726")") }
        for day in 60..<70 { rows.append("r,facebook,\(dateString(day)),0.0363") }
        let box = try Sandbox()
        #expect(try box.run(["ingest", box.file("rates.csv", rows.joined(separator: "\n"))]).status == 0)
        let csv = try box.run(["anomalies", "--kind", "level_shift", "--csv"]).stdout
        #expect(csv.contains(",0.072595,0.0363,"), "\(csv)")
    }

    @Test func failOnExitsThreeForCron() throws {
        let box = try loaded()
        let critical = try box.run(["anomalies", "--fail-on", "critical", "--quiet"])
        #expect(critical.status == 3)
        #expect(critical.stdout.isEmpty)
        #expect(try box.run(["anomalies", "--since", "2014-07-01", "--fail-on", "warning", "--quiet"]).status == 0)
    }

    @Test func detectRecomputesTheSameAnomaliesAsTheDailyRuns() throws {
        // Feed the example one day at a time, as cron would, then recompute everything at once.
        let box = try Sandbox()
        let lines = try String(contentsOfFile: example, encoding: .utf8).split(separator: "\n")
        let byDay = Dictionary(grouping: lines.dropFirst()) { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        for day in byDay.keys.sorted() {
            let file = try box.file("day.csv", ([lines[0]] + byDay[day]!).joined(separator: "\n") + "\n")
            #expect(try box.run(["ingest", "--quiet", file]).status == 0)
        }
        let daily = try box.run(["anomalies", "--csv"]).stdout
        #expect(daily.contains("dilution") && daily.contains("follow_churn"))
        #expect(try box.run(["detect", "--all", "--quiet"]).status == 0)
        #expect(try box.run(["anomalies", "--csv"]).stdout == daily)
        let one = try box.run(["detect", "--page", "cloudwatt", "--platform", "facebook"])
        #expect(one.status == 0 && one.stderr.hasPrefix("1 page judged, 4 anomalies found; "), "\(one.stderr)")
        #expect(try box.run(["anomalies", "--csv"]).stdout == daily)
    }

    @Test func sensitivityIsOneKnobAndCanBeSavedPerPage() throws {
        let box = try loaded()
        let before = try box.run(["anomalies", "--csv"]).stdout
        #expect(try box.run(["detect", "--page", "cloudwatt", "--sensitivity", "low", "--save", "-q"]).status == 0)
        let low = try box.run(["anomalies", "--csv"]).stdout
        #expect(low.split(separator: "\n").count <= before.split(separator: "\n").count)
        let saved = try box.run(["sql", "--csv", "SELECT count(*) AS n FROM page_setting WHERE sensitivity = 0.7"])
        #expect(saved.stdout == "n\n2\n")
        // Without the flag, a full run keeps to the saved sensitivity, and so does the default elsewhere.
        #expect(try box.run(["detect", "--all", "-q"]).status == 0)
        #expect(try box.run(["anomalies", "--csv"]).stdout == low)
        #expect(low != before)
        #expect(try box.run(["detect", "--all", "--sensitivity", "shouty"]).status == 64)
        #expect(try box.run(["detect"]).status == 64)
    }

    @Test func noDetectSkipsDetection() throws {
        let box = try Sandbox()
        let result = try box.run(["ingest", "--no-detect", example])
        #expect(!result.stderr.contains("anomalies"))
        #expect(try box.run(["anomalies", "--csv"]).stdout.split(separator: "\n").count == 1)
    }
}
