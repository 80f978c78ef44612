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

    /// How many times the usual noise a change must be to be raised.
    public var threshold: Double { Self.defaultThreshold / sensitivity }

    /// Tuned on the synthetic audiences and NAB (see the README).
    public static let defaultThreshold = 6.0

    // MARK: - Windows

    /// Increments that make the usual change of a running total.
    static let baselineIncrements = 42
    /// …and no older than this, so that a weekly series is judged against its last months, not its last year.
    static let baselineDays: Int64 = 120
    /// Fewer than this and a series is too young to judge.
    static let minimumIncrements = 8
    /// Fewer than this and the day-to-day noise is too uncertain to call a jump.
    static let minimumJumpIncrements = 10
    /// Values that make the usual level of a gauge (none older than `baselineDays`).
    static let gaugeWindow = 48
    /// After a gauge's alarm, nothing new is raised on it for this long.
    static let gaugeQuietSeconds: Int64 = 12 * 3600
    /// Values that make the long-run spread of a gauge, none older than `gaugeLongDays`.
    static let gaugeLongWindow = 480
    static let gaugeLongDays: Int64 = 60
    /// A gauge's outlier must go `peakFactor` times as far as the median daily peak of the last
    /// `peakDays` days, once `minimumPeakDays` of them are known (it matters for gauges observed
    /// many times a day; for a daily gauge a day's peak is its one value, far below the threshold).
    static let peakDays: Int64 = 14
    static let minimumPeakDays = 7
    static let peakFactor = 2.0
    /// A new level must lie this share of the long window's farthest excursion away.
    static let shiftShareOfExtreme = 0.5
    /// Observations that confirm a level shift (the delay before it is raised).
    static let shiftConfirmation = 3
    /// A surge is growth above the usual sustained over this many days (its confirmation delay),
    /// looked for over `surgeWindows`: a longer window catches slower surges.
    static let surgeDays: Int64 = 28
    static let surgeWindows: [Int64] = [28, 56]
    /// The longest a surge is followed.
    static let surgeMaxDays: Int64 = 120
    /// The usual growth before a surge is measured over this many days.
    static let surgeBaselineDays: Int64 = 56
    /// Follow/unfollow farming must fall back within this many days of its rise.
    static let churnDays: Int64 = 60
    /// Dilution is looked for over at most this many days.
    static let dilutionDays: Int64 = 120

    /// What detection at one time needs to see before it: the incremental run loads this much.
    /// Every window is bounded in days (whatever its bound in observations), the longest being
    /// dilution's (`dilutionDays` plus 28 days of usual growth before it) and the jumps' (a week
    /// plus `baselineDays`).
    public static let lookbackDays: Int64 = 150
}
