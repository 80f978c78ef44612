import Foundation

/// The per-observation checks of one series: spike, drop and surge for running totals;
/// spike, drop, level shift and flatline for gauges; follow churn for `following`.
struct SeriesScan {
    let series: Series
    let t: [Int64]
    let v: [Double]
    /// Known by name, or else told by shape once per UTC week (`natureWeek`): a count that wandered
    /// for months may grow like a total later. The threshold follows it.
    let namedNature: MetricNature?
    var nature: MetricNature
    var natureWeek = Int64.min
    let countThreshold: Double
    let tailFactor: Double
    let youngFactor: Double
    let gaugeThreshold: Double
    var threshold: Double { nature == .cumulative ? countThreshold : gaugeThreshold }
    /// A rate (by its name) is a fraction, even while it sits at 0.
    let isRate: Bool
    /// The series its explanations cite: the followers for `following`, the engagement rate for an audience.
    let companion: Series?
    var log: EventLog
    /// Trailing decimal zeros of each value: platforms that round counts leave many.
    let zeros: [Int]
    /// Significant figures of each value (its digits without the trailing zeros), worked out the
    /// first time a rounded count needs them.
    var figures: [Int] = []
    /// Days from the previous observation to each (0 for the first), their square roots, the change
    /// per day since the previous one, and the UTC weekday of each: the baselines' hot loops read them.
    let dt: [Double]
    let rootDt: [Double]
    let perDay: [Double]
    let weekdays: [Int]
    /// The long windows of a gauge's spread (one for outliers, one for level shifts), and whether
    /// they can ever hold the 96 values they need (a daily gauge has at most 61 in 60 days, so its
    /// windows are never moved).
    var longWindows = [RollingMedian(), RollingMedian()]
    let longWindowsCanFill: Bool
    /// Each weekday's departures, in seven segments of `range.count` values (one flat buffer: the
    /// baselines' hottest loop appends to it), and how many each holds.
    var byWeekday: [Double] = []
    var weekdayCounts = [Int](repeating: 0, count: 7)
    var weekdayMedians = [MedianWithoutOne](repeating: MedianWithoutOne(sorted: [0, 0, 0]), count: 7)
    /// The gauge windows before the current value and before a possible shift.
    var outlierWindow = RollingMedian()
    var shiftWindow = RollingMedian()
    var dailyPeaks = DailyPeaks()
    /// Residuals against the same time of day, for a gauge observed many times a day.
    var repeating = RepeatingDays()
    var churnPeak = SlidingPeak()
    /// The run of equal values ending at `end` that the flatline check last measured, and the
    /// gauge's longest earlier rest at that value once looked up (its habit).
    var flatRun: (end: Int, first: Int, habit: Int?)?
    var jumpBaselineCache: (week: Int64, value: (Usual, barFactor: Double)?)?
    /// A rounded count's own noise under the jump baseline, and the step it was worked out for: set
    /// with the baseline (kept out of `Usual`, which every check copies).
    var jumpRoundedNoise: (quantum: Double, noise: Double)?
    /// Surge baselines by the index they end at (a pure function of the data before it).
    var surgeBaselineCache: [Int: Usual?] = [:]
    /// Each surge window's start and average growth before it, for the week they were worked out for.
    var surgeWindows: [(week: Int64, days: Int64, start: Int, rate: Double?)] = []

    init(series: Series, settings: DetectionSettings, open: [Anomaly], companion: Series?) {
        self.series = series
        t = series.times
        v = series.values
        namedNature = MetricNature.byName(series.metric)
        nature = namedNature ?? .gauge
        countThreshold = settings.countThreshold
        tailFactor = settings.tailFactor
        youngFactor = settings.youngFactor
        gaugeThreshold = settings.threshold
        isRate = MetricNature.isRate(series.metric)
        longWindowsCanFill = namedNature != .cumulative && Self.hasDenseStretch(series.times)
        self.companion = companion
        log = EventLog(open: open)
        zeros = series.values.map(Self.trailingZeros)
        dt = series.times.indices.map { $0 == 0 ? 0 : Double(series.times[$0] - series.times[$0 - 1]) / 86_400 }
        rootDt = dt.map { $0.squareRoot() }
        perDay = series.values.indices.map { [dt, v] j in j == 0 || dt[j] <= 0 ? 0 : (v[j] - v[j - 1]) / dt[j] }
        weekdays = series.times.map(Usual.weekday)
    }

