/// A bursty gauge (tweets per five minutes, traffic) peaks every day; a value is remarkable only
/// well beyond a typical day's peak, not merely beyond the last few quiet hours.
extension SeriesScan {
    /// Twice the median of the daily peaks of the last `peakDays` UTC days before observation `i`'s
    /// day (each peak: the largest distance of a value from its usual level that day), or 0 when
    /// fewer than `minimumPeakDays` of them are known (`minimumBusyPeakDays` of several values
    /// each). Worked out once per day, from the data alone, so a day-by-day run and a full run agree.
    mutating func dailyPeakBar(_ i: Int) -> Double {
        var peaks = dailyPeaks
        dailyPeaks = DailyPeaks()  // moved out and back: no copy of its arrays
        defer { dailyPeaks = peaks }
        return peaks.bar(before: t[i], times: t, values: v, windowStart: gaugeWindowStart(before:))
    }
}

/// A gauge's largest distance from its usual level on each UTC day, recorded as far as asked.
struct DailyPeaks {
    /// The first day recorded, and the next observation to record.
    var firstDay = Int64.max
    var next = 0
    private(set) var days: [Int64] = []
    private(set) var peaks: [Double] = []
    /// The values each day's peak was taken from.
    private var counts: [Int] = []
    var window = RollingMedian()
    var cachedBar: (day: Int64, bar: Double)?

    init() {}

    init(firstDay: Int64, next: Int) {
        self.firstDay = firstDay
        self.next = next
    }

    /// Observations come in time order, so a day's peak is the last entry or a new one.
    private mutating func record(_ distance: Double, on day: Int64) {
        if days.last == day {
            peaks[peaks.count - 1] = max(peaks[peaks.count - 1], distance)
            counts[counts.count - 1] += 1
        } else {
            days.append(day)
            peaks.append(distance)
            counts.append(1)
        }
    }

    /// Twice the median of the peaks of the `peakDays` days before the day of `time`, recording them
    /// first as far as that day; `windowStart(j)` is where the usual level before value `j` starts.
    mutating func bar(before time: Int64, times t: [Int64], values: [Double], windowStart: (Int) -> Int?) -> Double {
        let today = Self.day(of: time)
        if let cached = cachedBar, cached.day == today { return cached.bar }
        let oldest = today - DetectionSettings.peakDays
        // Peaks are recorded from the oldest day asked about on; a level shift may ask about an
        // earlier day than the values before it did: then start again from that day.
        if oldest < firstDay { self = DailyPeaks(firstDay: oldest, next: t.lowerBound(of: oldest * 86_400)) }
        let end = t.lowerBound(of: today * 86_400)
        while next < end {
            if let from = windowStart(next) {
                window.move(to: from..<next, in: values)
                record(abs(values[next] - window.median), on: Self.day(of: t[next]))
            }
            next += 1
        }
        let known = days.lowerBound(of: oldest)..<days.lowerBound(of: today)
        var kept = Array(peaks[known])
        // Days of several values each show a typical day sooner than days of one value each.
        let needed = counts[known].allSatisfy { $0 > 1 } ? DetectionSettings.minimumBusyPeakDays : DetectionSettings.minimumPeakDays
        let bar = kept.count >= needed ? DetectionSettings.peakFactor * Robust.median(&kept) : 0
        cachedBar = (today, bar)
        return bar
    }

    static func day(of time: Int64) -> Int64 { time >= 0 ? time / 86_400 : (time + 1) / 86_400 - 1 }
}
