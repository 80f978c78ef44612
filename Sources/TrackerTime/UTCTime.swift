import Foundation

/// ISO 8601 times as Unix seconds (UTC), parsed straight from bytes for speed.
///
/// Accepted: `2014-02-03` (midnight UTC); `2014-02-03T10:20`, `2014-02-03 10:20:30`, optional
/// fraction (dropped), optionally followed by `Z` or an offset (`+01:00`, `+0100`, `+01`).
/// A date-time without an offset is UTC.
public enum UTCTime {
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var cursor = Cursor(bytes: bytes)
        cursor.skipSpaces()
        guard let year = cursor.digits(4), cursor.take(UInt8(ascii: "-")),
              let month = cursor.digits(2), cursor.take(UInt8(ascii: "-")),
              let day = cursor.digits(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = daysFromCivil(year: year, month: month, day: day) * 86_400
        if cursor.restIsSpace { return seconds }
        guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: " ")) || cursor.take(UInt8(ascii: "t")),
              let hour = cursor.digits(2), cursor.take(UInt8(ascii: ":")), let minute = cursor.digits(2),
              hour < 24, minute < 60
        else { return nil }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let s = cursor.digits(2), s < 61 else { return nil }
            second = min(s, 59)  // a leap second counts as :59
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                guard cursor.skipDigits() > 0 else { return nil }
            }
        }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        guard let offset = cursor.offset() else { return nil }
        cursor.skipTrailingSpaces()
        return cursor.atEnd ? seconds - offset : nil
    }

    /// Unix seconds as `date +%s` prints them: 9 or 10 digits (1973 to 2286), spaces around
    /// allowed. Fewer digits are more likely a year or a count than a time, and 13 are milliseconds.
    public static func parseUnixSeconds(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var cursor = Cursor(bytes: bytes)
        cursor.skipSpaces()
        var seconds: Int64 = 0, count = 0
        while let digit = cursor.digits(1) { seconds = seconds * 10 + Int64(digit); count += 1 }
        cursor.skipTrailingSpaces()
        return cursor.atEnd && (9...10).contains(count) ? seconds : nil
    }

    public static func parseUnixSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseUnixSeconds(bytes: $0) }
    }

    /// `2014-02-03T00:00:00Z`.
    public static func format(_ seconds: Int64) -> String {
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (d, r) = rest < 0 ? (days - 1, rest + 86_400) : (days, rest)
        let (year, month, day) = civilFromDays(d)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, r / 3600, r % 3600 / 60, r % 60)
    }

    /// `2014-02-03`.
    public static func formatDate(_ seconds: Int64) -> String {
        String(format(seconds).prefix(10))
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, Howard Hinnant's algorithms)

    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A read position over ASCII bytes.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index >= bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for _ in 0..<count {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return value
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index - start
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
    }

    mutating func skipTrailingSpaces() { skipSpaces() }

    var restIsSpace: Bool { bytes[index...].allSatisfy { $0 == 32 || $0 == 9 } }

    /// `Z`, `+hh:mm`, `+hhmm`, `+hh` (or nothing) as seconds east of UTC.
    mutating func offset() -> Int64? {
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int64
        if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return 0 }
        guard let hours = digits(2), hours < 24 else { return nil }
        var minutes = 0
        if take(UInt8(ascii: ":")) {
            guard let m = digits(2) else { return nil }
            minutes = m
        } else if let m = digits(2) {
            minutes = m
        }
        guard minutes < 60 else { return nil }
        return sign * Int64(hours * 3600 + minutes * 60)
    }
}
