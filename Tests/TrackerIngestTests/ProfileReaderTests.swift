import Foundation
import Testing
import TrackerAudit
@testable import TrackerIngest

@Suite struct ProfileReaderTests {
    func profiles(_ text: String, format: ProfileFormat, skipInvalid: Bool = false) throws -> ([Profile], [RejectedRow]) {
        var options = ReadOptions(now: testNow)
        options.skipInvalid = skipInvalid
        var profiles: [Profile] = [], rejected: [RejectedRow] = []
        let source = try ByteSource(path: try temporaryFile(text, name: "roster.\(format.rawValue)"))
        try ProfileReader(source: source, format: format, options: options).read { item in
            switch item {
            case .profile(let p, _, _): profiles.append(p)
            case .rejected(let row): rejected.append(row)
            case .header: break
            }
        }
        return (profiles, rejected)
    }

    @Test func readsOurColumns() throws {
        let (read, _) = try profiles("""
            id,handle,name,description,location,url,lang,created_at,posts,followers,following,listed,favourites,last_post_at,default_image,verified,protected
            42,@ada,Ada,,Paris,,fr,2012-04-17,12,30,400,0,5,2014-05-01T10:00:00Z,true,false,
            """, format: .csv)
        var expected = Profile(id: "42")
        expected.handle = "ada"; expected.name = "Ada"; expected.description = ""; expected.location = "Paris"; expected.url = ""
        expected.lang = "fr"; expected.createdAt = 1_334_620_800; expected.posts = 12; expected.followers = 30; expected.following = 400
        expected.listed = 0; expected.favourites = 5; expected.lastPostAt = 1_398_938_400; expected.defaultImage = true; expected.verified = false
        #expect(read == [expected])
    }

    @Test func readsTwitterV1ColumnsAsTheyCome() throws {
        // v1.1 has a boolean `following` (does the caller follow?): the count comes from friends_count.
        let (read, _) = try profiles("""
            id_str,screen_name,description,statuses_count,followers_count,friends_count,following,created_at,default_profile_image,status
            2489518786,babywlldflower,baby,1578,47,2152,False,Thu Apr 17 09:16:09 +0000 2014,False,"{'created_at': 'Wed Jan 24 11:37:59 +0000 2018', 'id': 1}"
            """, format: .csv)
        #expect(read.count == 1)
        #expect(read[0].id == "2489518786")
        #expect(read[0].following == 2152)
        #expect(read[0].createdAt == 1_397_726_169)
        #expect(read[0].lastPostAt == 1_516_793_879)
        #expect(read[0].defaultImage == false)
    }

    @Test func readsTwitterV2AndV1Responses() throws {
        let v2 = """
            {"data": [{"id": "7", "username": "bob", "created_at": "2015-03-01T00:00:00.000Z", "description": "",
              "profile_image_url": "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png",
              "public_metrics": {"followers_count": 3, "following_count": 900, "tweet_count": 0, "listed_count": 0}}]}
            """
        let (fromV2, _) = try profiles(v2, format: .twitter)
        #expect(fromV2.count == 1)
        #expect(fromV2[0].handle == "bob" && fromV2[0].following == 900 && fromV2[0].posts == 0 && fromV2[0].defaultImage == true)
        let v1 = #"{"users": [{"id": 8, "id_str": "8", "screen_name": "eve", "friends_count": 10, "followers_count": 20, "status": {"created_at": "Wed Jan 24 11:37:59 +0000 2018"}}]}"#
        let (fromV1, _) = try profiles(v1, format: .twitter)
        #expect(fromV1.map(\.id) == ["8"])
        #expect(fromV1[0].lastPostAt == 1_516_793_879)
    }

    @Test func aBadUserInAResponseIsNamedByItsPath() throws {
        do {
            _ = try profiles(#"{"data": [{"id": "1"}, {"id": "2", "public_metrics": {"followers_count": -4}}]}"#, format: .twitter)
            Issue.record("accepted a negative count")
        } catch let error as IngestError {
            #expect(error.column == "data[1].followers_count" && error.value == "-4" && error.line == nil)
        }
        do {
            _ = try profiles(#"[{"id": "1", "followers_count": {"x": 1}}]"#, format: .json)
            Issue.record("accepted an object as a count")
        } catch let error as IngestError {
            #expect(error.value == #"{"x":1}"#)
        }
    }

    @Test func accountsWithoutIdAreKeyedByHandle() throws {
        let (read, _) = try profiles(#"{"handle": "@Ada", "followers": 3}"# + "\n", format: .ndjson)
        #expect(read.map(\.id) == ["@ada"])
    }

    @Test func badValuesNameTheLineAndColumn() throws {
        let csv = "id,followers,created_at,verified\n1,10,2014-01-01,true\n2,-3,2014-01-01,true\n"
        do {
            _ = try profiles(csv, format: .csv)
            Issue.record("accepted a negative count")
        } catch let error as IngestError {
            #expect(error.line == 3 && error.column == "followers" && error.value == "-3")
            #expect(error.source.hasSuffix("roster.csv"))
        }
        let (kept, rejected) = try profiles(csv + "3,5,yesterday,true\n4,5,2014-01-01,maybe\n", format: .csv, skipInvalid: true)
        #expect(kept.map(\.id) == ["1"])
        #expect(rejected.map(\.error.column) == ["followers", "created_at", "verified"])
    }

    @Test func aFileWithoutIdOrHandleIsRefused() throws {
        #expect(throws: IngestError.self) { try profiles("name,followers\nAda,3\n", format: .csv) }
        #expect(throws: IngestError.self) { try profiles("id,followers\n,3\n", format: .csv) }
    }
}
