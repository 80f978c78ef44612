import Foundation

/// A named test of a follower's profile, with where it comes from and what it means.
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
    /// What a flagged account shows, in plain words.
    public let explanation: String
    /// How much this sign weighs in the combined `suspicious` score.
    public let weight: Double
    /// True when the account shows the sign, false when it does not, nil when the profile lacks the fields.
    public let test: @Sendable (Profile, _ now: Int64) -> Bool?
}

extension AuditRule {
    static let day: Int64 = 86_400

    /// Every rule, by family. The thresholds are the published ones, not fitted to any data set here.
    public static let all: [AuditRule] = seed + socialbakers + camisaniCalzolari

    public static let seed: [AuditRule] = [
        AuditRule(id: "no_description", family: .seed, explanation: "has no profile description", weight: 1) { p, _ in
            p.description.map { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        },
        AuditRule(id: "under_100_posts", family: .seed, explanation: "has fewer than 100 posts", weight: 0.5) { p, _ in
            p.posts.map { $0 < 100 }
        },
        AuditRule(id: "inactive", family: .seed,
                  explanation: "is inactive: no post for 90 days, or fewer than 3 posts (Socialbakers' definition)", weight: 0) { p, now in
            if let posts = p.posts, posts < 3 { return true }
            guard let last = p.lastPostAt else { return p.posts.map { _ in false } }
            return now - last > 90 * day
        },
    ]

    public static let socialbakers: [AuditRule] = [
        AuditRule(id: "follow_ratio_50", family: .socialbakers, explanation: "follows at least 50 times as many accounts as follow it", weight: 3) { p, _ in
            guard let following = p.following, let followers = p.followers else { return nil }
            return following >= 50 * max(followers, 1) && following > 0
        },
        AuditRule(id: "never_posted", family: .socialbakers, explanation: "has never posted", weight: 2) { p, _ in
            p.posts.map { $0 == 0 }
        },
        AuditRule(id: "old_default_image", family: .socialbakers,
                  explanation: "still shows the default picture more than 2 months after it was created", weight: 2) { p, now in
            guard let defaultImage = p.defaultImage else { return nil }
            guard defaultImage else { return false }
            return p.createdAt.map { now - $0 > 60 * day } ?? true
        },
        AuditRule(id: "no_bio_no_location_follows_100", family: .socialbakers,
                  explanation: "has no bio and no location and follows more than 100 accounts", weight: 1) { p, _ in
            guard let description = p.description, let location = p.location, let following = p.following else { return nil }
            return description.isEmpty && location.isEmpty && following > 100
        },
    ]

    /// Camisani-Calzolari's human points; each rule flags a missing point.
    public static let camisaniCalzolari: [AuditRule] = [
        AuditRule(id: "cc_no_name", family: .camisaniCalzolari, explanation: "has no name", weight: 0.5) { p, _ in p.name.map(\.isEmpty) },
        AuditRule(id: "cc_no_image", family: .camisaniCalzolari, explanation: "has no picture of its own", weight: 1.5) { p, _ in p.defaultImage },
        AuditRule(id: "cc_no_bio", family: .camisaniCalzolari, explanation: "has no bio", weight: 0) { p, _ in p.description.map(\.isEmpty) },
        AuditRule(id: "cc_under_30_followers", family: .camisaniCalzolari, explanation: "has fewer than 30 followers", weight: 3) { p, _ in
            p.followers.map { $0 < 30 }
        },
        AuditRule(id: "cc_never_listed", family: .camisaniCalzolari, explanation: "is on no list", weight: 0.5) { p, _ in p.listed.map { $0 == 0 } },
        AuditRule(id: "cc_under_50_posts", family: .camisaniCalzolari, explanation: "has fewer than 50 posts", weight: 1) { p, _ in
            p.posts.map { $0 < 50 }
        },
        AuditRule(id: "cc_no_url", family: .camisaniCalzolari, explanation: "gives no URL", weight: 0.25) { p, _ in p.url.map(\.isEmpty) },
        AuditRule(id: "cc_follows_over_twice_followers", family: .camisaniCalzolari,
                  explanation: "follows more than twice as many accounts as follow it", weight: 2) { p, _ in
            guard let following = p.following, let followers = p.followers else { return nil }
            return 2 * followers < following
        },
    ]
}
