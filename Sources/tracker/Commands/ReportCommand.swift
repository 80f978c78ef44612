import ArgumentParser
import Foundation
import TrackerReport
import TrackerStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a page, or of every page.",
        discussion: """
            One HTML file with inline CSS and SVG (no network at all): per platform, the latest values and \
            gains over 7, 30, 90 and 365 days, a chart per metric with anomaly periods shaded, the audience \
            against the engagement rate on two axes, the recent snapshots with their changes, and the \
            anomalies explained. With --all, -o names a folder: index.html links one report per page.

            Examples:
              tracker report --page cloudwatt -o cloudwatt.html
              tracker report --all -o reports/
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The page (handle).") var page: String?
    @Option(help: "Only this platform.") var platform: String?
    @Flag(help: "Every page, into the folder given by -o.") var all = false
    @Option(name: [.short, .customLong("output")], help: "The HTML file (default: PAGE.html), or the folder with --all.")
    var output: String?

    func validate() throws {
        if (page == nil) == !all { throw ValidationError("say which: --page P, or --all") }
        if all && output == nil { throw ValidationError("--all needs -o FOLDER") }
    }

    func run() throws {
        let db = try database.openForReading()
        let now = Int64(Date().timeIntervalSince1970)
        try db.read { db in
            if let page {
                let pages = try PageLookup.find(page, platform: platform, in: db)
                let path = output ?? "\(Self.fileName(pages[0].handle)).html"
                try write(HTMLReport.page(try pages.map { try Self.report(db, $0) }, generatedAt: now), to: path)
                print(path)
                return
            }
            let folder = URL(fileURLWithPath: output!)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var entries: [(file: String, report: PageReport)] = []
            for page in try db.allPages(platform: platform) {
                let report = try Self.report(db, page)
                let file = "\(Self.fileName(page.platform))-\(Self.fileName(page.handle)).html"
                try write(HTMLReport.page([report], generatedAt: now), to: folder.appendingPathComponent(file).path)
                entries.append((file, report))
            }
            let index = folder.appendingPathComponent("index.html").path
            try write(HTMLReport.index(entries, generatedAt: now), to: index)
            print(index)
        }
    }

    static func report(_ db: Database, _ page: PageRef) throws -> PageReport {
        var filter = AnomalyFilter()
        filter.pageIDs = [page.id]
        let metrics = try db.series(ofPage: page.id).map { PageReport.Metric(name: $0.metric, times: $0.times, values: $0.values) }
        let order = SnapshotWriter.columns
        let sorted = metrics.sorted { (order.firstIndex(of: $0.name) ?? 99, $0.name) < (order.firstIndex(of: $1.name) ?? 99, $1.name) }
        let events = try db.anomalies(matching: filter).map(\.anomaly).map {
            PageReport.Event(metric: $0.metric, kind: $0.kind, start: $0.start, end: $0.end, detectedAt: $0.detectedAt,
                             severity: $0.severity, explanation: $0.explanation)
        }
        return PageReport(platform: page.platform, handle: page.handle, metrics: sorted, events: events)
    }

    /// A file name from a handle: letters, digits, '-', '_' and '.'; anything else becomes '_'.
    static func fileName(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }

    private func write(_ html: String, to path: String) throws {
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
