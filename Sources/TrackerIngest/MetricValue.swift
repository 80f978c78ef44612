import Foundation

/// Parsing and checking one metric value from its text.
public enum MetricValue {
    /// The common metrics that count things, so must be whole numbers.
    public static let wholeNumberMetrics: Set<String> = ["followers", "following", "fans", "posts"]

    public enum Parsed: Equatable {
        case missing
        case value(Double)
        case invalid(String)
    }

    /// Parses a decimal number (surrounding spaces allowed); empty means not observed. A percentage
    /// (`2.5%`, as dashboards export engagement rates) is its hundredth part.
    /// Plain decimals take a fast path that rounds exactly like `Double(String)`.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        if start == end { return .missing }
        if let value = fastDecimal(bytes, start, end) { return .value(value) }
        if bytes[end - 1] == UInt8(ascii: "%"), end - 1 > start, bytes[end - 2] != UInt8(ascii: "%"),
           case .value(let percent) = parse(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(end - 1)])) {
            return .value(percent / 100)
        }
        guard let text = String(bytes: bytes[start..<end], encoding: .utf8),
              text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) || $0.isLetter }),
              let value = Double(text)
        else { return .invalid("is not a number") }
        guard value.isFinite else { return .invalid("is not a finite number") }
        return .value(value)
    }

    public static func parse(_ text: String) -> Parsed {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Checks a parsed value against the rules for `metric`; returns the problem, if any.
    public static func problem(with value: Double, metric: String) -> String? {
        if value < 0 { return "is negative: counts and rates cannot be below zero" }
        if wholeNumberMetrics.contains(metric), value.rounded() != value { return "is not a whole number" }
        if value > 9.0e15 { return "is too large" }
        return nil
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// `123`, `0.28`, `-4.5`: exact when the digits fit in 2^53 and the scale is at most 10^22
    /// (Clinger's fast path); nil otherwise, for the general parser.
    private static func fastDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0, digits = 0, scale = 0, seenPoint = false
        guard i < end else { return nil }
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else {
                let digit = byte &- 48
                guard digit < 10 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if seenPoint { scale += 1 }
                if digits > 15 { return nil }
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let value = scale == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[scale]
        return negative ? -value : value
    }
}
