import Foundation
import TrackerTime

/// Counts over the followers of one roster, built one account at a time in constant memory.
public struct AuditSummary: Sendable {
    /// How many accounts each rule flagged, among those it could judge.
    public struct RuleCount: Sendable, Equatable {
        public let rule: String
        public var flagged = 0
        public var judged = 0
    }

    /// Account ages at the roster's time, by bucket; the last bucket is "unknown".
    public static let ageBuckets = ["under 30 days", "30 days to 1 year", "1 to 2 years", "2 to 5 years", "5 to 10 years", "10 years or more", "unknown"]
    static let ageLimits: [Double] = [30, 365.25, 2 * 365.25, 5 * 365.25, 10 * 365.25]

    public let now: Int64
    public private(set) var accounts = 0
    public private(set) var rules: [RuleCount]
    public private(set) var verdicts: [Verdict.Label: Int] = [:]
    public private(set) var ages = [Int](repeating: 0, count: ageBuckets.count)
    public private(set) var followbackChampions = 0
    /// Accounts by the UTC year they were created: a bought batch shows as a year out of proportion.
    public private(set) var creationYears: [Int: Int] = [:]
    /// Languages and locations, compared case-insensitively without surrounding spaces: memory grows
    /// with the number of distinct values, not with the roster.
    public private(set) var languages = ValueCounts()
    public private(set) var locations = ValueCounts()

    public init(policy: VerdictPolicy, now: Int64) {
        self.now = now
        rules = policy.rules.map { RuleCount(rule: $0.id) }
        self.policy = policy
    }

    private let policy: VerdictPolicy

    /// Judges one account and counts it; returns its verdict.
    @discardableResult
    public mutating func add(_ profile: Profile) -> Verdict {
        let findings = policy.findings(profile, now: now)
        let verdict = policy.verdict(profile, findings: findings)
        accounts += 1
        for (index, finding) in findings.enumerated() {
            guard let shows = finding else { continue }
            rules[index].judged += 1
            if shows { rules[index].flagged += 1 }
        }
        verdicts[verdict.label, default: 0] += 1
        ages[ageBucket(profile)] += 1
        if let created = profile.createdAt { creationYears[Self.year(created), default: 0] += 1 }
        if Self.isFollowbackChampion(profile) { followbackChampions += 1 }
        if let lang = profile.lang { languages.add(lang) }
        if let location = profile.location { locations.add(location) }
        return verdict
    }

    /// The share of accounts with a label (0 when there are none).
    public func share(_ label: Verdict.Label) -> Double {
        accounts == 0 ? 0 : Double(verdicts[label, default: 0]) / Double(accounts)
    }

    private func ageBucket(_ profile: Profile) -> Int {
        guard let created = profile.createdAt else { return Self.ageBuckets.count - 1 }
        let days = Double(now - created) / 86_400
        return Self.ageLimits.firstIndex { days < $0 } ?? Self.ageLimits.count
    }

    /// The UTC year of a time (Unix seconds, negative ones too).
    static func year(_ time: Int64) -> Int {
        let (days, rest) = time.quotientAndRemainder(dividingBy: 86_400)
        return UTCTime.civilFromDays(rest < 0 ? days - 1 : days).0
    }

    /// Follows more than 1,000 accounts and about as many as follow it (within 10%): the follow-back
    /// trader's profile, which follows anyone who follows back.
    public static func isFollowbackChampion(_ profile: Profile) -> Bool {
        guard let following = profile.following, let followers = profile.followers, following > 1_000 else { return false }
        return Double(min(following, followers)) >= 0.9 * Double(max(following, followers))
    }
}

/// How often each text value occurs, compared case-insensitively and without surrounding spaces;
/// shown as first seen. Empty values are not counted.
public struct ValueCounts: Sendable {
    private var counts: [String: (shown: String, count: Int)] = [:]

    public init() {}

    public mutating func add(_ value: String) {
        // Most values have no surrounding space: skip Foundation's (slow) trimming for them.
        func mayBeSpace(_ byte: UInt8?) -> Bool { byte.map { $0 == 32 || $0 == 9 || $0 >= 0x80 } ?? false }
        let padded = mayBeSpace(value.utf8.first) || mayBeSpace(value.utf8.last)
        let shown = padded ? value.trimmingCharacters(in: .whitespaces) : value
        guard !shown.isEmpty else { return }
        let key = shown.lowercased()
        counts[key] = (counts[key]?.shown ?? shown, (counts[key]?.count ?? 0) + 1)
    }

    /// The `limit` most common values, most common first (ties in alphabetical order).
    public func top(_ limit: Int) -> [(value: String, count: Int)] {
        counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.shown < $1.shown }.prefix(limit).map { ($0.shown, $0.count) }
    }
}
