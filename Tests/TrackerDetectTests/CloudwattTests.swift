import Foundation
import Testing
@testable import TrackerDetect

/// The seed case, read from examples/cloudwatt.csv.
@Suite struct CloudwattTests {
    static func series() throws -> [String: [Series]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/cloudwatt.csv").standardized
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        var columns: [String: [String: (times: [Int64], values: [Double])]] = [:]
        let names = ["fans", "engagement_rate", "followers", "following"]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let time = try #require(isoDate(fields[2]))
            for (offset, name) in names.enumerated() {
                guard let value = Double(fields[3 + offset]) else { continue }
                columns[fields[1], default: [:]][name, default: ([], [])].times.append(time)
                columns[fields[1], default: [:]][name, default: ([], [])].values.append(value)
            }
        }
        return columns.mapValues { metrics in metrics.map { Series(metric: $0.key, times: $0.value.times, values: $0.value.values) } }
    }

    @Test func facebookContestIsASurgeAndADilution() throws {
        let facebook = try #require(try Self.series()["facebook"])
        let anomalies = PageDetector().detect(series: facebook, from: .min, open: [])
        let dilution = try #require(anomalies.first { $0.kind == .dilution })
        #expect(dilution.metric == "fans")
        #expect(dilution.before == 994)
        #expect(dilution.after == 4140)
        #expect(dilution.explanation.contains("engaged audience shrank from 278 to 166"), "\(dilution.explanation)")
        let surge = try #require(anomalies.first { $0.kind == .surge && $0.metric == "fans" })
        #expect(surge.start == isoDate("2014-02-03"))
        #expect(surge.after == 4140)
        // The issue's own sentence: the surge says what became of the engaged audience.
        #expect(surge.explanation == "fans rose 994 → 4,140 (+316%) from 2014-02-03 to 2014-06-02, +185 a week, 22× the usual "
            + "weekly growth of 8.5, while engagement rate fell 0.28 → 0.04: the engaged audience shrank from 278 to 166, "
            + "so the newcomers do not engage.")
        for anomaly in anomalies { print(anomaly.kind, anomaly.metric, Wording.date(anomaly.detectedAt), anomaly.explanation) }
    }

    @Test func twitterMassFollowingIsFollowChurn() throws {
        let twitter = try #require(try Self.series()["twitter"])
        let anomalies = PageDetector().detect(series: twitter, from: .min, open: [])
        for anomaly in anomalies { print(anomaly.kind, anomaly.metric, Wording.date(anomaly.detectedAt), anomaly.explanation) }
        let churn = try #require(anomalies.first { $0.kind == .followChurn })
        #expect(churn.metric == "following")
        #expect(churn.start == isoDate("2014-03-03"))
        #expect(churn.explanation.contains("2,501"))
    }

    /// A higher sensitivity finds what the default finds. The twitter followers gained +51, +91 and
    /// +45 in the three weeks from 2014-03-03, while the series was too young for its first two
    /// weeks to be judged; at 1.4 the first also counted as unusual, and the spike was taken for a
    /// surge in the making (which a weekly page of ten weeks cannot confirm) and lost.
    @Test(arguments: [1.2, 1.4, 2.0]) func higherSensitivityKeepsWhatTheDefaultFinds(sensitivity: Double) throws {
        for (platform, series) in try Self.series() {
            let usual = PageDetector().detect(series: series, from: .min, open: [])
            let keener = PageDetector(settings: DetectionSettings(sensitivity: sensitivity)).detect(series: series, from: .min, open: [])
            for anomaly in usual {
                #expect(keener.contains { $0.metric == anomaly.metric && $0.kind == anomaly.kind && $0.start <= anomaly.end && anomaly.start <= $0.end },
                        "\(platform) \(anomaly.kind) \(anomaly.metric) at \(sensitivity)")
            }
        }
    }
}

func isoDate(_ text: String) -> Int64? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var components = DateComponents()
    components.year = parts[0]; components.month = parts[1]; components.day = parts[2]
    components.timeZone = TimeZone(identifier: "UTC")
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: components).map { Int64($0.timeIntervalSince1970) }
}