    /// What the scan raised or extended. A level shift is extended on most observations while a
    /// gauge holds its new level: it is worded once, here, from its final span and values.
    var results: [Anomaly] { log.results.map { $0.kind == .levelShift ? shiftDescribed($0) : $0 } }

    /// Whether some 96 consecutive observations lie within `gaugeLongDays` (the long window's reach).
    private static func hasDenseStretch(_ times: [Int64]) -> Bool {
        guard times.count >= 96 else { return false }
        return (95..<times.count).contains { times[$0] - times[$0 - 95] <= DetectionSettings.gaugeLongDays * 86_400 }
    }

    mutating func step(_ i: Int) {
        if namedNature == nil { tellNature(i) }
        switch nature {
        case .cumulative:
            checkJump(i)
            checkSurge(i)
            if series.metric == "following" { checkChurn(i) }
        case .gauge:
            let judged = checkOutlier(i) || checkRepeatingDay(i)
            checkLevelShift(i)
            if !judged {
                holdOutlier(i)
                holdRepeatingDay(i)
            }
            checkFlatline(i)
        }
    }

    /// The nature of a metric known by neither name, from the shape of its observations over the
    /// `natureDays` before the UTC week of observation `i` (worked out once a week).
    private mutating func tellNature(_ i: Int) {
        let week = Usual.weekStart(t[i])
        guard week != natureWeek else { return }
        natureWeek = week
        nature = MetricNature.ofShape(v[index(of: week - DetectionSettings.natureDays * 86_400)..<index(of: week)])
    }

    // MARK: - Shared measures

    func days(_ from: Int, _ to: Int) -> Double { Double(t[to] - t[from]) / 86_400 }

    /// The usual change per day, its weekday pattern (for daily series, with `weekly`) and its noise
    /// (per √day), over the increments ending at observations `first` through `last`; `forJumps`,
    /// also how far its ordinary days went (`tail`) and `jumpRoundedNoise`: the other baselines do
    /// not pay for them.
    mutating func usualChange(from first: Int, through last: Int, minimum: Int = DetectionSettings.minimumIncrements,
                              weekly: Bool = true, forJumps: Bool = false) -> Usual? {
        let lower = max(1, first)
        guard last - lower + 1 >= max(minimum, 1) else { return nil }
        let range = lower...last
        // Written through pointers, not appended: this runs once a week for every series and
        // window, and an append checks the array's uniqueness and capacity each time.
        var briefest = Double.infinity
        var changes = [Double](unsafeUninitializedCapacity: range.count) { buffer, count in
            dt.withUnsafeBufferPointer { dt in
                perDay.withUnsafeBufferPointer { perDay in
                    for j in range where dt[j] > 0 {
                        buffer[count] = perDay[j]
                        count += 1
                        briefest = min(briefest, dt[j])
                    }
                }
            }
        }
        guard changes.count >= minimum else { return nil }
        let span = days(lower - 1, last)
        if forJumps, Self.tooFewDays(span: span, increments: changes.count) { return nil }
        let median = Robust.median(&changes)
        let rounded = isRounded(range)
        let rate = rounded ? roundedRate(range, median: median) : median
        var usual = Usual(rate: rate, noise: 0, moveNoise: 0, weekday: Usual.noCycle)
        let cycle = weekly && range.count >= 21 && !rounded
        if cycle { usual.weekday = weekdayPattern(range, rate: rate) }
        let meanInterval = span / Double(changes.count)
        let shortest = shortestJudged(range, briefest: briefest, mean: meanInterval)
        var departures = [Double](unsafeUninitializedCapacity: range.count) { buffer, count in
            for j in range where dt[j] > 0 && dt[j] >= shortest {
                if cycle, (0.5...1.5).contains(dt[j]), weekdayCounts[weekdays[j]] >= 3 {
                    // Measured against its weekday's pattern without it: a median of a few days passes
                    // through one of them, which would make the noise look smaller than a new day meets.
                    let departure = v[j] - v[j - 1] - rate * dt[j]
                    buffer[count] = (departure - weekdayMedians[weekdays[j]].without(departure)) / rootDt[j]
                } else {
                    buffer[count] = usual.excess(of: v[j] - v[j - 1], days: dt[j], endingAt: t[j]) / rootDt[j]
                }
                count += 1
            }
        }
        let inOrder = forJumps ? departures : []  // flatSigma reorders them
        (usual.noise, usual.moveNoise) = Robust.flatSigma(&departures)
        if rounded { usual.moveNoise = usual.noise }
        // Several captures a day: a day's noise may come with the day's growth, spread over its
        // hours, and then the changes over hours tell too little of it (`dayScaleNoise`).
        var dayNoise: Double?
        if meanInterval < DetectionSettings.severalADay {
            dayNoise = dayScaleNoise(range, usual)
            if let dayNoise {
                usual.noise = max(usual.noise, dayNoise)
                usual.moveNoise = max(usual.moveNoise, dayNoise)
            }
        }
        if forJumps {
            usual.tail = Robust.secondLargestEvent(inOrder, cut: 3 * usual.noise)
            jumpRoundedNoise = rounded ? roundedOwnNoise(range, departures, rate: rate, shortest: shortest) : nil
            // A rounded count's own noise is a day's too, past the rounding of a day's change (step²/6).
            if let (q, own) = jumpRoundedNoise, let dayNoise {
                jumpRoundedNoise = (q, max(own, max(0, dayNoise * dayNoise - q * q / 6).squareRoot()))
            }
        }
        return usual
    }

