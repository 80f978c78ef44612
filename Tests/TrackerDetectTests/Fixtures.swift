import Foundation
@testable import TrackerDetect

/// Hand-made daily series for the kind tests: a start time, a level, growth and seeded noise.
struct DailySeries {
    static let start: Int64 = 1_704_067_200  // 2024-01-01
    static let day: Int64 = 86_400

    var metric = "followers"
    var days = 200
    var level = 10_000.0
    var growth = 20.0          // per day
    var noise = 5.0            // sd per day
    var seed: UInt64 = 1
    var changes: [Int: Double] = [:]   // extra change on a day (a jump, a purge)
    var extraGrowth: (from: Int, to: Int, perDay: Double)?
    var timeOfDay: (Int) -> Int64 = { _ in 6 * 3600 }
    var skip: Set<Int> = []

    func make() -> Series {
        var random = SplitMix64(seed: seed)
        var value = level, times: [Int64] = [], values: [Double] = []
        for d in 0..<days {
            value += growth + random.normal() * noise + (changes[d] ?? 0)
            if let extra = extraGrowth, (extra.from..<extra.to).contains(d) { value += extra.perDay }
            guard !skip.contains(d) else { continue }
            times.append(Self.start + Int64(d) * Self.day + timeOfDay(d))
            values.append(value.rounded())
        }
        return Series(metric: metric, times: times, values: values)
    }

    static func time(ofDay d: Int) -> Int64 { start + Int64(d) * day + 6 * 3600 }
}

func detect(_ series: Series..., sensitivity: Double = 1) -> [Anomaly] {
    PageDetector(settings: DetectionSettings(sensitivity: sensitivity)).detect(series: series, from: .min, open: [])
}

/// 200 daily values of a count shown as YouTube shows it (in tens of thousands at these levels),
/// growing `growth` a day with noise of 300, and `bought` added on day 150.
func roundedSeries(from level: Double, growth: Double, bought: Double, seed: UInt64) -> Series {
    var random = SplitMix64(seed: seed)
    var value = level
    var times: [Int64] = [], values: [Double] = []
    for d in 0..<200 {
        value += growth + random.normal() * 300
        if d == 150 { value += bought }
        times.append(DailySeries.time(ofDay: d))
        // Three significant figures, as YouTube shows: steps of 10,000 between 1M and 10M.
        let step = pow(10, (log10(value).rounded(.down) - 2))
        values.append((value / step).rounded(.down) * step)
    }
    return Series(metric: "followers", times: times, values: values)
}

/// One sentence: it ends with its only full stop (a decimal point is followed by a digit, a
/// sentence's stop by a space).
func isOneSentence(_ text: String) -> Bool {
    text.hasSuffix(".") && !text.dropLast().contains(". ")
}
