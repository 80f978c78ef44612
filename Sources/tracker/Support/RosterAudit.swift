import TrackerAudit
import TrackerStore

/// Audits stored rosters: counts over one roster, and what changed between two.
struct RosterAudit {
    let db: Database
    let policy: VerdictPolicy
    /// An account followed and unfollowed within this many days is follow churn.
    var churnDays = 30
    /// Batch arrivals: creation times within this window, in runs of at least this many accounts.
    var batchWindowDays = 14
    var batchMinimum = 20

    /// Judges every member, streaming.
    func summary(of roster: RosterRef) throws -> AuditSummary {
        var summary = AuditSummary(policy: policy, now: roster.takenAt)
        try db.forEachMember(of: roster) { summary.add(Profile(member: $0)) }
        return summary
    }

    /// What changed from `previous` to `current`.
    struct Changes {
        let previous: RosterRef
        var added = 0, lost = 0, addedSuspicious = 0
        /// Batch arrivals among the new members, positions counted among the new members in input order.
        var batches: [BatchArrivals.Run] = []
        /// New members in input order: kept only when asked for (listing).
        var newMembers: [(profile: Profile, verdict: Verdict)] = []
        /// Members lost that had joined within `churnDays`: follow churn, counted for the following relation only.
        var churned = 0

        var addedSuspiciousShare: Double? { added > 0 ? Double(addedSuspicious) / Double(added) : nil }
    }

    func changes(from previous: RosterRef, to current: RosterRef, keepMembers: Bool = false) throws -> Changes {
        var changes = Changes(previous: previous)
        var created: [Int64?] = []
        try db.forEachMember(of: current, notIn: previous, inInputOrder: true) { row in
            let profile = Profile(member: row)
            let verdict = policy.judge(profile, now: current.takenAt)
            changes.added += 1
            if verdict.label == .suspicious { changes.addedSuspicious += 1 }
            created.append(profile.createdAt)
            if keepMembers { changes.newMembers.append((profile, verdict)) }
        }
        changes.batches = BatchArrivals.find(createdAt: created, window: Int64(batchWindowDays) * 86_400, minimumRun: batchMinimum)
        guard current.relation == .following else {
            changes.lost = try db.memberCount(of: previous, notIn: current)
            return changes
        }
        // Follow churn: how long each unfollowed account had been followed, over all the stored rosters.
        try db.forEachMember(of: previous, notIn: current) { row in
            changes.lost += 1
            let joined = try db.stayStart(account: row.int64(at: 0), upTo: previous)
            if current.takenAt - joined <= Int64(churnDays) * 86_400 { changes.churned += 1 }
        }
        return changes
    }

    /// The audit figures kept as metrics of the page at the roster's time, so they are charted and watched.
    static func metrics(relation: RosterRelation, summary: AuditSummary) -> [(String, Double)] {
        let prefix = relation == .followers ? "" : "following_"
        return [("audited_\(relation.rawValue)", Double(summary.accounts)),
                (prefix + "suspicious_share", summary.share(.suspicious)),
                (prefix + "inactive_share", summary.share(.inactive))]
    }

    /// The figures of what changed since the roster before, kept as metrics at the later roster's time.
    static func metrics(relation: RosterRelation, changes: Changes) -> [(String, Double)] {
        switch relation {
        case .followers:
            var metrics = [("new_followers", Double(changes.added)), ("lost_followers", Double(changes.lost)),
                           ("batch_arrivals", Double(changes.batches.reduce(0) { $0 + $1.count }))]
            if let share = changes.addedSuspiciousShare { metrics.append(("new_suspicious_share", share)) }
            return metrics
        case .following:
            return [("followed", Double(changes.added)), ("unfollowed", Double(changes.lost)), ("churned_follows", Double(changes.churned))]
        }
    }
}
