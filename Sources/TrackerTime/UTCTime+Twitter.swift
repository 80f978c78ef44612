extension UTCTime {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Twitter API v1.1 times, `Thu Apr 17 09:16:09 +0000 2014`, as Unix seconds.
    public static func parseTwitter(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, let month = months.firstIndex(of: String(parts[1])).map({ $0 + 1 }),
              let day = Int(parts[2]), let year = Int(parts[5]), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
        let zone = parts[4]
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let hhmm = Int(zone.dropFirst()) else { return nil }
        let offset = Int64((hhmm / 100) * 3600 + (hhmm % 100) * 60) * (sign == "-" ? -1 : 1)
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400
            + Int64(clock[0] * 3600 + clock[1] * 60 + min(clock[2], 59))
        return seconds - offset
    }
}
