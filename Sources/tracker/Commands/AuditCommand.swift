import ArgumentParser
import Foundation
import TrackerAudit
import TrackerStore
import TrackerTime

extension Verdict.Label: ExpressibleByArgument {}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a page's followers: how many look fake or inactive, how old they are, where they are from.",
        discussion: """
            Judges each account of the roster in effect at --at (default: the latest) with the seed, \
            Socialbakers and Camisani-Calzolari rules and a combined verdict: suspicious (score ≥ 50 of 100), \
            inactive, or genuine. Prints one row per verdict, rule, age bracket, creation year, language, \
            location, and the followback champions; --list lists the accounts with one verdict instead.

            Examples:
              tracker audit --page cloudwatt
              tracker audit --page cloudwatt --list suspicious --csv > suspicious.csv
              tracker audit --page cloudwatt --at 2014-03-01 --rules strict.json
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var roster: RosterOptions
    @Option(help: "Audit the roster in effect at this time (ISO 8601; default: the latest).") var at: String?
    @Option(help: "List the accounts with this verdict: suspicious, inactive or genuine.") var list: Verdict.Label?
    @Option(help: "How many languages and locations to show.") var top = 10
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try TimeOption.parse(at, name: "at")
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let db = try database.openForReading()
        let policy = try roster.policy()
        try db.read { db in
            let page = try roster.page(in: db)
            let taken = try roster.roster(of: page, at: try TimeOption.parse(at, name: "at"), in: db)
            if let list { return try self.list(list, of: taken, db: db, policy: policy) }
            let summary = try RosterAudit(db: db, policy: policy).summary(of: taken)
            if output.resolved == .table {
                Terminal.printHeading("\(page.platform)/\(page.handle), \(roster.relation.rawValue) at \(UTCTime.format(taken.takenAt)): "
                      + "\(ResultWriter.grouped(Int64(summary.accounts))) accounts")
            }
            let table = FigureTable(format: output.resolved)
            Self.addFigures(summary, policy: policy, to: table)
            for (column, counts) in [("lang", summary.languages), ("location", summary.locations)] {
                for (value, count) in counts.top(top) { table.add(column, value, count, share: count.share(of: summary.accounts), "") }
            }
            table.finish()
        }
    }

    static func addFigures(_ summary: AuditSummary, policy: VerdictPolicy, to table: FigureTable) {
        let n = summary.accounts
        let meaning: [Verdict.Label: String] = [
            .suspicious: "combined score ≥ \(policy.suspiciousScore) of 100: follows far more accounts than follow it, or empty and collecting follows",
            .inactive: "not suspicious, but no post for a long time or fewer than 3 posts",
            .genuine: "neither suspicious nor inactive",
        ]
        for label in Verdict.Label.allCases {
            let count = summary.verdicts[label, default: 0]
            table.add("verdict", label.rawValue, count, share: count.share(of: n), meaning[label]!)
        }
        for (rule, count) in zip(policy.rules, summary.rules) {
            let judged = count.judged == n ? "" : count.judged == 0 ? " (not judged: the roster lacks its fields)"
                : " (\(ResultWriter.grouped(Int64(count.judged))) of the accounts could be judged)"
            table.add("rule", rule.id, count.flagged, share: count.flagged.share(of: count.judged),
                      "\(rule.explanation); \(rule.source)\(judged)")
        }
        for (bucket, count) in zip(AuditSummary.ageBuckets, summary.ages) where count > 0 {
            table.add("age", bucket, count, share: count.share(of: n), "account age when the roster was taken")
        }
        for (year, count) in summary.creationYears.sorted(by: { $0.key < $1.key }) {
            table.add("created", String(year), count, share: count.share(of: n), "accounts created that year (UTC)")
        }
        table.add("followback", "champions", summary.followbackChampions, share: summary.followbackChampions.share(of: n),
                  "follow more than 1,000 accounts and about as many as follow them (within 10%)")
    }

    private func list(_ label: Verdict.Label, of taken: RosterRef, db: Database, policy: VerdictPolicy) throws {
        let listing = MemberListing(format: output.resolved)
        try db.forEachMember(of: taken, inInputOrder: true) { row in
            let profile = Profile(member: row)
            let verdict = policy.judge(profile, now: taken.takenAt)
            if verdict.label == label { listing.write(profile, verdict) }
        }
        listing.finish()
    }
}
