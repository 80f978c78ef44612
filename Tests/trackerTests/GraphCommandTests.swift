import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `tracker graph ingest`, `communities` and `export`, through the binary, on the demo data.
@Suite struct GraphCommandTests {
    let folder = repositoryRoot.appendingPathComponent("examples/followers")

    func prepared() throws -> Sandbox {
        let sandbox = try Sandbox()
        for at in ["2014-05-01", "2014-06-02"] {
            let path = folder.appendingPathComponent("cloudwatt-\(at).csv").path
            #expect(try sandbox.run(["followers", "ingest", "-q", "--page", "cloudwatt", "--platform", "twitter", "--at", at, path]).status == 0)
        }
        let edges = folder.appendingPathComponent("cloudwatt-graph-2014-06-02.csv").path
        let result = try sandbox.run(["graph", "ingest", "--page", "cloudwatt", "--at", "2014-06-02", edges])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("recorded with 6,937 edges"), "\(result.stderr)")
        return sandbox
    }

    @Test func theFarmIsACommunityOfItsOwnAndIsFlagged() throws {
        let sandbox = try prepared()
        let result = try sandbox.run(["graph", "communities", "--page", "cloudwatt", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        let flagged = rows.filter { $0["flagged"] as? Int == 1 }
        #expect(flagged.count == 1)
        #expect(flagged.first?["size"] as? Int == 197)
        #expect((flagged.first?["explanation"] as? String)?.contains("look suspicious") == true)
        #expect(rows.allSatisfy { ($0["modularity"] as? Double ?? 0) > 0.5 })
        // Deterministic for a seed.
        #expect(try sandbox.run(["graph", "communities", "--page", "cloudwatt", "--json"]).stdout == result.stdout)
    }

    @Test func aNameOnTwoPlatformsWithNoGraphIsToldSo() throws {
        let sandbox = try Sandbox()
        let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path
        #expect(try sandbox.run(["ingest", "--quiet", example]).status == 0)  // cloudwatt on facebook and twitter
        let result = try sandbox.run(["graph", "communities", "--page", "cloudwatt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: 'cloudwatt' is on facebook and twitter, and has no follow graph on either"), "\(result.stderr)")
        #expect(result.stderr.contains("tracker graph ingest --page cloudwatt --platform P EDGES.csv"), "\(result.stderr)")
    }

    @Test func exportsOpenAsXMLWithCommunities() throws {
        let sandbox = try prepared()
        for format in ["gexf", "graphml"] {
            let path = sandbox.folder.appendingPathComponent("map.\(format)").path
            let result = try sandbox.run(["graph", "export", "--page", "cloudwatt", "--format", format, "-o", path])
            #expect(result.status == 0, "\(result.stderr)")
            let counter = ElementCounter()
            let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
            parser.delegate = counter
            #expect(parser.parse(), "\(format) is not well-formed XML")
            #expect(counter.counts["node"] == 641 && counter.counts["edge"] == 6_937, "\(counter.counts)")
        }
        let nodes = try sandbox.run(["graph", "export", "--page", "cloudwatt", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(nodes.first == "id,label,community,degree,verdict,score,lang,location")
        #expect(nodes.count == 642)
        #expect(try sandbox.run(["graph", "export", "--page", "cloudwatt", "--format", "csv", "--edges"]).stdout.split(separator: "\n").count == 6_938)
    }

    @Test func aPageKnownOnlyFromItsGraphIsListed() throws {
        let sandbox = try Sandbox()
        let edges = try sandbox.file("e.csv", "source,target\n1,2\n")
        #expect(try sandbox.run(["graph", "ingest", "-q", "--page", "solo", "--platform", "x", "--at", "2020-01-01", edges]).status == 0)
        #expect(try sandbox.run(["pages", "--csv"]).stdout.contains("\nx,solo,,,0,"))
    }

    @Test func badEdgesLeaveTheDatabaseAsItWas() throws {
        let sandbox = try prepared()
        let before = try sandbox.dump()
        let bad = try sandbox.file("bad.csv", "source,target\n1,2\n3,3\n")
        let result = try sandbox.run(["graph", "ingest", "--page", "cloudwatt", "--at", "2014-07-01", bad])
        #expect(result.status != 0 && result.stderr.contains("bad.csv, line 3: \"3\" follows itself"), "\(result.stderr)")
        #expect(try sandbox.dump() == before)
        let none = try sandbox.run(["graph", "communities", "--page", "cloudwatt", "--at", "2014-01-01"])
        #expect(none.status != 0 && none.stderr.contains("has no follow graph at or before 2014-01-01"))
    }
}

final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
}
