/// The one knob: sensitivity. Everything else is derived from it or fixed by the phenomenon.
public struct DetectionSettings: Sendable, Equatable {
    /// 1 is the tuned default; 2 flags events half as large (relative to noise), 0.5 only twice as large.
    public var sensitivity: Double

    public init(sensitivity: Double = 1) { self.sensitivity = sensitivity }

    /// `low`, `normal`, `high`, or a positive number.
    public init?(name: String) {
        switch name.lowercased() {
        case "low": sensitivity = 0.7
        case "normal": sensitivity = 1
        case "high": sensitivity = 1.4
        default:
            guard let value = Double(name), value > 0, value.isFinite else { return nil }
            sensitivity = value
        }
    }

    /// How many times the usual spread a gauge's value (an engagement rate, a rate of mentions)
    /// must depart to be raised.
    public var threshold: Double { Self.defaultThreshold / sensitivity }

    /// How many times the day-to-day noise a running total's change (followers, fans, posts) must
    /// be to be raised: lower than a gauge's, as its noise is measured more closely (on the
    /// increments of nine weeks, with their weekday pattern).
    public var countThreshold: Double { Self.defaultCountThreshold / sensitivity }

    /// How many times the second-largest ordinary change of its baseline a running total's change
    /// must also be: a page whose ordinary days reach far (heavy tails) is judged by them, as a
    /// bursty gauge is by its bursts. The second-largest, so that one past event in the nine weeks
    /// does not raise the bar.
    public var tailFactor: Double { Self.defaultTailFactor / sensitivity }

    /// How many times as far as any of the n changes before it a young running total's change must
    /// go, times n (`SeriesScan.checkYoungJump`: too few increments yet to measure its noise).
    public var youngFactor: Double { Self.defaultYoungFactor / sensitivity }

    /// Tuned on NAB (gauges) and on the simulated audiences (running totals: on the twitter,
    /// facebook and instagram pages the quality goals name): see the README.
    public static let defaultThreshold = 6.0
    public static let defaultCountThreshold = 4.6
    public static let defaultTailFactor = 1.5
    public static let defaultYoungFactor = 40.0

    // MARK: - Windows

