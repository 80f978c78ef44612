import ArgumentParser
import Foundation
import TrackerAudit
import TrackerStore
import TrackerTime

struct FollowersChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What changed between two rosters: new and lost accounts, batch arrivals, follow churn.",
        discussion: """
            Compares the roster in effect at --at (default: the latest) with the one before it (or the one in \
            effect at --from). Batch arrivals are runs of at least --min-batch consecutive new followers (in the \
            order the API listed them, newest first) whose accounts were all created within --window days: \
            bought followers come in batches from one farm. For --relation following, churn counts the accounts \
            unfollowed within --churn-days of being followed.

            Examples:
              tracker followers changes --page cloudwatt
              tracker followers changes --page cloudwatt --relation following --churn-days 14
              tracker followers changes --page cloudwatt --list new --json
            """
    )

    enum Listed: String, ExpressibleByArgument { case new, lost }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var roster: RosterOptions
    @Option(help: "The later roster: the one in effect at this time (default: the latest).") var at: String?
    @Option(help: "The earlier roster: the one in effect at this time (default: the one before).") var from: String?
    @Option(help: "Batch arrivals: creation dates within this many days.") var window = 14
    @Option(name: .customLong("min-batch"), help: "Batch arrivals: at least this many accounts in a row.") var minBatch = 20
    @Option(name: .customLong("churn-days"), help: "Follow churn: unfollowed within this many days.") var churnDays = 30
    @Option(help: "List the new or the lost accounts instead.") var list: Listed?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try TimeOption.parse(at, name: "at")
        _ = try TimeOption.parse(from, name: "from")
        if window < 0 || minBatch < 2 || churnDays < 0 { throw ValidationError("--window and --churn-days must be ≥ 0, --min-batch ≥ 2") }
    }

    func run() throws {
        let db = try database.openForReading()
        let policy = try roster.policy()
        try db.read { db in
            let page = try roster.page(in: db)
            let current = try roster.roster(of: page, at: try TimeOption.parse(at, name: "at"), in: db)
            let previous = try from.map { try roster.roster(of: page, at: try TimeOption.parse($0, name: "from"), in: db) }
                ?? db.roster(before: current)
            if let previous, previous.id == current.id {
                throw CLIError("--from and --at pick the same roster (\(UTCTime.format(current.takenAt)))",
                               hint: "give --from a time before the later roster was taken")
            }
            guard let previous else {
                throw CLIError("\(page.platform)/\(page.handle) has only one \(roster.relation.rawValue) roster up to \(UTCTime.format(current.takenAt))",
                               hint: "changes need two rosters; --from picks the earlier one")
            }
            guard previous.takenAt < current.takenAt else {
                throw CLIError("--from must name a roster taken before the one compared (\(UTCTime.format(current.takenAt)))")
            }
            let audit = RosterAudit(db: db, policy: policy, churnDays: churnDays, batchWindowDays: window, batchMinimum: minBatch)
            if list == .lost { return try listLost(previous, current, db: db, policy: policy) }
            let changes = try audit.changes(from: previous, to: current, keepMembers: list == .new)
            if list == .new {
                let listing = MemberListing(format: output.resolved)
                for (profile, verdict) in changes.newMembers { listing.write(profile, verdict) }
                return listing.finish()
            }
            if output.resolved == .table {
                Terminal.printHeading("\(page.platform)/\(page.handle), \(roster.relation.rawValue): \(UTCTime.format(previous.takenAt)) → \(UTCTime.format(current.takenAt))")
            }
            write(changes, previous: previous, current: current)
        }
    }

    private func write(_ changes: RosterAudit.Changes, previous: RosterRef, current: RosterRef) {
        let table = FigureTable(format: output.resolved)
        let span = "between \(UTCTime.format(previous.takenAt)) and \(UTCTime.format(current.takenAt))"
        let (gained, lost) = roster.relation == .followers ? ("new", "lost") : ("followed", "unfollowed")
        table.add("change", gained, changes.added, share: changes.added.share(of: previous.members), "\(span), as a share of the earlier roster")
        table.add("change", lost, changes.lost, share: changes.lost.share(of: previous.members), "\(span), as a share of the earlier roster")
        table.add("change", "\(gained) suspicious", changes.addedSuspicious, share: changes.addedSuspicious.share(of: changes.added),
                  "suspicious by the combined verdict, as a share of the \(gained) accounts")
        if roster.relation == .following {
            table.add("change", "churned", changes.churned, share: changes.churned.share(of: changes.lost),
                      "unfollowed within \(churnDays) days of being followed, as a share of the unfollowed")
        }
        for (index, run) in changes.batches.enumerated() {
            let age = (current.takenAt - run.createdTo) / 86_400
            table.add("batch", "#\(index + 1)", run.count, share: run.count.share(of: changes.added),
                      "\(gained) accounts \(run.first + 1)–\(run.first + run.count) in listing order, all created "
                      + "\(UTCTime.formatDate(run.createdFrom)) to \(UTCTime.formatDate(run.createdTo)) (at least \(age) days before)")
        }
        table.finish()
    }

    private func listLost(_ previous: RosterRef, _ current: RosterRef, db: Database, policy: VerdictPolicy) throws {
        let listing = MemberListing(format: output.resolved)
        try db.forEachMember(of: previous, notIn: current, inInputOrder: true) { row in
            let profile = Profile(member: row)
            listing.write(profile, policy.judge(profile, now: previous.takenAt))
        }
        listing.finish()
    }
}
