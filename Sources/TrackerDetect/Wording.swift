import Foundation
import TrackerTime

/// Numbers and times as a journalist would print them.
enum Wording {
    /// A count as printed: `4,140`; below 1,000 a fraction keeps its decimals without trailing
    /// zeros (a usual weekly growth of `8.5`, not `8.50`: a count is no measured rate).
    static func count(_ value: Double) -> String {
        if abs(value) < 1000 && value != value.rounded() { return withoutTrailingZeros(decimal(value)) }
        let digits = String(Int64(abs(value).rounded()))
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "−") + count(abs(value)) }

    static func decimal(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1000 { return count(value) }  // grouped like a count: 1,972, not 1972
        let text: String
        if magnitude >= 100 { text = String(format: "%.0f", value) }
        else if magnitude >= 10 { text = String(format: "%.1f", value) }
        else if magnitude >= 0.1 { text = String(format: "%.2f", value) }
        else { text = String(format: "%.3g", value) }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    private static func withoutTrailingZeros(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        return String(trimmed.hasSuffix(".") ? trimmed.dropLast() : trimmed)
    }

    static func value(_ value: Double, of metric: String) -> String {
        MetricNature.isRate(metric) || value != value.rounded() ? decimal(value) : count(value)
    }

    /// `+316%`, `−2.3%`, and two significant figures below a tenth of a percent (`+0.035%`): a
    /// jump on a page of millions is a small share, and "+0.0%" would say it was none.
    static func percent(from before: Double, to after: Double) -> String {
        guard before != 0 else { return "" }
        let change = (after / before - 1) * 100
        let magnitude = abs(change)
        let format = magnitude >= 10 ? "%.0f" : magnitude >= 0.1 || magnitude == 0 ? "%.1f" : "%.2g"
        return (change >= 0 ? "+" : "−") + String(format: format, magnitude) + "%"
    }

    /// "from 1,600 to 1,736 (+136, +8.5%) on 2014-03-24": a count's event, its change and when.
    static func countChange(_ event: Anomaly) -> String {
        let percent = percent(from: event.before, to: event.after)
        return "from \(count(event.before)) to \(count(event.after)) (\(signed(event.after - event.before))"
            + "\(percent.isEmpty ? "" : ", \(percent)")) \(span(event.start, event.end))"
    }

    static func metricName(_ metric: String) -> String { metric.replacingOccurrences(of: "_", with: " ") }

    /// `2014-02-03`, with the time of day when it is not midnight (`2014-02-03 10:20`).
    static func date(_ time: Int64) -> String {
        let text = minute(time)
        return time % 86_400 == 0 ? String(text.prefix(10)) : text
    }

    /// "on 2024-03-02" for one time or a change between captures about a day apart (daily captures
    /// drift by hours), else as `interval`: said by its end alone, a level confirmed at 02:55 would
    /// read as if it moved then.
    static func span(_ start: Int64, _ end: Int64) -> String {
        let length = end - start
        return length == 0 || (18 * 3600...86_400).contains(length) ? "on \(date(end))" : interval(start, end)
    }

    /// `2014-02-03 00:00`: the time of day even at midnight.
    private static func minute(_ time: Int64) -> String {
        let iso = UTCTime.format(time)  // 2014-02-03T10:20:30Z
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5)
    }

    /// "from 2024-03-01 to 2024-03-09", or for hours "from 2024-03-01 00:00 to 07:30" (the date
    /// once when both times fall on one day), however short: a state that lasted.
    static func interval(_ start: Int64, _ end: Int64) -> String {
        guard end - start < 86_400 else { return "from \(date(start)) to \(date(end))" }
        let (from, to) = (minute(start), minute(end))
        return "from \(from) to \(from.prefix(10) == to.prefix(10) ? String(to.dropFirst(11)) : to)"
    }

    static func times(_ ratio: Double) -> String {
        ratio >= 10 ? String(format: "%.0f×", ratio) : String(format: "%.1f×", ratio)
    }
}