    /// Whether a baseline of `increments` over `span` days is a page captured several times a day
    /// (`severalADay`) that spans under `dayNoiseDays`: too few days to know a day's noise, so it
    /// is no jump baseline yet.
    static func tooFewDays(span: Double, increments: Int) -> Bool {
        span / Double(max(increments, 1)) < DetectionSettings.severalADay && span < DetectionSettings.dayNoiseDays
    }

    /// The shortest interval whose change measures the noise over `range`: a `shortIntervalShare` of
    /// the median one (0 when none is shorter), given the `briefest` and `mean` of its intervals. A
    /// capture taken soon after another (a cron job's retry, a manual run) sees a few hours of a
    /// day's growth, whose spread per √day says little about a day's: counted in, it made the noise
    /// look smaller than a day meets.
    private func shortestJudged(_ range: ClosedRange<Int>, briefest: Double, mean: Double) -> Double {
        // The median is at most twice the mean: with no interval under half the mean, none is short.
        let share = DetectionSettings.shortIntervalShare
        guard briefest < 2 * share * mean else { return 0 }
        var intervals = range.compactMap { dt[$0] > 0 ? dt[$0] : nil }
        return share * Robust.median(&intervals)
    }

    /// The noise per √day of the changes over a day (from each capture back to the last one a day
    /// or more before it) across `range`, in the quarter of the day where it is largest; nil when no
    /// quarter holds 8 such changes. Where a day's ups and
    /// downs come with its growth, spread over its hours (a news day brings its followers through
    /// the day), half a day holds a quarter of a day's variance, not half: measured on 12-hour
    /// intervals the noise per √day was 0.7 of a day's, and a change over a whole day read √2
    /// times as unusual as it was.
    private func dayScaleNoise(_ range: ClosedRange<Int>, _ usual: Usual) -> Double? {
        // By the quarter of the day each window ends in: a window from 03:00 to 03:00 holds one
        // day's growth and noise, one from 15:00 to 15:00 halves of two.
        var sums: [[Double]] = [[], [], [], []]
        var k = range.lowerBound - 1
        for j in range where dt[j] > 0 {
            while k + 1 < j, t[j] - t[k + 1] >= 86_400 { k += 1 }
            guard t[j] - t[k] >= 86_400 else { continue }
            let d = days(k, j)
            let quarter = Int(((t[j] % 86_400) + 86_400) % 86_400 / 21_600)
            sums[quarter].append(abs(usual.excess(of: v[j] - v[k], days: d, endingAt: t[j])) / d.squareRoot())
        }
        var noise: Double?
        for var quarter in sums where quarter.count >= 8 { noise = max(noise ?? 0, Robust.trimmedSigma(&quarter)) }
        return noise
    }

