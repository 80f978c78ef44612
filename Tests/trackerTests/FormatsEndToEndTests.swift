import Foundation
import Testing

@Suite struct FormatsEndToEndTests {
    @Test func everyInputFormatThroughTheBinary() throws {
        let box = try Sandbox()
        let tsv = try box.file("a.tsv", "page\tplatform\tobserved_at\tfollowers\tlikes\nshop\tinstagram\t2014-01-01\t300\t12\n")
        let ndjson = try box.file("b.ndjson", #"{"page": "shop", "platform": "instagram", "observed_at": "2014-01-02", "followers": 310, "likes": null}"# + "\n")
        let json = try box.file("c.json", #"[{"page": "shop", "platform": "instagram", "observed_at": "2014-01-03", "followers": "320"}]"#)
        let facebook = try box.file("fb.json", #"{"id": "1", "username": "shop", "fan_count": 99, "followers_count": 101}"#)
        let youtube = try box.file("yt.json", #"{"items": [{"id": "UCshop", "statistics": {"subscriberCount": "2470000", "videoCount": "12", "viewCount": "9"}}]}"#)
        #expect(try box.run(["ingest", "--quiet", tsv, ndjson, json]).status == 0)
        #expect(try box.run(["ingest", "--quiet", "--format", "facebook", "--at", "2014-01-03", facebook]).status == 0)
        #expect(try box.run(["ingest", "--quiet", "--format", "youtube", "--at", "2014-01-03T12:00:00Z", youtube]).status == 0)
        let history = try box.run(["history", "--page", "shop", "--platform", "instagram", "--metric", "followers", "--metric", "likes", "--csv"])
        #expect(history.stdout == """
            platform,page,observed_at,followers,followers_change,likes,likes_change
            instagram,shop,2014-01-01T00:00:00Z,300,,12,
            instagram,shop,2014-01-02T00:00:00Z,310,10,,
            instagram,shop,2014-01-03T00:00:00Z,320,10,,

            """)
        let pages = try box.run(["pages", "--csv"]).stdout
        #expect(pages.contains("facebook,shop,") && pages.contains("youtube,UCshop,"))
        #expect(try box.run(["sql", "--csv", "SELECT fans, followers FROM snapshots WHERE platform = 'facebook'"]).stdout == "fans,followers\n99,101\n")
        #expect(try box.run(["sql", "--csv", "SELECT count(DISTINCT content_hash) AS n FROM ingest_run"]).stdout == "n\n5\n")
    }

    @Test func outputFormatsAgreeAndConflictingFlagsAreRefused() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest", "--quiet", repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path]).status == 0)
        let query = "SELECT platform, count(*) AS n, max(fans) AS fans FROM snapshots GROUP BY platform ORDER BY platform"
        #expect(try box.run(["sql", "--csv", query]).stdout == "platform,n,fans\nfacebook,26,4164\ntwitter,26,\n")
        #expect(try box.run(["sql", "--tsv", query]).stdout == "platform\tn\tfans\nfacebook\t26\t4164\ntwitter\t26\t\n")
        #expect(try box.run(["sql", "--nl", query]).stdout
                == "{\"platform\": \"facebook\", \"n\": 26, \"fans\": 4164}\n{\"platform\": \"twitter\", \"n\": 26, \"fans\": null}\n")
        let json = try box.run(["sql", "--json", query]).stdout
        #expect((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.count == 2)
        #expect(try box.run(["sql", "--csv", "--json", query]).status == 64)
        #expect(try box.run(["sql", "--format", "xml", query]).status == 64)
    }
}
