import ArgumentParser
import Foundation
import TrackerAudit
import TrackerIngest
import TrackerStore
import TrackerTime

extension ProfileFormat: ExpressibleByArgument {}

struct FollowersIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record a roster: the accounts following a page (or followed by it) at one time, with their profiles.",
        discussion: """
            Several files make one roster, in order (pages of an API listing). Columns or fields: id, handle, name, \
            description, location, url, lang, created_at, posts, followers, following, listed, favourites, \
            last_post_at, default_image, verified, protected; Twitter API v1.1 and v2 user objects and Instagram's \
            names are read as they come (statuses_count, friends_count, public_metrics, …). Other fields are ignored.

            All or nothing, like tracker ingest. A roster already stored at the same time is replaced; a profile \
            is stored again only when a field changed. The audit figures (audited_followers, suspicious_share, \
            inactive_share, new_followers, lost_followers, new_suspicious_share, batch_arrivals; for following: \
            audited_following, following_suspicious_share, following_inactive_share, followed, unfollowed, \
            churned_follows) become metrics of the page at --at, watched for anomalies.

            Examples:
              tracker followers ingest --page cloudwatt --platform twitter --at 2014-06-02 followers.csv
              tracker followers ingest --page cloudwatt --format twitter page1.json page2.json
              tracker followers ingest --page cloudwatt --relation following --skip-invalid following.ndjson
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var roster: RosterOptions

    @Option(help: "When the roster was taken (ISO 8601; default: now).") var at: String?
    @Option(help: "Input format (default: from the file extension; csv for -).") var format: ProfileFormat?
    @Flag(name: .customLong("no-detect"), help: "Do not look for anomalies in the audit metrics.") var noDetect = false
    @OptionGroup var input: InputOptions

    func validate() throws {
        _ = try TimeOption.parse(at, name: "at")
    }

    func run() throws {
        let started = Date()
        let now = Int64(started.timeIntervalSince1970)
        let takenAt = try TimeOption.parse(at, name: "at") ?? now
        let policy = try roster.policy()
        let db = try database.openForWriting()
        var outcome: RosterIngest.Outcome?
        do {
            try db.write { db in
                var ingest = RosterIngest(db: db, options: roster, input: input, takenAt: takenAt, now: now)
                ingest.rejects = try input.rejects.map(RejectsFile.init(path:))
                outcome = try ingest.run(format: format, policy: policy, detect: !noDetect)
            }
        } catch {
            try? db.recordFailedIngestRun(source: input.sourceNames, format: "roster", startedAt: started, error: "\(error)")
            throw error
        }
        if !input.quiet, let outcome {
            Terminal.printError(outcome.summary(source: input.sourceNames, seconds: Date().timeIntervalSince(started)))
        }
    }
}
