import Testing
@testable import TrackerIngest
import TrackerTime

@Suite struct WideRowReaderTests {
    @Test func readsWideRows() throws {
        let result = try read("""
            page,platform,observed_at,fans,engagement_rate
            cloudwatt,facebook,2014-02-03,994,0.28
            cloudwatt,Facebook,2014-06-02T00:00:00+00:00,4140,
            """, format: .csv)
        #expect(result.rows.count == 2)
        #expect(result.rows[0].page == "cloudwatt")
        #expect(result.rows[0].values == ["fans": 994, "engagement_rate": 0.28])
        #expect(result.rows[1].platform == "facebook")
        #expect(result.rows[1].values == ["fans": 4140])  // an empty cell is not observed
        #expect(result.rows[1].line == 3)
    }

    /// A cron job may write `date +%s`; a year alone is no time.
    @Test func observedAtMayBeUnixSeconds() throws {
        let result = try read("page,platform,observed_at,followers\nx,twitter,1391421600,10\n", format: .csv)
        #expect(result.rows.map(\.time) == [1_391_421_600])
        let json = try read(#"{"page": "x", "platform": "twitter", "observed_at": 1391421600, "followers": 10}"#, format: .ndjson, name: "x.ndjson")
        #expect(json.rows.map(\.time) == [1_391_421_600])
        let year = try #require(readError("page,platform,observed_at,followers\nx,twitter,2014,10\n"))
        #expect(year.column == "observed_at" && year.message.contains("Unix seconds"))
    }

    @Test func aSemicolonSeparatedFileIsToldAsSuch() throws {
        let error = try #require(readError("page;platform;observed_at;followers\nx;twitter;2024-01-01;10\n"))
        #expect(error.line == 1 && error.message.hasSuffix("the file seems to be ';'-separated, and CSV is ','-separated"))
    }

    @Test func acceptsBOMAndCRLFAndQuotedFields() throws {
        let text = "\u{FEFF}page,platform,observed_at,\"fans\"\r\n\"cloud, \"\"watt\"\"\",facebook,2014-02-03,\"994\"\r\n"
            + "\"multi\nline\",facebook,2014-02-04,5\r\nlast,facebook,2014-02-05,6"
        let result = try read(text, format: .csv) { $0.skipInvalid = true }
        #expect(result.rows.map(\.page) == ["cloud, \"watt\"", "last"])
        #expect(result.rows.map(\.line) == [2, 5])  // the quoted line break counts as a line
        #expect(result.rows[0].values == ["fans": 994])
        #expect(result.rejected.map(\.error.line) == [3])  // a page name cannot hold a line break
    }

    @Test func platformComesFromTheOptionWhenThereIsNoColumn() throws {
        let result = try read("page,observed_at,followers\n@cloudwatt,2014-02-03,1480\n", format: .csv) {
            $0.platform = "twitter"
        }
        #expect(result.rows[0].platform == "twitter")
        #expect(result.rows[0].page == "cloudwatt")  // a leading @ is dropped
    }

    @Test func readsTSV() throws {
        let result = try read("page\tplatform\tobserved_at\tfollowers\na\tx\t2014-02-03\t10\n", format: .tsv)
        #expect(result.rows[0].values == ["followers": 10])
    }

    @Test func streamsManyBatches() throws {
        var text = "page,platform,observed_at,followers\n"
        for day in 0..<1000 { text += "p\(day % 7),twitter,\(UTCTime.formatDate(Int64(day) * 86_400)),\(day)\n" }
        let result = try read(text, format: .csv)
        #expect(result.rows.count == 1000)
        #expect(result.rows.last?.values == ["followers": 999])
        #expect(result.rows.last?.line == 1001)
    }

    // MARK: - Bad input: each names the file, line, column and value

    @Test func nonNumericValue() throws {
        let error = try #require(readError("page,platform,observed_at,followers\na,twitter,2014-02-03,12x\n", name: "daily.csv"))
        #expect(error.line == 2)
        #expect(error.column == "followers")
        #expect(error.value == "12x")
        #expect(error.description.contains("daily.csv, line 2, column \"followers\": \"12x\" is not a number"))
    }

    @Test func nonFiniteAndNegativeValues() throws {
        let nan = try #require(readError("page,platform,observed_at,followers\na,t,2014-02-03,NaN\n"))
        #expect(nan.message == "is not a finite number")
        let negative = try #require(readError("page,platform,observed_at,followers\na,t,2014-02-03,-5\n"))
        #expect(negative.message.contains("negative"))
        #expect(negative.value == "-5")
    }

    @Test func badAndFutureTimestamps() throws {
        let bad = try #require(readError("page,platform,observed_at,followers\na,t,03/02/2014,1\n"))
        #expect(bad.column == "observed_at")
        #expect(bad.value == "03/02/2014")
        let future = try #require(readError("page,platform,observed_at,followers\na,t,2025-01-03,1\n"))
        #expect(future.message == "is in the future")
        // Within a day of now is accepted (clock skew, time zones).
        #expect(readError("page,platform,observed_at,followers\na,t,2025-01-01T20:00:00Z,1\n") == nil)
    }

    @Test func missingRequiredColumns() throws {
        let error = try #require(readError("page,platform,followers\na,t,1\n"))
        #expect(error.line == 1)
        #expect(error.message.contains("no 'observed_at' column"))
        let noPlatform = try #require(readError("page,observed_at,followers\na,2014-02-03,1\n"))
        #expect(noPlatform.message.contains("--platform"))
        let duplicate = try #require(readError("page,platform,observed_at,fans,Fans\na,t,2014-02-03,1,2\n"))
        #expect(duplicate.message.contains("twice"))
    }

    @Test func truncatedLastLine() throws {
        let short = try #require(readError("page,platform,observed_at,followers,following\na,t,2014-02-03,1,2\na,t,2014-02"))
        #expect(short.line == 3)
        #expect(short.message.contains("truncated"))
        let openQuote = try #require(readError("page,platform,observed_at,followers\na,t,2014-02-03,\"12"))
        #expect(openQuote.line == 2)
        #expect(openQuote.message.contains("truncated"))
    }

    @Test func binaryGarbage() throws {
        var bytes = Array("page,platform,observed_at,followers\na,t,2014-02-03,1\n".utf8)
        bytes += [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A, 0x0A]
        let error = try #require(readError(bytes: bytes))
        #expect(error.line == 3)
        #expect(error.message.contains("binary"))
        let header = try #require(readError(bytes: [0xFF, 0xFE, 0x00, 0x41, 0x0A]))
        #expect(header.line == 1)
    }

    @Test func lineOverOneMebibyte() throws {
        let long = String(repeating: "x", count: CSVScanner.maxRecordBytes + 10)
        let error = try #require(readError("page,platform,observed_at,followers\n\(long),t,2014-02-03,1\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("1 MiB"))
    }

    @Test func emptyFile() throws {
        let error = try #require(readError(""))
        #expect(error.message.contains("empty"))
        #expect(readError("\u{FEFF}")?.message.contains("empty") == true)
    }

    @Test func skipInvalidCollectsRejectsWithTheirText() throws {
        let result = try read("page,platform,observed_at,followers\na,t,2014-02-03,1\nb,t,2014-02-03,oops\nc,t,2014-02-03,3\n",
                              format: .csv) {
            $0.skipInvalid = true
            $0.keepRaw = true
        }
        #expect(result.rows.map(\.page) == ["a", "c"])
        #expect(result.rejected.count == 1)
        #expect(result.rejected[0].error.line == 3)
        #expect(result.rejected[0].raw == "b,t,2014-02-03,oops")
    }
}
