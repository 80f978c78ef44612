/// A bursty gauge (tweets per five minutes, traffic) peaks every day; a value is remarkable only
/// well beyond a typical day's peak, not merely beyond the last few quiet hours.
extension SeriesScan {
    /// Twice the median of the daily peaks of the last `peakDays` UTC days before observation `i`'s
    /// day (each peak: the largest distance of a value from its usual level that day), or 0 when
    /// fewer than `minimumPeakDays` of them are known. Worked out once per day, from the data alone,
    /// so a day-by-day run and a full run agree.
    mutating func dailyPeakBar(_ i: Int) -> Double {
        let today = DailyPeaks.day(of: t[i])
        if let cached = dailyPeaks.cachedBar, cached.day == today { return cached.bar }
        let oldest = today - DetectionSettings.peakDays
        // Peaks are recorded from the oldest day asked about on; a level shift may ask about an
        // earlier day than the values before it did: then start again from that day.
        if oldest < dailyPeaks.firstDay { dailyPeaks = DailyPeaks(firstDay: oldest, next: index(of: oldest * 86_400)) }
        let end = index(of: today * 86_400)
        while dailyPeaks.next < end {
            let j = dailyPeaks.next
            if let from = gaugeWindowStart(before: j) {
                dailyPeaks.window.move(to: from..<j, in: v)
                dailyPeaks.record(abs(v[j] - dailyPeaks.window.median), on: DailyPeaks.day(of: t[j]))
            }
            dailyPeaks.next += 1
        }
        var peaks = Array(dailyPeaks.peaks[dailyPeaks.days.lowerBound(of: oldest)..<dailyPeaks.days.lowerBound(of: today)])
        let bar = peaks.count >= DetectionSettings.minimumPeakDays ? DetectionSettings.peakFactor * Robust.median(&peaks) : 0
        dailyPeaks.cachedBar = (today, bar)
        return bar
    }
}

/// A gauge's largest distance from its usual level on each UTC day, recorded as far as asked.
struct DailyPeaks {
    /// The first day recorded, and the next observation to record.
    var firstDay = Int64.max
    var next = 0
    private(set) var days: [Int64] = []
    private(set) var peaks: [Double] = []
    var window = RollingMedian()
    var cachedBar: (day: Int64, bar: Double)?

    init() {}

    init(firstDay: Int64, next: Int) {
        self.firstDay = firstDay
        self.next = next
    }

    /// Observations come in time order, so a day's peak is the last entry or a new one.
    mutating func record(_ distance: Double, on day: Int64) {
        if days.last == day {
            peaks[peaks.count - 1] = max(peaks[peaks.count - 1], distance)
        } else {
            days.append(day)
            peaks.append(distance)
        }
    }

    static func day(of time: Int64) -> Int64 { time >= 0 ? time / 86_400 : (time + 1) / 86_400 - 1 }
}
