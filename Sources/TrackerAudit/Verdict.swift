import Foundation

/// The combined judgement of one follower.
public struct Verdict: Sendable, Equatable {
    public enum Label: String, Sendable, CaseIterable {
        case suspicious, inactive, genuine
    }

    /// 0 (nothing suspicious) to 100.
    public let score: Int
    public let label: Label
    /// The ids of the rules the account fails.
    public let flagged: [String]
}

/// How rules combine into a verdict. The score adds up:
/// - imbalance: 50 points when an account follows `imbalanceRatio` times as many accounts as follow it,
///   100 at the square of that ratio, on a log scale. The default ratio, 10, is the geometric mean of
///   Camisani-Calzolari's 2 and Socialbakers' 50: fake and bought accounts follow far more than they are followed.
/// - dormancy: 50 points for an account with fewer than 3 posts (Socialbakers' inactive) that follows more
///   than twice as many accounts as follow it (Camisani-Calzolari): an empty account collecting follows.
/// - 10 points for each other Socialbakers sign (old default image, no bio and no location while following 100).
/// An account scoring `suspiciousScore` or more is suspicious; otherwise inactive if the `inactive` rule flags it.
public struct VerdictPolicy: Sendable {
    public var rules: [AuditRule] = AuditRule.all
    public var suspiciousScore = 50
    public var imbalanceRatio = 10.0

    public init() {}

    /// Judges a profile at time `now` (Unix seconds).
    public func judge(_ profile: Profile, now: Int64) -> Verdict {
        verdict(profile, findings: findings(profile, now: now))
    }

    /// What each rule finds, in `rules` order: true when the account shows the sign, nil when the rule cannot judge.
    public func findings(_ profile: Profile, now: Int64) -> [Bool?] {
        rules.map { $0.check(profile, now: now) }
    }

    /// The verdict from the rules' `findings` on `profile`, so that a caller counting them checks each rule once.
    public func verdict(_ profile: Profile, findings: [Bool?]) -> Verdict {
        var flagged: [String] = [], inactive = false, weakSigns = 0
        for (rule, finding) in zip(rules, findings) where finding == true {
            flagged.append(rule.id)
            if rule.id == "inactive" { inactive = true }
            if rule.family == .socialbakers, rule.id != "follow_ratio_50", rule.id != "never_posted" { weakSigns += 1 }
        }
        let score = min(100, imbalance(profile) + dormancy(profile) + 10 * weakSigns)
        let label: Verdict.Label = score >= suspiciousScore ? .suspicious : inactive ? .inactive : .genuine
        return Verdict(score: score, label: label, flagged: flagged)
    }

    private func imbalance(_ p: Profile) -> Int {
        guard let following = p.following, let followers = p.followers, following > followers else { return 0 }
        let ratio = Double(following) / Double(max(followers, 1))
        return Int(min(100, 50 * log(ratio) / log(imbalanceRatio)).rounded())
    }

    private func dormancy(_ p: Profile) -> Int {
        guard let posts = p.posts, let following = p.following, let followers = p.followers else { return 0 }
        return posts < 3 && following > 2 * followers ? 50 : 0
    }
}
