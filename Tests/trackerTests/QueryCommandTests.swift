import Foundation
import Testing

@Suite struct QueryCommandTests {
    let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path

    private func loaded() throws -> Sandbox {
        let box = try Sandbox()
        let result = try box.run(["ingest", "--quiet", example])
        #expect(result.status == 0, "\(result.stderr)")
        return box
    }

    @Test func pagesListsLatestValuesAsJSONNumbers() throws {
        let box = try loaded()
        let result = try box.run(["pages", "--json"])
        let pages = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(pages.count == 2)
        let facebook = try #require(pages.first { $0["platform"] as? String == "facebook" })
        #expect(facebook["fans"] as? Int == 4164)
        #expect(facebook["snapshots"] as? Int == 26)
        #expect(facebook["first_at"] as? String == "2014-01-06T00:00:00Z")
        #expect(facebook["followers"] is NSNull)
    }

    @Test func historyShowsChangesSinceThePreviousSnapshot() throws {
        let box = try loaded()
        let result = try box.run(["history", "--page", "CLOUDWATT", "--platform", "facebook", "--metric", "fans",
                                  "--since", "2014-02-03", "--until", "2014-02-10", "--csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            platform,page,observed_at,fans,fans_change
            facebook,cloudwatt,2014-02-03T00:00:00Z,994,8
            facebook,cloudwatt,2014-02-10T00:00:00Z,1115,121

            """)
        let missing = try box.run(["history", "--page", "nobody"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no page named 'nobody'"))
        #expect(missing.stderr.contains("Hint:"))
    }

    /// A metric first observed later (an audit figure, a new column) is no column of blanks in a
    /// table of an earlier period; CSV keeps every column, so that a script's columns do not move.
    @Test func aTableLeavesOutMetricsWithNoValueInThePeriod() throws {
        let box = try Sandbox()
        let file = try box.file("shop.csv", "page,platform,observed_at,followers,likes\n"
            + "shop,instagram,2014-01-01,300,\nshop,instagram,2014-01-02,310,\nshop,instagram,2014-03-01,400,25\n")
        #expect(try box.run(["ingest", "--quiet", file]).status == 0)
        let january = ["history", "--page", "shop", "--until", "2014-01-31"]
        let table = try box.run(january + ["--table"])
        #expect(table.status == 0 && table.stdout.contains("followers_change") && !table.stdout.contains("likes"), "\(table.stdout)")
        #expect(try box.run(january + ["--csv"]).stdout.hasPrefix("platform,page,observed_at,followers,followers_change,likes,likes_change\n"))
        #expect(try box.run(january + ["--metric", "likes", "--table"]).stdout.contains("likes_change"))
        #expect(try box.run(["history", "--page", "shop", "--table"]).stdout.contains("likes_change"))
    }

    /// A misspelt metric is an error naming the page's metrics, not a column of blanks.
    @Test func aMetricThePageLacksIsAnErrorWithItsMetrics() throws {
        let box = try loaded()
        for command in ["history", "chart"] {
            let result = try box.run([command, "--page", "cloudwatt", "--platform", "twitter", "--metric", "fans"])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("Error: twitter/cloudwatt has no metric 'fans'"), "\(result.stderr)")
            #expect(result.stderr.contains("Hint: its metrics: followers, following"), "\(result.stderr)")
        }
        // Across the platforms of a page, each metric needs only one of them.
        let both = try box.run(["chart", "--page", "cloudwatt", "--metric", "fans", "--metric", "following", "--width", "60"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.contains("facebook/cloudwatt · fans") && both.stdout.contains("twitter/cloudwatt · following"))
    }

    @Test func tableFormatGroupsThousands() throws {
        let box = try loaded()
        let result = try box.run(["pages", "--format", "table"])
        #expect(result.stdout.contains("4,164"))
        #expect(!result.stdout.contains("\u{1B}["))  // NO_COLOR
        let piped = try box.run(["pages"])
        #expect(piped.stdout.hasPrefix("platform\tpage\tfirst_at"))  // tsv when piped
    }

    @Test func sqlIsReadOnlyUnlessAskedAndTakesParameters() throws {
        let box = try loaded()
        let denied = try box.run(["sql", "DELETE FROM snapshot"])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("--write"))
        let query = try box.run(["sql", "--nl", "SELECT page, fans FROM snapshots WHERE platform = :p AND fans > :n ORDER BY fans DESC LIMIT :k",
                                 "-p", "p", "facebook", "-p", "n", "4150", "-p", "k=2"])
        #expect(query.stdout == "{\"page\": \"cloudwatt\", \"fans\": 4164}\n{\"page\": \"cloudwatt\", \"fans\": 4158}\n")
        let unbound = try box.run(["sql", "SELECT :nope"])
        #expect(unbound.status == 1)
        #expect(unbound.stderr.contains("-p nope VALUE"))
        let fromStdin = try box.run(["sql", "--csv", "-"], stdin: "SELECT count(*) AS n FROM snapshots")
        #expect(fromStdin.stdout == "n\n52\n")
        let write = try box.run(["sql", "--write", "DELETE FROM metric_value; DELETE FROM revision; DELETE FROM snapshot WHERE page_id = 1"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try box.run(["sql", "--csv", "SELECT count(*) AS n FROM snapshot"]).stdout == "n\n26\n")
    }

    @Test func schemaPrintsTheViews() throws {
        let box = try loaded()
        let result = try box.run(["schema"])
        #expect(result.stdout.contains("CREATE TABLE snapshot"))
        #expect(result.stdout.contains("CREATE VIEW snapshots"))
        #expect(result.stdout.contains("CREATE VIEW gains"))
    }

    @Test func refusesADatabaseFromANewerTracker() throws {
        let box = try loaded()
        #expect(try box.run(["sql", "--write", "INSERT INTO schema_migrations VALUES (9999, 'future', 'x')"]).status == 0)
        let result = try box.run(["pages"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("newer than this tracker knows"))
        #expect(try box.run(["ingest", example]).status == 1)
    }

    @Test func readingCommandsNeedAnExistingDatabase() throws {
        let box = try Sandbox()
        let result = try box.run(["pages"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: box.db))
    }

    @Test func versionAndHelp() throws {
        let box = try Sandbox()
        #expect(try box.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        for command in ["ingest", "pages", "history", "sql", "schema"] {
            let help = try box.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"), "\(command)")
        }
        #expect(try box.run(["--generate-completion-script", "bash"]).stdout.contains("tracker"))
    }
}
