import TrackerTime

/// A time given on the command line: an ISO 8601 date or date-time, `now`, `today` or
/// `yesterday` (the start of that UTC day), or an age such as `90m`, `36h`, `7d`, `2w`, `1y`
/// (that long before now).
public enum TimeExpression {
    public static func parse(_ text: String, now: Int64) -> Int64? {
        let trimmed = text.trimmingSpaces
        switch trimmed.lowercased() {
        case "now": return now
        case "today": return startOfDay(now)
        case "yesterday": return startOfDay(now) - 86_400
        default: break
        }
        if let time = UTCTime.parse(trimmed) { return time }
        guard let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0, amount.isFinite else {
            return nil
        }
        let seconds: Double
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86_400
        case "w": seconds = 7 * 86_400
        case "y": seconds = 365 * 86_400
        default: return nil
        }
        return now - Int64(amount * seconds)
    }

    public static let help = "an ISO 8601 date or time, 'now', 'today', 'yesterday', or an age like 36h, 7d, 2w, 1y"

    /// Midnight UTC of the day holding `time`.
    private static func startOfDay(_ time: Int64) -> Int64 {
        (time >= 0 ? time / 86_400 : (time + 1) / 86_400 - 1) * 86_400
    }
}

extension String {
    var trimmingSpaces: String {
        // Most values have no surrounding space: decide from the bytes (non-ASCII ends are checked properly).
        func mayBeSpace(_ byte: UInt8?) -> Bool { byte.map { $0 == 32 || (9...13).contains($0) || $0 >= 0x80 } ?? false }
        guard mayBeSpace(utf8.first) || mayBeSpace(utf8.last) else { return self }
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
