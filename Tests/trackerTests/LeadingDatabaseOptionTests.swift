import Foundation
import Testing

/// `--db` before the command (`tracker --db FILE anomalies`), as `git -C` and `sqlite3 FILE` users
/// write it, reaches the command: swift-argument-parser alone rejects it there.
@Suite struct LeadingDatabaseOptionTests {
    let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path

    @Test func aDatabaseNamedBeforeTheCommandIsTheOneUsed() throws {
        let box = try Sandbox()
        let other = box.folder.appendingPathComponent("other.db").path
        let ingest = try box.run(["--db", other, "ingest", "--quiet", example])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(!FileManager.default.fileExists(atPath: box.db), "$TRACKER_DB's database was written")

        let after = try box.run(["pages", "--csv", "--db", other])
        for leading in [["--db", other], ["--db=\(other)"]] {
            let before = try box.run(leading + ["pages", "--csv"])
            #expect(before.status == 0, "\(before.stderr)")
            #expect(before.stdout == after.stdout)
        }
        #expect(after.stdout.contains("facebook,cloudwatt"))
    }

    @Test func itReachesANestedCommandAndStopsAtDoubleDash() throws {
        let box = try Sandbox()
        let other = box.folder.appendingPathComponent("other.db").path
        #expect(try box.run(["--db", other, "ingest", "--quiet", example]).status == 0)
        let roster = try box.file("followers.csv", "username,followers_count\nann,10\nbob,20\n")
        let nested = try box.run(["--db", other, "followers", "ingest", "--page", "cloudwatt", "--platform", "twitter",
                                  "--quiet", roster])
        #expect(nested.status == 0, "\(nested.stderr)")
        let query = try box.run(["--db", other, "sql", "--csv", "--", "SELECT count(*) AS n FROM roster"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "n\n1\n")
    }

    @Test func withoutACommandItIsStillAUsageError() throws {
        let box = try Sandbox()
        let result = try box.run(["--db", box.db])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--db"))
    }
}
