/// A bursty gauge (tweets per five minutes, traffic) peaks every day; a value is remarkable only
/// well beyond a typical day's peak, not merely beyond the last few quiet hours.
extension SeriesScan {
    /// Twice the median of the daily peaks of the last `peakDays` UTC days before observation `i`'s
    /// day (each peak: the largest distance of a value from its usual level that day), or 0 when
    /// fewer than `minimumPeakDays` of them are known. Worked out once per day, from the data alone,
    /// so a day-by-day run and a full run agree.
    mutating func dailyPeakBar(_ i: Int) -> Double {
        let today = Self.day(of: t[i])
        if let cached = peakBarCache, cached.day == today { return cached.bar }
        let oldest = today - DetectionSettings.peakDays
        if oldest < peaksFromDay {  // asked about an earlier day than the peaks kept: start again from it
            dailyPeaks.removeAll()
            peaksRecorded = index(of: oldest * 86_400)
            peaksFromDay = oldest
        }
        let end = index(of: today * 86_400)
        for j in peaksRecorded..<max(end, peaksRecorded) {
            guard let deviation = deviationFromUsual(j) else { continue }
            let day = Self.day(of: t[j])
            if dailyPeaks.last?.day == day {
                dailyPeaks[dailyPeaks.count - 1].peak = max(dailyPeaks[dailyPeaks.count - 1].peak, deviation)
            } else {
                dailyPeaks.append((day, deviation))
            }
        }
        peaksRecorded = max(peaksRecorded, end)
        // A level shift asks about the day before the value being judged: keep a day's margin.
        if oldest - 1 > peaksFromDay {
            peaksFromDay = oldest - 1
            dailyPeaks.removeAll { $0.day < peaksFromDay }
        }
        var peaks = dailyPeaks.filter { $0.day >= oldest && $0.day < today }.map(\.peak)
        let bar = peaks.count >= DetectionSettings.minimumPeakDays ? DetectionSettings.peakFactor * Robust.median(&peaks) : 0
        peakBarCache = (today, bar)
        return bar
    }

    /// How far value `j` lies from the median of the gauge window before it (nil for too few values).
    private mutating func deviationFromUsual(_ j: Int) -> Double? {
        let from = max(j - DetectionSettings.gaugeWindow, index(of: t[j] - DetectionSettings.baselineDays * 86_400), 0)
        guard j - from >= 8 else { return nil }
        peakWindow.move(to: from..<j, in: v)
        return abs(v[j] - peakWindow.median)
    }

    static func day(of time: Int64) -> Int64 { time >= 0 ? time / 86_400 : (time + 1) / 86_400 - 1 }
}
