import ArgumentParser
import Foundation
import TrackerReport
import TrackerStore

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a page's metrics in the terminal, with anomaly periods marked under each chart.",
        discussion: """
            One chart per platform and metric, as wide as the terminal (or --width), in braille dots \
            (--ascii for plain ASCII). The scale turns logarithmic when a metric spans more than two \
            orders of magnitude; gaps in the snapshots are left as gaps.

            Examples:
              tracker chart --page cloudwatt
              tracker chart --page cloudwatt --platform facebook --metric fans --metric engagement_rate
              tracker chart --page cloudwatt --since 90d --ascii --width 80
            """
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var series: SeriesOptions
    @Option(help: "Columns (default: the terminal's width).") var width: Int?
    @Option(help: "Rows of each chart.") var height: Int = 10
    @Flag(help: "Plain ASCII instead of braille characters.") var ascii = false

    func validate() throws {
        if let width, width < 30 { throw ValidationError("--width must be at least 30") }
        if height < 4 { throw ValidationError("--height must be at least 4") }
    }

    func run() throws {
        let from = series.from
        let chart = TerminalChart(width: width ?? Terminal.width, height: height, ascii: ascii)
        let db = try database.openForReading()
        let out = StandardOutput()
        var drawn = 0
        try db.read { db in
            let pages = try series.pages(in: db)
            let metrics = try series.metrics(of: pages, in: db)
            for page in pages {
                var filter = AnomalyFilter()
                filter.pageIDs = [page.id]
                let anomalies = try db.anomalies(matching: filter)
                for name in metrics {
                    let rows = try db.history(of: page, metrics: [name]).filter { $0.time >= from && $0.values[0] != nil }
                    guard !rows.isEmpty else { continue }  // a metric of another platform of the page
                    drawn += 1
                    let line = ChartSeries(name: "\(page.platform)/\(page.handle)\(ascii ? " - " : " · ")\(name)",
                                                      times: rows.map(\.time), values: rows.compactMap { $0.values[0] })
                    let marks = anomalies.filter { $0.anomaly.metric == name }.reversed().map {
                        ChartPeriod(start: $0.anomaly.start, end: $0.anomaly.end, label: $0.anomaly.kind)
                    }
                    for text in chart.render(line, marks: Array(marks)) { out.write(text + "\n") }
                    out.write("\n")
                }
            }
        }
        out.flush()
        if drawn == 0 {
            throw CLIError("nothing to draw for \(series.page)", hint: "check --metric and --since; tracker history --page \(series.page) shows what is stored")
        }
    }
}
