import Foundation

/// Axis ticks at round values.
public enum Ticks {
    /// About `count` values at multiples of 1, 2 or 5 × 10^k covering [low, high].
    public static func linear(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
        guard high > low, count > 0 else { return [low] }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        // The round step nearest to the raw one (by ratio).
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.min { abs(log($0 / raw)) < abs(log($1 / raw)) } ?? magnitude
        // Ticks as whole multiples of the magnitude, divided rather than multiplied when it is below 1,
        // so that 0.15 prints as 0.15.
        let units = (step / magnitude).rounded()
        func value(_ k: Double) -> Double { magnitude < 1 ? k * units / (1 / magnitude).rounded() : k * units * magnitude }
        var ticks: [Double] = []
        var k = (low / step).rounded(.up)
        while value(k) <= high + step * 1e-9 {
            ticks.append(value(k) == 0 ? 0 : value(k))
            k += 1
        }
        return ticks
    }

    /// Powers of ten (and 2× and 5× when few) within [low, high], for a log axis.
    public static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
        guard low > 0, high > low else { return [low] }
        var ticks: [Double] = []
        for exponent in Int(floor(log10(low)))...Int(ceil(log10(high))) {
            for factor in [1.0, 2, 5] {
                let value = factor * pow(10, Double(exponent))
                if value >= low && value <= high { ticks.append(value) }
            }
        }
        return ticks.count > 6 ? ticks.filter { log10($0) == log10($0).rounded() } : ticks
    }

    /// Compact labels: 950, 12k, 1.5M.
    public static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        func trim(_ text: String) -> String { text.hasSuffix(".0") ? String(text.dropLast(2)) : text }
        if magnitude >= 1e9 { return trim(String(format: "%.1f", value / 1e9)) + "G" }
        if magnitude >= 1e6 { return trim(String(format: "%.1f", value / 1e6)) + "M" }
        if magnitude >= 1e4 { return trim(String(format: "%.0f", value / 1e3)) + "k" }
        if magnitude >= 1e3 { return trim(String(format: "%.1f", value / 1e3)) + "k" }
        if magnitude >= 1 || magnitude == 0 { return trim(String(format: "%.1f", value)) }
        return String(format: "%.3g", value)
    }
}
