import Foundation
import Testing

@Suite struct ReportCommandTests {
    let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path

    @Test func writesTheCloudwattReport() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest", "--quiet", example]).status == 0)
        let path = box.folder.appendingPathComponent("cloudwatt.html").path
        let result = try box.run(["report", "--page", "cloudwatt", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == path + "\n")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<h2>facebook</h2>") && html.contains("<h2>twitter</h2>"))
        #expect(html.contains("Fans and engagement rate"))
        #expect(html.contains("the engaged audience shrank from 278 to 166"))
        #expect(html.contains("follow churn"))
        #expect(html.contains("4,164"))
    }

    @Test func showsTheFollowerAuditWhenThePageHasRosters() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest", "--quiet", example]).status == 0)
        let folder = repositoryRoot.appendingPathComponent("examples/followers")
        for at in ["2014-05-01", "2014-06-02"] {
            #expect(try box.run(["followers", "ingest", "-q", "--page", "cloudwatt", "--platform", "twitter", "--at", at,
                                 folder.appendingPathComponent("cloudwatt-\(at).csv").path]).status == 0)
        }
        #expect(try box.run(["graph", "ingest", "-q", "--page", "cloudwatt", "--platform", "twitter", "--at", "2014-06-02",
                             folder.appendingPathComponent("cloudwatt-graph-2014-06-02.csv").path]).status == 0)
        let path = box.folder.appendingPathComponent("cloudwatt.html").path
        #expect(try box.run(["report", "--page", "cloudwatt", "-o", path]).status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("Follower audit, 2014-06-02: 640 followers"))
        #expect(html.contains("suspicious 31.1%"))
        #expect(html.contains("2012: 222 (34.7%)"))
        #expect(html.contains("210 new followers, 20 lost; 150 of the new ones look suspicious"))
        #expect(html.contains("150 new followers listed together, all created between 2012-06-01 and 2012-06-05"))
        #expect(html.contains("Outsider community:</strong> community 2 (197 accounts)"))
        #expect(html.components(separatedBy: "Follower audit").count == 2)  // twitter only: facebook has no roster
        // The name is on facebook and twitter; only twitter has rosters and a graph, so no --platform is needed.
        #expect(try box.run(["audit", "--page", "cloudwatt", "--json"]).status == 0)
        #expect(try box.run(["graph", "communities", "--page", "cloudwatt", "--json"]).status == 0)
        // Neither has a following roster: said so, with how to record one, rather than "choose a platform".
        let none = try box.run(["audit", "--page", "cloudwatt", "--relation", "following"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("Error: 'cloudwatt' is on facebook and twitter, and has no following roster on either"), "\(none.stderr)")
        #expect(none.stderr.contains("tracker followers ingest --page cloudwatt --platform P --relation following FILE"), "\(none.stderr)")
    }

    @Test func writesAnIndexOfEveryPage() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest", "--quiet", example]).status == 0)
        let folder = box.folder.appendingPathComponent("reports").path
        let result = try box.run(["report", "--all", "-o", folder])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["facebook-cloudwatt.html", "index.html", "twitter-cloudwatt.html"])
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(index.contains("href=\"facebook-cloudwatt.html\"") && index.contains("href=\"twitter-cloudwatt.html\""))
        #expect(try box.run(["report", "--all"]).status == 64)
        #expect(try box.run(["report"]).status == 64)
    }
}
