import Foundation
import Testing
@testable import TrackerIngest

@Suite struct JSONReaderTests {
    @Test func readsNDJSON() throws {
        let result = try read("""
            {"page": "cloudwatt", "platform": "facebook", "observed_at": "2014-02-03", "fans": 994, "engagement_rate": 0.28}

            {"page": "cloudwatt", "platform": "facebook", "observed_at": "2014-02-10", "fans": "1115", "engagement_rate": null}
            """, format: .ndjson, name: "x.ndjson")
        #expect(result.rows.count == 2)
        #expect(result.rows[0].values == ["fans": 994, "engagement_rate": 0.28])
        #expect(result.rows[1].values == ["fans": 1115])
        #expect(result.rows[1].line == 3)
    }

    @Test func readsAJSONArrayElementByElement() throws {
        var text = "[\n"
        text += (0..<10).map { #"  {"page": "p", "platform": "x", "observed_at": "2014-02-\#(String(format: "%02d", $0 + 1))", "followers": \#($0)}"# }
            .joined(separator: ",\n")
        text += "\n]\n"
        let result = try read(text, format: .json, name: "x.json")
        #expect(result.rows.count == 10)
        #expect(result.rows[9].values == ["followers": 9])
        #expect(result.rows[9].line == 11)
    }

    @Test func errorsNameLineAndField() throws {
        let bool = try #require(readError(#"{"page": "p", "platform": "x", "observed_at": "2014-02-03", "followers": true}"#, format: .ndjson))
        #expect(bool.column == "followers")
        #expect(bool.line == 1)
        #expect(bool.value == "true")
        // A nested value is shown as the JSON it was, not as a Swift dictionary.
        let nested = try #require(readError(#"{"page": "p", "platform": "x", "observed_at": "2014-02-03", "followers": {"n": 3}}"#, format: .ndjson))
        #expect(nested.value == #"{"n":3}"#)
        let broken = try #require(readError(#"{"page": "p", "platform": "x", "observed_at": "2014-02-03", "followers": 1}"# + "\n{\"page\": ", format: .ndjson))
        #expect(broken.line == 2)
        #expect(broken.message.contains("not valid JSON"))
        let truncated = try #require(readError(#"[{"page": "p", "platform": "x", "observed_at": "2014-02-03", "followers": 1}, {"pa"#, format: .json))
        #expect(truncated.message.contains("truncated"))
        let missing = try #require(readError(#"{"platform": "x", "observed_at": "2014-02-03", "followers": 1}"#, format: .ndjson))
        #expect(missing.column == "page")
    }
}

@Suite struct APIPayloadTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    private func readFixture(_ name: String, as format: InputFormat) throws -> ReadResult {
        try read(bytes: try fixture(name), format: format, name: "\(name).json") { $0.observedAt = 1_400_000_000 }
    }

    @Test func twitterUserLookup() throws {
        let result = try readFixture("twitter_users", as: .twitter)
        #expect(result.rows.map(\.page) == ["cloudwatt", "X"])
        #expect(result.rows.allSatisfy { $0.platform == "twitter" && $0.time == 1_400_000_000 })
        #expect(result.rows[0].values == ["followers": 1866, "following": 435, "posts": 3120, "listed": 41])
    }

    @Test func facebookPageObject() throws {
        let result = try readFixture("facebook_page", as: .facebook)
        #expect(result.rows.count == 1)
        #expect(result.rows[0].page == "cloudwatt")
        #expect(result.rows[0].values == ["fans": 4164, "followers": 4210, "talking_about": 175])
    }

    @Test func youtubeChannelsList() throws {
        let result = try readFixture("youtube_channels", as: .youtube)
        #expect(result.rows.map(\.page) == ["UC_x5XG1OV2P6uZZ5FSM9Ttw", "UCHiddenSubs000000000000"])
        #expect(result.rows[0].values == ["followers": 2_470_000, "posts": 6842, "views": 327_823_491])
        #expect(result.rows[1].values["followers"] == nil)  // hidden subscriber counts are not observed
    }

    @Test func wrongShapeIsExplained() throws {
        let error = try #require(readError(bytes: try fixture("youtube_channels"), format: .twitter))
        #expect(error.message.contains("no 'data' list"))
        let apiError = try #require(readError(#"{"errors": [{"title": "Unauthorized"}]}"#, format: .twitter))
        #expect(apiError.message.contains("API error"))
    }
}