    /// The usual change per day of a rounded count: it moves by whole steps on a few days and rests
    /// on the others, so its median change is a step or nothing. Its mean is right (rounding errors
    /// cancel over the range) once changes more than three typical moves from the median (jumps) are left out.
    private func roundedRate(_ range: ClosedRange<Int>, median: Double) -> Double {
        var moves = range.compactMap { j in v[j] != v[j - 1] ? abs(v[j] - v[j - 1]) : nil }
        let bound = 3 * Robust.median(&moves)
        var change = 0.0, span = 0.0
        for j in range where dt[j] > 0 && abs(perDay[j] - median) * dt[j] <= bound {
            change += v[j] - v[j - 1]
            span += dt[j]
        }
        return span > 0 ? change / span : median
    }

    /// Whether half or more of the changes over `range` that are not zero are whole tens (a tenth
    /// would be by chance), as near a power of ten where rounding starts: a count the
    /// platform rounds rests between its steps, and those rests are rounding, not a quiet audience.
    private func isRounded(_ range: ClosedRange<Int>) -> Bool {
        var moves = 0, tens = 0, left = range.count
        for j in range {
            left -= 1
            let change = v[j] - v[j - 1]
            guard change != 0 else { continue }
            moves += 1
            if abs(change) < 1e15, change == change.rounded(), Int64(change) % 10 == 0 { tens += 1 }
            if (moves - tens) > tens + left { return false }  // half can no longer be tens
        }
        return moves >= 3 && tens * 2 >= moves
    }

    /// The weekly cycle: the median departure from the usual rate on each weekday, from daily
    /// increments (the medians of the weekdays seen 3 times or more are left in `weekdayMedians`).
    private mutating func weekdayPattern(_ range: ClosedRange<Int>, rate: Double) -> SIMD8<Double> {
        let stride = range.count
        if byWeekday.count < 7 * stride { byWeekday = [Double](repeating: 0, count: 7 * stride) }
        weekdayCounts.withUnsafeMutableBufferPointer { counts in
            for day in 0..<7 { counts[day] = 0 }
            byWeekday.withUnsafeMutableBufferPointer { buffer in
                for j in range where (0.5...1.5).contains(dt[j]) {
                    let day = weekdays[j]
                    buffer[day * stride + counts[day]] = v[j] - v[j - 1] - rate * dt[j]
                    counts[day] += 1
                }
            }
        }
        var pattern = Usual.noCycle
        byWeekday.withUnsafeMutableBufferPointer { buffer in
            for day in 0..<7 where weekdayCounts[day] >= 3 {
                let values = UnsafeMutableBufferPointer(rebasing: buffer[(day * stride)..<(day * stride + weekdayCounts[day])])
                Self.insertionSort(values)
                weekdayMedians[day] = MedianWithoutOne(sorted: UnsafeBufferPointer(values))
                pattern[day] = weekdayMedians[day].median
            }
        }
        return pattern
    }

    /// A weekday holds a few values: insertion sort beats the general one there.
    private static func insertionSort(_ a: UnsafeMutableBufferPointer<Double>) {
        for i in a.indices.dropFirst() {
            let x = a[i]
            var j = i
            while j > 0, a[j - 1] > x { a[j] = a[j - 1]; j -= 1 }
            a[j] = x
        }
    }

    /// The smallest step the platform reports now: 10^k when the last 8 values up to the end of
    /// `range` (all ≥ 1,000: chance cannot explain it) end in k zeros; 1 otherwise. A platform that
    /// rounds to significant figures (YouTube keeps 3) steps ten times coarser once a count crosses a
    /// power of ten, before 8 values show it: the step is also the one that keeps as many figures
    /// as the values of `range` kept.
    mutating func quantum(_ range: ClosedRange<Int>) -> Double {
        guard range.upperBound >= 7 else { return 1 }
        var k = 6
        for j in (range.upperBound - 7)...range.upperBound {
            if v[j] < 1000 || zeros[j] == 0 { return 1 }
            k = min(k, zeros[j])
        }
        if figures.isEmpty { figures = v.indices.map { v[$0] >= 1 ? Self.digits(v[$0]) - zeros[$0] : 0 } }
        var kept = 0
        for j in range { kept = max(kept, figures[j]) }
        let last = range.upperBound
        return pow(10, Double(max(k, figures[last] + zeros[last] - kept)))
    }