    /// Increments that make the usual change of a running total (nine weeks of daily snapshots:
    /// enough for the weekday pattern and the noise to be measured within about a tenth).
    static let baselineIncrements = 63
    /// …and no older than this, so that a weekly series is judged against its last months, not its last year.
    static let baselineDays: Int64 = 120
    /// When those increments span fewer days than this (a page captured several times a day), the
    /// baseline is the increments of the last `denseBaselineDays` instead.
    static let denseSpanDays: Int64 = 14
    static let denseBaselineDays: Int64 = 63
    /// A running total's noise is measured on intervals at least this share of its median interval
    /// long (`SeriesScan.shortestJudged`).
    static let shortIntervalShare = 0.25
    /// A running total whose baseline's intervals average less than this many days is captured
    /// several times a day: its noise is also measured on its changes over a day
    /// (`SeriesScan.dayScaleNoise`), and the larger of the two is its noise.
    static let severalADay = 0.6
    /// …and until its baseline spans this many days, it has no jump baseline: its first day's hours
    /// say nothing of a day's noise, and it is judged as a young page (`SeriesScan.checkYoungJump`).
    static let dayNoiseDays = 8.0
    /// A running total's change this many noises from its baseline is judged at the pace of its
    /// last `paceDays` instead, when at least `paceIncrements` intervals make it.
    static let paceScreen = 3.0
    static let paceDays: Int64 = 14
    static let paceIncrements = 7
    /// Fewer than this and a series is too young to judge.
    static let minimumIncrements = 8
    /// Fewer than this and the day-to-day noise is too uncertain to call a jump.
    static let minimumJumpIncrements = 10
    /// Before that, a change is judged against at least this many increments before it, and must be
    /// at least this share of the level (`SeriesScan.checkYoungJump`).
    static let youngIncrements = 5
    static let youngShare = 0.1
    /// …within this many days of where tracking began (or resumed after a gap).
    static let youngDays: Int64 = 84
    /// Values that make the usual level of a gauge (none older than `baselineDays`).
    static let gaugeWindow = 48
    /// After a gauge's alarm, nothing new is raised on it for this long.
    static let gaugeQuietSeconds: Int64 = 12 * 3600
    /// A gauge's rests at one value over this many days before a run are its habit (a daily
    /// plateau, a cap it reaches every weekend): a run no longer than those is no flatline.
    static let restHabitDays: Int64 = 8
    /// Values that make the long-run spread of a gauge, none older than `gaugeLongDays`.
    static let gaugeLongWindow = 480
    static let gaugeLongDays: Int64 = 60
    /// A gauge's outlier must go `peakFactor` times as far as the median daily peak of the last
    /// `peakDays` days, once `minimumPeakDays` of them are known (it matters for gauges observed
    /// many times a day; for a daily gauge a day's peak is its one value, far below the threshold).
    static let peakDays: Int64 = 14
    static let minimumPeakDays = 3
    /// …or this many, when each of them held several values (a gauge observed many times a day).
    static let minimumBusyPeakDays = 2
    static let peakFactor = 2.0
    /// A new level must lie this share of the long window's farthest excursion away.
    static let shiftShareOfExtreme = 0.5
    /// Observations that confirm a level shift (the delay before it is raised), spanning at least
    /// `shiftConfirmationSeconds`: on a gauge observed every five minutes, 3 values are a quarter of
    /// an hour, which a burst outlasts.
    static let shiftConfirmation = 3
    static let shiftConfirmationSeconds: Int64 = 3600
    /// A surge is growth above the usual sustained over this many days (its confirmation delay),
    /// looked for over `surgeWindows`: a longer window catches slower surges.
    static let surgeDays: Int64 = 28
    static let surgeWindows: [Int64] = [28, 56]
    /// The longest a surge is followed.
    static let surgeMaxDays: Int64 = 120
    /// The usual growth before a surge is measured over this many days; with fewer increments than
    /// a weekly page makes in them, the bar rises (`SeriesScan.surgeBarFactor`).
    static let surgeBaselineDays: Int64 = 56
    static let surgeBaselineIncrements = 8
    /// Follow/unfollow farming must fall back within this many days of its rise (which is looked
    /// for over the 30 days before), and is followed for at most `churnMaxDays` from the rise's start.
    static let churnDays: Int64 = 60
    static let churnMaxDays: Int64 = churnDays + 30
    /// Dilution is looked for, and followed, over at most this many days from its start.
    static let dilutionDays: Int64 = 120
    /// A metric known by neither name is told by the shape of its observations over this many
    /// days before each UTC week: the same for every observation of the week, whatever run judges it.
    static let natureDays: Int64 = 168

    /// What detection at one time needs to see before it: the incremental run loads this much.
    /// Every window is bounded in days (whatever its bound in observations), and every event is
    /// followed for a bounded time, so that a run over the last `lookbackDays` judges a new
    /// observation exactly as a run over the whole history does. The longest reach is a surge's:
    /// followed for `surgeMaxDays`, against the usual growth of the `surgeBaselineDays` before it.
    public static let lookbackDays: Int64 = [
        7 + baselineDays,                           // jumps: the baseline ends where the week began
        surgeMaxDays + surgeBaselineDays,           // a surge still followed, and the growth before it
        7 + surgeWindows.max()! + surgeBaselineDays,  // a new surge's window and its baseline
        dilutionDays + 28,                          // dilution, and the audience's growth before its start
        churnMaxDays + surgeBaselineDays,           // follow churn, and the growth before the rise
        baselineDays + peakDays + 21,               // a gauge: daily peaks, their windows, a shift 3 weekly values back
        baselineDays + restHabitDays,               // a flatline: the window before the run, and its rests
        gaugeLongDays + 7 * Int64(RepeatingDays.weeks),  // a gauge's same time of day: long window, weeks before each value
        7 + natureDays,                             // the shape of a metric known by neither name
    ].max()!
}
