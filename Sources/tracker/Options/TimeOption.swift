import ArgumentParser
import TrackerTime

/// A time option: an ISO 8601 date or time.
enum TimeOption {
    static func parse(_ text: String?, name: String) throws -> Int64? {
        guard let text else { return nil }
        guard let time = UTCTime.parse(text) else { throw ValidationError("--\(name) '\(text)' is not an ISO 8601 date or time") }
        return time
    }
}