    /// The number of decimal digits of a whole value ≥ 1.
    static func digits(_ value: Double) -> Int {
        var n = Int64(min(value, 1e15)), count = 0
        while n > 0 { n /= 10; count += 1 }
        return count
    }

    /// Noise is never taken as less than half a count, 0.014% of the level (a real growth rate
    /// wanders for weeks, more than a nine-week baseline shows; at 0.02%, pages of millions were
    /// judged far more leniently than smaller ones: see the README), a tenth of √level (an audience
    /// always churns a little, even when a quiet stretch hides it), the spread of the difference of
    /// two rounded values (step/√6), or the counting noise of the usual change (√rate: follows and
    /// posts arrive one by one).
    func floored(_ noise: Double, level: Double, quantum: Double, rate: Double = 0) -> Double {
        max(noise, 0.5, 1.4e-4 * abs(level), 0.1 * abs(level).squareRoot(), quantum / 6.squareRoot(), abs(rate).squareRoot())
    }

    static func trailingZeros(_ value: Double) -> Int {
        guard value >= 1, value == value.rounded(), value < 1e15 else { return 0 }
        var n = Int64(value), k = 0
        while n % 10 == 0 && k < 6 { n /= 10; k += 1 }
        return k
    }

    static func severity(score: Double, threshold: Double, relative: Double) -> Severity {
        if score >= 3 * threshold || relative >= 0.10 { return .critical }
        if score >= 1.5 * threshold || relative >= 0.02 { return .warning }
        return .info
    }
}

/// What a running total usually does: its change per day, the weekday pattern of that change,
/// and the day-to-day noise around both.
struct Usual {
    var rate: Double
    var noise: Double
    /// The noise of one change: above `noise` on a page that rests on many of its days.
    var moveNoise: Double
    /// The second-largest departure from the usual change over the baseline (per √day, as `noise`),
    /// departures in a row of one sign beyond 3 noises counting once: one event over two days.
    var tail = 0.0
    /// By weekday (0 = Thursday; the 8th lane is unused): a value with no heap storage, copied freely.
    var weekday: SIMD8<Double>

    static let noCycle = SIMD8<Double>()

    /// The same usual change seen over whole weeks: its mean rate, with no weekday pattern left.
    var overWeeks: Usual {
        Usual(rate: rate + weekSum / 7, noise: noise, moveNoise: moveNoise, weekday: Self.noCycle)
    }

    /// The weekday pattern over a whole week.
    private var weekSum: Double {
        var sum = 0.0
        for day in 0..<7 { sum += weekday[day] }
        return sum
    }

    /// The start of the UTC week (weeks counted from 1970-01-01, a Thursday) holding `time`.
    static func weekStart(_ time: Int64) -> Int64 {
        let week = time >= 0 ? time / (7 * 86_400) : (time + 1) / (7 * 86_400) - 1
        return week * 7 * 86_400
    }

    /// 0 = Thursday (1970-01-01), by UTC day.
    static func weekday(_ time: Int64) -> Int { Int(((time / 86_400) % 7 + 7) % 7) }

    /// How far a change from `from` to `to` is beyond the usual: the usual rate over the time, and
    /// the weekday pattern of each whole day it covers (a missed day's change is two days' worth).
    func excess(of change: Double, from: Int64, to: Int64) -> Double {
        excess(of: change, days: Double(to - from) / 86_400, endingAt: to)
    }

    /// The same, for a change over `days` ending at `time`.
    func excess(of change: Double, days: Double, endingAt time: Int64) -> Double {
        change - rate * days - cycle(days: Int((days - 0.5).rounded(.up)), endingAt: time)
    }

    /// The weekday pattern summed over the `count` days that end at `time`.
    private func cycle(days count: Int, endingAt time: Int64) -> Double {
        guard count > 0 else { return 0 }
        if count == 1 { return weekday[Self.weekday(time)] }  // the common case: a daily change
        var sum = Double(count / 7) * weekSum
        for k in 0..<(count % 7) { sum += weekday[Self.weekday(time - Int64(k) * 86_400)] }
        return sum
    }
}
