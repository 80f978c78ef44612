import Foundation

/// Numbers and times as a journalist would print them.
enum Wording {
    static func count(_ value: Double) -> String {
        if abs(value) < 1000 && value != value.rounded() { return decimal(value) }
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
        let text: String
        if magnitude >= 100 { text = String(format: "%.0f", value) }
        else if magnitude >= 10 { text = String(format: "%.1f", value) }
        else if magnitude >= 0.1 { text = String(format: "%.2f", value) }
        else { text = String(format: "%.3g", value) }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    static func value(_ value: Double, of metric: String) -> String {
        metric.hasSuffix("rate") || value != value.rounded() ? decimal(value) : count(value)
    }

    static func percent(from before: Double, to after: Double) -> String {
        guard before != 0 else { return "" }
        let change = (after / before - 1) * 100
        let rounded = abs(change) >= 10 ? String(format: "%.0f", abs(change)) : String(format: "%.1f", abs(change))
        return (change >= 0 ? "+" : "−") + rounded + "%"
    }

    static func metricName(_ metric: String) -> String { metric.replacingOccurrences(of: "_", with: " ") }

    static func date(_ time: Int64) -> String {
        let days = time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
        let seconds = time - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let base = String(format: "%04d-%02d-%02d", year, month, day)
        return seconds == 0 ? base : base + String(format: " %02d:%02d", seconds / 3600, seconds % 3600 / 60)
    }

    /// "on 2024-03-02" or "from 2024-03-01 to 2024-03-09".
    static func span(_ start: Int64, _ end: Int64) -> String {
        end - start <= 86_400 ? "on \(date(end))" : "from \(date(start)) to \(date(end))"
    }

    static func times(_ ratio: Double) -> String {
        ratio >= 10 ? String(format: "%.0f×", ratio) : String(format: "%.1f×", ratio)
    }
}
