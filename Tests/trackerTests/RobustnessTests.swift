import Foundation
import Testing

/// Cron and an analyst at once; a crash mid-ingest.
@Suite(.serialized) struct RobustnessTests {
    @Test func concurrentIngestsAndReadersAllSucceed() throws {
        let box = try Sandbox()
        let a = try box.file("a.csv", generatedCSV(pages: 40, days: 400))
        let b = try box.file("b.csv", generatedCSV(pages: 40, days: 400, platform: "facebook"))
        #expect(try box.run(["ingest", "--quiet", try box.file("seed.csv", generatedCSV(pages: 1, days: 2, offset: 999))]).status == 0)
        var processes = [try box.start(["ingest", "--quiet", a]), try box.start(["ingest", "--quiet", b])]
        for _ in 0..<4 {
            processes.append(try box.start(["sql", "SELECT count(*), sum(followers) FROM snapshots"]))
            processes.append(try box.start(["pages", "--json"]))
        }
        for process in processes {
            let result = process.wait()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        #expect(try box.run(["sql", "--csv", "SELECT count(*) AS n FROM snapshot"]).stdout == "n\n\(2 + 2 * 40 * 400)\n")
    }

    @Test func rostersGraphsAndAuditsRunTogether() throws {
        let box = try Sandbox()
        let folder = repositoryRoot.appendingPathComponent("examples/followers")
        let first = folder.appendingPathComponent("cloudwatt-2014-05-01.csv").path
        #expect(try box.run(["followers", "ingest", "-q", "--page", "cloudwatt", "--platform", "twitter", "--at", "2014-05-01", first]).status == 0)
        var processes = [
            try box.start(["followers", "ingest", "-q", "--page", "cloudwatt", "--at", "2014-06-02",
                           folder.appendingPathComponent("cloudwatt-2014-06-02.csv").path]),
            try box.start(["graph", "ingest", "-q", "--page", "cloudwatt", "--at", "2014-06-02",
                           folder.appendingPathComponent("cloudwatt-graph-2014-06-02.csv").path]),
            try box.start(["ingest", "--quiet", repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path]),
        ]
        for _ in 0..<3 { processes.append(try box.start(["audit", "--page", "cloudwatt", "--platform", "twitter", "--json"])) }
        for process in processes {
            let result = process.wait()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("locked"))
        }
        #expect(try box.run(["sql", "--csv", "SELECT count(*) AS n FROM roster"]).stdout == "n\n2\n")
    }

    @Test func aKilledIngestLeavesTheDatabaseIntactWithNoneOfItsRows() throws {
        let box = try Sandbox()
        let seed = try box.file("seed.csv", generatedCSV(pages: 1, days: 5, offset: 999))
        #expect(try box.run(["ingest", "--quiet", seed]).status == 0)
        let before = try box.dump()
        let big = try box.file("big.csv", generatedCSV(pages: 300, days: 1000))
        let process = try box.start(["ingest", big])
        Thread.sleep(forTimeInterval: 0.6)
        #expect(process.process.isRunning, "the ingest finished before it could be killed; make the input larger")
        process.kill()
        let result = process.wait()
        #expect(result.status == SIGKILL)
        let check = try box.run(["sql", "--csv", "PRAGMA integrity_check"])
        #expect(check.stdout == "integrity_check\nok\n")
        #expect(try box.dump() == before)
        #expect(try box.run(["ingest", "--quiet", big]).status == 0)
    }
}
