import Testing
import TrackerTime

@Suite struct UTCTimeTests {
    @Test func datesAreMidnightUTC() {
        #expect(UTCTime.parse("1970-01-01") == 0)
        #expect(UTCTime.parse("2014-02-03") == 1_391_385_600)
        #expect(UTCTime.parse("2000-02-29") == 951_782_400)
    }

    @Test func unixSecondsAreNineOrTenDigits() {
        #expect(UTCTime.parseUnixSeconds("1391421600") == 1_391_421_600)
        #expect(UTCTime.parseUnixSeconds(" 999999999 ") == 999_999_999)
        // A year, a count, milliseconds, a fraction: not seconds.
        for text in ["2014", "12345678", "1391421600000", "1391421600.5", "-1391421600", ""] {
            #expect(UTCTime.parseUnixSeconds(text) == nil, "\(text)")
        }
    }

    @Test func dateTimesWithoutOffsetAreUTC() {
        #expect(UTCTime.parse("2014-02-03T10:20:30") == Int64(1_391_385_600 + 37_230))
        #expect(UTCTime.parse("2014-02-03 10:20:30") == Int64(1_391_385_600 + 37_230))
        #expect(UTCTime.parse("2014-02-03T10:20") == Int64(1_391_385_600 + 37_200))
        #expect(UTCTime.parse("2014-02-03T10:20:30.999Z") == Int64(1_391_385_600 + 37_230))
    }

    @Test func offsetsAreConvertedToUTC() {
        let utc = UTCTime.parse("2014-02-03T10:00:00Z")!
        #expect(UTCTime.parse("2014-02-03T12:00:00+02:00") == utc)
        #expect(UTCTime.parse("2014-02-03T12:00:00+0200") == utc)
        #expect(UTCTime.parse("2014-02-03T05:00:00-05") == utc)
        #expect(UTCTime.parse("2014-02-03T09:30:00-00:30") == utc)
    }

    @Test(arguments: ["", "2014", "2014-02-30", "2014-13-01", "2014-2-3", "03/02/2014", "2014-02-03T25:00",
                      "2014-02-03T10:00:00+25:00", "2014-02-03X", "2014-02-03T10:00:00Zjunk", "1391385600"])
    func rejectsWhatIsNotISO8601(_ text: String) {
        #expect(UTCTime.parse(text) == nil)
    }

    @Test func formatsRoundTrip() {
        for seconds: Int64 in [0, 951_782_400, 1_391_422_830, 4_102_444_799, -86_400] {
            #expect(UTCTime.parse(UTCTime.format(seconds)) == seconds)
        }
        #expect(UTCTime.format(1_391_385_600) == "2014-02-03T00:00:00Z")
    }
}
