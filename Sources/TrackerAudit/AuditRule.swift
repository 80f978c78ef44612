/// A named test of a follower's profile, with where it comes from and what it means.
///
/// Each rule has one threshold (a count, a ratio or a number of days) that a config file may change;
/// the defaults are the published ones, not fitted to any data set here.
public struct AuditRule: Sendable {
    public enum Family: String, Sendable, CaseIterable {
        /// The seed analysis of one company's followers.
        case seed
        /// Socialbakers FakeFollowerCheck, its profile-only criteria.
        case socialbakers
        /// Camisani-Calzolari's human points, profile-only: the rule flags the point's absence.
        case camisaniCalzolari = "camisani_calzolari"
    }

    public let id: String
    public let family: Family
    public var threshold: Double
    /// What a flagged account shows, in plain words, for a threshold.
    let explain: @Sendable (Double) -> String
    /// True when the account shows the sign, false when not, nil when the profile lacks the fields.
    let test: @Sendable (Profile, _ now: Int64, _ threshold: Double) -> Bool?

    public var explanation: String { explain(threshold) }
    public var source: String {
        switch family {
        case .seed: return "seed analysis"
        case .socialbakers: return "Socialbakers FakeFollowerCheck"
        case .camisaniCalzolari: return "Camisani-Calzolari 2012"
        }
    }

    /// Whether `profile` shows the sign at time `now` (Unix seconds); nil when it cannot be told.
    public func check(_ profile: Profile, now: Int64) -> Bool? { test(profile, now, threshold) }
}

extension AuditRule {
    static let day = 86_400.0

    /// Every rule, by family.
    public static let all: [AuditRule] = seed + socialbakers + camisaniCalzolari

    static func whole(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    public static let seed: [AuditRule] = [
        AuditRule(id: "no_description", family: .seed, threshold: 0, explain: { _ in "has no profile description" }) { p, _, _ in
            p.description.map(\.isEmpty)
        },
        AuditRule(id: "few_posts", family: .seed, threshold: 100, explain: { "has fewer than \(whole($0)) posts" }) { p, _, n in
            p.posts.map { Double($0) < n }
        },
        AuditRule(id: "inactive", family: .seed, threshold: 90,
                  explain: { "is inactive: no post for \(whole($0)) days, or fewer than 3 posts (Socialbakers' definition)" }) { p, now, days in
            if let posts = p.posts, posts < 3 { return true }
            guard let last = p.lastPostAt else { return p.posts.map { _ in false } }
            return Double(now - last) > days * day
        },
    ]

    public static let socialbakers: [AuditRule] = [
        AuditRule(id: "follow_ratio_50", family: .socialbakers, threshold: 50,
                  explain: { "follows at least \(whole($0)) times as many accounts as follow it" }) { p, _, ratio in
            guard let following = p.following, let followers = p.followers else { return nil }
            return following > 0 && Double(following) >= ratio * Double(max(followers, 1))
        },
        AuditRule(id: "never_posted", family: .socialbakers, threshold: 0, explain: { _ in "has never posted" }) { p, _, _ in
            p.posts.map { $0 == 0 }
        },
        AuditRule(id: "old_default_image", family: .socialbakers, threshold: 60,
                  explain: { "still shows the default picture more than \(whole($0)) days after it was created" }) { p, now, days in
            guard let defaultImage = p.defaultImage else { return nil }
            guard defaultImage else { return false }
            return p.createdAt.map { Double(now - $0) > days * day } ?? true
        },
        AuditRule(id: "no_bio_no_location_follows_100", family: .socialbakers, threshold: 100,
                  explain: { "has no bio and no location and follows more than \(whole($0)) accounts" }) { p, _, n in
            guard let description = p.description, let location = p.location, let following = p.following else { return nil }
            return description.isEmpty && location.isEmpty && Double(following) > n
        },
    ]

    /// Camisani-Calzolari's human points; each rule flags a missing point.
    public static let camisaniCalzolari: [AuditRule] = [
        AuditRule(id: "cc_no_name", family: .camisaniCalzolari, threshold: 0, explain: { _ in "has no name" }) { p, _, _ in
            p.name.map(\.isEmpty)
        },
        AuditRule(id: "cc_no_image", family: .camisaniCalzolari, threshold: 0, explain: { _ in "has no picture of its own" }) { p, _, _ in
            p.defaultImage
        },
        AuditRule(id: "cc_no_bio", family: .camisaniCalzolari, threshold: 0, explain: { _ in "has no bio" }) { p, _, _ in
            p.description.map(\.isEmpty)
        },
        AuditRule(id: "cc_few_followers", family: .camisaniCalzolari, threshold: 30,
                  explain: { "has fewer than \(whole($0)) followers" }) { p, _, n in
            p.followers.map { Double($0) < n }
        },
        AuditRule(id: "cc_never_listed", family: .camisaniCalzolari, threshold: 0, explain: { _ in "is on no list" }) { p, _, _ in
            p.listed.map { $0 == 0 }
        },
        AuditRule(id: "cc_few_posts", family: .camisaniCalzolari, threshold: 50,
                  explain: { "has fewer than \(whole($0)) posts" }) { p, _, n in
            p.posts.map { Double($0) < n }
        },
        AuditRule(id: "cc_no_url", family: .camisaniCalzolari, threshold: 0, explain: { _ in "gives no URL" }) { p, _, _ in
            p.url.map(\.isEmpty)
        },
        AuditRule(id: "cc_follows_over_twice_followers", family: .camisaniCalzolari, threshold: 2,
                  explain: { "follows more than \(whole($0)) times as many accounts as follow it" }) { p, _, ratio in
            guard let following = p.following, let followers = p.followers else { return nil }
            return Double(following) > ratio * Double(followers)
        },
    ]
}
