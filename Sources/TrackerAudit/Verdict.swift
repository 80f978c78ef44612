/// The combined judgement of one follower.
public struct Verdict: Sendable, Equatable {
    public enum Label: String, Sendable, CaseIterable {
        case suspicious, inactive, genuine
    }

    /// 0 (nothing suspicious) to 100 (every weighed sign present), over the signs the profile allows.
    public let score: Int
    public let label: Label
    /// The ids of the rules the account fails.
    public let flagged: [String]

    /// At or above this score an account is suspicious.
    public static let suspiciousScore = 50

    /// Judges a profile: the weighted share of signs present, among the rules that could judge it.
    public static func judge(_ profile: Profile, now: Int64, rules: [AuditRule] = AuditRule.all) -> Verdict {
        var present = 0.0, possible = 0.0, flagged: [String] = [], inactive = false
        for rule in rules {
            guard let shows = rule.test(profile, now) else { continue }
            if shows { flagged.append(rule.id) }
            if rule.id == "inactive" { inactive = shows }
            possible += rule.weight
            if shows { present += rule.weight }
        }
        let score = possible > 0 ? Int((100 * present / possible).rounded()) : 0
        let label: Label = score >= suspiciousScore ? .suspicious : inactive ? .inactive : .genuine
        return Verdict(score: score, label: label, flagged: flagged)
    }
}
