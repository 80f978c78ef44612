import ArgumentParser
import Foundation
import TrackerIngest
import TrackerReport
import TrackerStore
import TrackerTime

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a page's snapshots, with the change of each metric since the previous one.",
        discussion: """
            The page name matches case-insensitively; without --platform every platform of that name is shown. \
            Times for --since and --until: \(TimeExpression.help).

            Examples:
              tracker history --page cloudwatt
              tracker history --page cloudwatt --platform facebook --metric fans --metric engagement_rate
              tracker history --page cloudwatt --since 30d --csv
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var series: SeriesOptions
    @Option(help: "Only snapshots at or before this time.") var until: String?

    func validate() throws {
        if let until, TimeExpression.parse(until, now: 0) == nil {
            throw ValidationError("--until '\(until)' is not \(TimeExpression.help)")
        }
    }

    func run() throws {
        let from = series.from
        let to = until.flatMap { TimeExpression.parse($0, now: Int64(Date().timeIntervalSince1970)) }
        let db = try database.openForReading()
        try db.read { db in
            let pages = try series.pages(in: db)
            let all = try series.metrics(of: pages, in: db)
            let histories = try pages.map { try db.history(of: $0, metrics: all, until: to) }
            // On a table, an unasked metric with no value in the period (an audit figure of another
            // year) would be a column of blanks; CSV and JSON keep every column, for scripts.
            let shown = series.metric.isEmpty && output.resolved == .table
                ? all.indices.filter { i in histories.contains { $0.contains { $0.time >= from && $0.values[i] != nil } } }
                : Array(all.indices)
            if output.resolved == .table { printSparklines(pages, histories, all, shown, from: from) }
            let writer = ResultWriter(format: output.resolved,
                                      columns: ["platform", "page", "observed_at"] + shown.flatMap { [all[$0], "\(all[$0])_change"] })
            for (page, rows) in zip(pages, histories) {
                var previous = [Double?](repeating: nil, count: all.count)
                for row in rows {
                    defer { for (i, value) in row.values.enumerated() where value != nil { previous[i] = value } }
                    guard row.time >= from else { continue }
                    var cells: [SQLValue] = [.text(page.platform), .text(page.handle), .text(UTCTime.format(row.time))]
                    for i in shown {
                        cells.append(MetricCell.value(row.values[i]))
                        cells.append(row.values[i].flatMap { v in previous[i].map { MetricCell.value(v - $0) } } ?? .null)
                    }
                    writer.write(cells)
                }
            }
            writer.finish()
        }
    }
}

extension HistoryCommand {
    /// On a table, one line per page and metric: its sparkline over the period, first → last value.
    func printSparklines(_ pages: [PageRef], _ histories: [[HistoryRow]], _ metrics: [String], _ shown: [Int], from: Int64) {
        let out = StandardOutput()
        let width = shown.map { metrics[$0].count }.max() ?? 0
        for (page, rows) in zip(pages, histories) {
            for index in shown {
                let values = rows.compactMap { $0.time >= from ? $0.values[index] : nil }
                guard !values.isEmpty else { continue }
                let name = metrics[index].padding(toLength: width, withPad: " ", startingAt: 0)
                out.write("\(page.platform)/\(page.handle)  \(name)  \(Sparkline.draw(values, width: 40))  "
                          + "\(ResultWriter.human(MetricCell.value(values.first))) → \(ResultWriter.human(MetricCell.value(values.last)))\n")
            }
        }
        out.write("\n")
        out.flush()
    }
}

/// Metric values as output cells: whole numbers as integers, others as reals.
enum MetricCell {
    static func value(_ value: Double?) -> SQLValue {
        guard let value else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .integer(Int64(value)) }
        return .real(value)
    }

    /// A value worked out rather than stored (the median of two rates): to 12 significant figures,
    /// so that 0.072595 does not print as 0.07259499999999999.
    static func computed(_ value: Double) -> SQLValue {
        Self.value(value.isFinite ? Double(String(format: "%.12g", value)) ?? value : value)
    }
}

/// Finds the pages a `--page` option names, or says clearly why none.
enum PageLookup {
    static func find(_ name: String, platform: String?, in db: Database) throws -> [PageRef] {
        let pages = try db.findPages(named: name, platform: platform)
        guard pages.isEmpty else { return pages }
        let known = try db.allPages(platform: platform).prefix(8).map { "\($0.platform)/\($0.handle)" }
        let scope = platform.map { " on \($0)" } ?? ""
        throw CLIError("no page named '\(name)'\(scope)",
                       hint: known.isEmpty ? "the database has no pages yet: tracker ingest FILE"
                           : "known pages include \(known.joined(separator: ", ")); tracker pages lists them all")
    }

    /// A `--platform` no page is on is a misspelling, not an empty list (under `--fail-on` it would
    /// page no one, ever).
    static func check(platform: String?, in db: Database) throws {
        guard let platform, try db.allPages(platform: platform).isEmpty else { return }
        let known = try db.allPages().map(\.platform).uniqued()
        throw CLIError("no pages on platform '\(platform)'",
                       hint: known.isEmpty ? "the database has no pages yet: tracker ingest FILE" : "platforms: \(known.joined(separator: ", "))")
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
