import Foundation
import Testing

@Suite struct IngestCommandTests {
    let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path

    @Test func ingestsTheExampleOnceAndSaysSoTheSecondTime() throws {
        let box = try Sandbox()
        let first = try box.run(["ingest", example])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.contains("52 rows read, 52 snapshots added"))
        let second = try box.run(["ingest", example])
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 snapshots added, 0 updated, 52 unchanged"))
        #expect(second.stderr.contains("Nothing changed"))
        let quiet = try box.run(["ingest", "--quiet", example])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    /// A folder is said to be one, with how to give its files, by every ingest command.
    @Test func aFolderIsNoInput() throws {
        let box = try Sandbox()
        let folder = repositoryRoot.appendingPathComponent("examples").path
        for command in [["ingest"], ["followers", "ingest", "--page", "a", "--platform", "twitter"],
                        ["graph", "ingest", "--page", "a", "--platform", "twitter"]] {
            let result = try box.run(command + [folder])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Error: \(folder) is a folder, not a file"), "\(result.stderr)")
            #expect(result.stderr.contains("Hint: give the files in it, such as \(folder)/*.csv"), "\(result.stderr)")
        }
    }

    @Test func readsStandardInputAndAPIPayloads() throws {
        let box = try Sandbox()
        let stdin = try box.run(["ingest", "--platform", "instagram", "-"],
                                stdin: "page,observed_at,followers\nshop,2014-01-01,300\nshop,2014-01-02T12:00:00+02:00,310\nshop,2014-01-03,\n")
        #expect(stdin.status == 0, "\(stdin.stderr)")
        // The third capture observed nothing: counted, not stored (the table below has no 2014-01-03).
        #expect(stdin.stderr.contains("3 rows read, 2 snapshots added, 0 updated, 0 unchanged, 1 with no value (not stored)"), "\(stdin.stderr)")
        #expect(stdin.stderr.contains("; 1 page, 1 metric; 0 anomalies raised"), "\(stdin.stderr)")
        // A column left empty on every row is no metric: not counted, not offered to --metric.
        let other = try Sandbox()
        let empty = try other.run(["ingest", "--platform", "instagram", "-"],
                                  stdin: "page,observed_at,followers,likes\nshop,2014-01-04,320,\n")
        #expect(empty.stderr.contains("; 1 page, 1 metric;"), "\(empty.stderr)")
        #expect(try other.run(["anomalies", "--metric", "likes"]).stderr.contains("Error: no page has a metric 'likes'"))
        let payload = #"{"data": [{"username": "cloudwatt", "public_metrics": {"followers_count": 1866, "following_count": 435, "tweet_count": 3120, "listed_count": 41}}]}"#
        let api = try box.run(["ingest", "--format", "twitter", "--at", "2014-07-01T06:00:00Z", "-"], stdin: payload)
        #expect(api.status == 0, "\(api.stderr)")
        let rows = try box.run(["sql", "--csv", "SELECT platform, page, observed_at, followers FROM snapshots ORDER BY 1, 3"])
        #expect(rows.stdout == """
            platform,page,observed_at,followers
            instagram,shop,2014-01-01T00:00:00Z,300
            instagram,shop,2014-01-02T10:00:00Z,310
            twitter,cloudwatt,2014-07-01T06:00:00Z,1866

            """)
        let listed = try box.run(["sql", "--csv", "SELECT metric, value FROM metric_values WHERE metric = 'listed'"])
        #expect(listed.stdout.contains("listed,41"))
    }

    // MARK: - Bad input: exit 1, a message naming file, line and field, nothing changed

    static let badInputs: [(name: String, text: String, expected: String)] = [
        ("nonnumeric.csv", "page,platform,observed_at,followers\nx,twitter,2014-08-01,12x\n", #"line 2, column "followers": "12x" is not a number"#),
        ("nonfinite.csv", "page,platform,observed_at,followers\nx,twitter,2014-08-01,inf\n", "is not a finite number"),
        ("negative.csv", "page,platform,observed_at,followers\nx,twitter,2014-08-01,-3\n", "is negative"),
        ("badtime.csv", "page,platform,observed_at,followers\nx,twitter,01/08/2014,3\n", #"column "observed_at": "01/08/2014" is not an ISO 8601"#),
        ("future.csv", "page,platform,observed_at,followers\nx,twitter,2999-01-01,3\n", "is in the future"),
        ("nocolumn.csv", "page,platform,followers\nx,twitter,3\n", "no 'observed_at' column"),
        ("duplicate.csv", "page,platform,observed_at,followers\nx,twitter,2014-08-01,3\nx,twitter,2014-08-01,4\n", "line 3"),
        ("truncated.csv", "page,platform,observed_at,followers,following\nx,twitter,2014-08-01,3,4\nx,twitter,2014-08-02", "line 3: has 3 fields"),
        ("empty.csv", "", "is empty"),
        ("garbage.csv", "page,platform,observed_at,followers\n\u{0}\u{1}\u{2}PK\u{3}\u{4}\n", "binary"),
        ("notjson.ndjson", "{\"page\": \"x\", \"platform\": \"t\", \"observed_at\": \"2014-08-01\", \"followers\": 1}\n{oops}\n", "line 2: is not valid JSON"),
    ]

    @Test(arguments: 0..<badInputs.count)
    func rejectsBadInputAndLeavesTheDatabaseAsItWas(_ index: Int) throws {
        let (name, text, expected) = Self.badInputs[index]
        let box = try Sandbox()
        try box.run(["ingest", "--quiet", example])
        let before = try box.dump()
        let path = try box.file(name, text)
        let result = try box.run(["ingest", path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(path)"), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(try box.dump() == before)
        let log = try box.run(["sql", "--csv", "SELECT outcome, error IS NOT NULL FROM ingest_runs ORDER BY id DESC LIMIT 1"])
        #expect(log.stdout.contains("failed,1"))
    }

    @Test func aLineOverOneMebibyteIsRejected() throws {
        let box = try Sandbox()
        let path = try box.file("long.csv", "page,platform,observed_at,followers\n" + String(repeating: "y", count: 1_100_000) + ",t,2014-01-01,1\n")
        let result = try box.run(["ingest", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2: is longer than 1 MiB"))
    }

    @Test func usageErrorsExit64() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest"]).status == 64)
        #expect(try box.run(["ingest", "--on-conflict", "merge", example]).status == 64)
        #expect(try box.run(["ingest", "--rejects", "r.csv", example]).status == 64)
        #expect(try box.run(["ingest", "--at", "yesterday", example]).status == 64)
        #expect(try box.run(["history"]).status == 64)
        let unknown = try box.run(["ingest", "--frobnicate", example])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Error:"))
    }

    // MARK: - Conflicts

    @Test func conflictsRejectTheRunByDefault() throws {
        let box = try Sandbox()
        try box.run(["ingest", "--quiet", example])
        let before = try box.dump()
        let changed = try box.file("changed.csv", "page,platform,observed_at,fans\ncloudwatt,facebook,2014-02-03,995\ncloudwatt,facebook,2014-08-01,5000\n")
        let result = try box.run(["ingest", changed])
        #expect(result.status == 1)
        #expect(result.stderr.contains("facebook/cloudwatt at 2014-02-03T00:00:00Z: fans is stored as 994, the input says 995"))
        #expect(result.stderr.contains("--on-conflict"))
        #expect(try box.dump() == before)

        let skipped = try box.run(["ingest", "--on-conflict", "skip", changed])
        #expect(skipped.status == 0)
        #expect(try box.run(["sql", "--csv", "SELECT fans FROM snapshots WHERE observed_at LIKE '2014-02-03%' AND platform = 'facebook'"]).stdout == "fans\n994\n")

        let replaced = try box.run(["ingest", "--on-conflict", "replace", changed])
        #expect(replaced.status == 0)
        #expect(try box.run(["sql", "--csv", "SELECT fans FROM snapshots WHERE observed_at LIKE '2014-02-03%' AND platform = 'facebook'"]).stdout == "fans\n995\n")
        #expect(try box.run(["sql", "--csv", "SELECT metric, old_value, new_value FROM revision"]).stdout == "metric,old_value,new_value\nfans,994.0,995.0\n")
    }

    @Test func skipInvalidWritesTheGoodRowsAndTheRejects() throws {
        let box = try Sandbox()
        let input = try box.file("mixed.csv", "page,platform,observed_at,followers\na,t,2014-01-01,1\nb,t,2014-01-01,zz\nc,t,2014-01-01,3\nc,t,2014-01-01,3\n")
        let rejects = box.folder.appendingPathComponent("rejects.csv").path
        let result = try box.run(["ingest", "--skip-invalid", "--rejects", rejects, input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Skipped \(input), line 3, column \"followers\": \"zz\" is not a number"))
        #expect(result.stderr.contains("Skipped \(input), line 5"))
        #expect(result.stderr.contains("2 snapshots added"))
        #expect(result.stderr.contains("2 rejected"))
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "page,platform,observed_at,followers\nb,t,2014-01-01,zz\nc,t,2014-01-01,3\n")
    }

    @Test func severalFilesAreOneTransaction() throws {
        let box = try Sandbox()
        let good = try box.file("good.csv", "page,platform,observed_at,followers\na,t,2014-01-01,1\n")
        let bad = try box.file("bad.csv", "page,platform,observed_at,followers\na,t,2014-01-02,x\n")
        #expect(try box.run(["ingest", good, bad]).status == 1)
        #expect(try box.run(["sql", "--csv", "SELECT count(*) AS n FROM snapshot"]).stdout == "n\n0\n")
    }
}
