import TrackerStore

extension ListedAnomaly {
    /// A second sentence when the event was the platform's rather than the page's (many pages at
    /// once: a purge of fake accounts, a scraper outage); empty otherwise.
    var context: String {
        guard platformWide else { return "" }
        let what = ["spike": "a jump", "drop": "a fall", "level_shift": "a level shift", "flatline": "a flatline"][anomaly.kind]
            ?? anomaly.kind
        let metric = anomaly.metric.replacingOccurrences(of: "_", with: " ")
        return "\(peers) of the \(otherPages) other \(platform) pages had \(what) in \(metric) within a day of it: "
            + "the platform (a purge of fake accounts, a capture outage) explains it better than the page."
    }
}
