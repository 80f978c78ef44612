import ArgumentParser
import Foundation
import TrackerIngest
import TrackerStore

/// `--page`, `--platform`, `--metric`, `--since`: which series of which page, shared by the
/// commands that show a page's history.
struct SeriesOptions: ParsableArguments {
    @Option(help: "The page (handle).") var page: String
    @Option(help: "Only this platform.") var platform: String?
    @Option(help: "A metric (repeatable; default: every metric of the page).") var metric: [String] = []
    @Option(help: "Only snapshots at or after this time.") var since: String?

    func validate() throws {
        if let since, TimeExpression.parse(since, now: 0) == nil {
            throw ValidationError("--since '\(since)' is not \(TimeExpression.help)")
        }
    }

    /// The start of the period (`--since`), or the beginning of time.
    var from: Int64 { since.flatMap { TimeExpression.parse($0, now: Int64(Date().timeIntervalSince1970)) } ?? .min }

    /// The pages `--page` and `--platform` name; a clear error when none.
    func pages(in db: Database) throws -> [PageRef] { try PageLookup.find(page, platform: platform, in: db) }

    /// The metrics asked for, else every metric of the pages; one that none of them has is an
    /// error (a misspelt name would otherwise show as a column of blanks).
    func metrics(of pages: [PageRef], in db: Database) throws -> [String] {
        let known = try pages.flatMap(db.metricNames(of:)).uniqued()
        let asked = metric.map { $0.lowercased() }.uniqued()
        if let missing = asked.first(where: { !known.contains($0) }) {
            let name = pages.count == 1 ? "\(pages[0].platform)/\(pages[0].handle)" : page
            throw CLIError("\(name) has no metric '\(missing)'",
                           hint: known.isEmpty ? "it has no snapshots yet" : "its metrics: \(known.joined(separator: ", "))")
        }
        return asked.isEmpty ? known : asked
    }
}
