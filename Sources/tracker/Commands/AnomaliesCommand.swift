import ArgumentParser
import Foundation
import TrackerDetect
import TrackerIngest
import TrackerStore
import TrackerTime

struct AnomaliesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "List detected anomalies, newest first, each explained in one sentence.",
        discussion: """
            Kinds: spike, drop (abrupt rise or fall), surge (weeks of growth above the usual), level_shift \
            (a rate that jumps to a new level), dilution (the audience grows but the engaged audience does \
            not), follow_churn (mass following, then unfollowing), flatline (a rate or gauge that stopped \
            moving: often a stale capture).

            --since keeps the events detected, or still going on, at or after that time \
            (\(TimeExpression.help)). With --fail-on, the exit status is 3 when a listed anomaly is at \
            least that severe, 0 otherwise: for cron. A jump, level shift or flatline that many pages of \
            the platform saw within a day says so (platform_peers, context); --skip-platform-wide leaves \
            those out, so that a platform's purge does not page someone for every account.

            Examples:
              tracker anomalies --page cloudwatt
              tracker anomalies --kind dilution --kind surge --json
              tracker anomalies --since 1d --fail-on critical --quiet || notify-analyst
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this page.") var page: String?
    @Option(help: "Only this platform.") var platform: String?
    @Option(help: "Only this metric.") var metric: String?
    @Option(help: "Only this kind (repeatable).") var kind: [AnomalyKind] = []
    @Option(help: "Only events detected or going on since this time.") var since: String?
    @Option(name: .customLong("min-severity"), help: "info, warning or critical.") var minSeverity: Severity = .info
    @Option(name: .customLong("fail-on"), help: "Exit 3 when a listed anomaly is at least this severe (warning or critical).")
    var failOn: Severity?
    @Flag(name: .customLong("skip-platform-wide"),
          help: "Leave out events that many pages of the platform saw at once (a purge, an outage).")
    var skipPlatformWide = false
    @Flag(name: [.short, .long], help: "Print nothing (with --fail-on: only the exit status).") var quiet = false

    func validate() throws {
        if let since, TimeExpression.parse(since, now: 0) == nil {
            throw ValidationError("--since '\(since)' is not \(TimeExpression.help)")
        }
    }

    /// A platform or metric the database has never seen is a misspelling, not an empty list: under
    /// `--fail-on` it would page no one, ever.
    private func checkNames(in db: Database) throws {
        try PageLookup.check(platform: platform, in: db)
        if let metric, try !db.hasMetric(metric.lowercased()) {
            let known = try db.allMetricNames()
            throw CLIError("no page has a metric '\(metric)'",
                           hint: known.isEmpty ? "the database has no snapshots yet" : "metrics: \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        let db = try database.openForReading()
        let listed = try db.read { db -> [ListedAnomaly] in
            try checkNames(in: db)
            var filter = AnomalyFilter()
            filter.pageIDs = try page.map { try PageLookup.find($0, platform: platform, in: db).map(\.id) }
            filter.platform = platform?.lowercased()
            filter.metric = metric?.lowercased()
            filter.kinds = kind.map(\.rawValue)
            filter.since = since.flatMap { TimeExpression.parse($0, now: Int64(Date().timeIntervalSince1970)) }
            filter.severities = Severity.allCases.filter { $0 >= minSeverity }.map(\.rawValue)
            return try db.anomalies(matching: filter).filter { !skipPlatformWide || !$0.platformWide }
        }
        if !quiet {
            switch output.resolved {
            case .table: try AnomalyCards(db: db).print(listed)
            case let format: write(listed, format: format)
            }
        }
        if let failOn, listed.contains(where: { (Severity(rawValue: $0.anomaly.severity) ?? .info) >= failOn }) {
            throw ExitCode(3)
        }
    }

    static let columns = ["page", "platform", "metric", "kind", "start", "end", "detected_at", "severity", "score",
                          "before", "after", "explanation", "platform_peers", "context"]

    private func write(_ listed: [ListedAnomaly], format: OutputFormat) {
        let writer = ResultWriter(format: format, columns: Self.columns)
        for item in listed {
            let a = item.anomaly
            writer.write([.text(item.page), .text(item.platform), .text(a.metric), .text(a.kind),
                          .text(UTCTime.format(a.start)), .text(UTCTime.format(a.end)), .text(UTCTime.format(a.detectedAt)),
                          .text(a.severity), .real((a.score * 100).rounded() / 100), MetricCell.computed(a.before),
                          MetricCell.computed(a.after), .text(a.explanation), .integer(Int64(item.peers)), .text(item.context)])
        }
        writer.finish()
    }
}
