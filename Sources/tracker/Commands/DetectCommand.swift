import ArgumentParser
import Foundation
import TrackerDetect
import TrackerStore

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Recompute the anomalies of some pages, or of all, from their whole history.",
        discussion: """
            tracker ingest already judges every new snapshot; detect recomputes from scratch, with the same \
            result as the day-by-day runs (detection is causal). Run it after changing a page's sensitivity.

            Sensitivity: low, normal (the default, tuned on evaluation data), high, or a number (normal = 1; \
            2 flags events half as large relative to the usual noise). --save keeps it for the page.

            Examples:
              tracker detect --all
              tracker detect --page cloudwatt --sensitivity high --save
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only this page.") var page: String?
    @Option(help: "With --page: only this platform; alone: every page of it.") var platform: String?
    @Flag(help: "Every page.") var all = false

    @Option(help: "low, normal, high, or a number (normal = 1).")
    var sensitivity: DetectionSettings?

    @Flag(help: "With --page: keep --sensitivity as the page's own (without --sensitivity: forget it).")
    var save = false

    @Flag(name: [.short, .long], help: "Print nothing on success.") var quiet = false

    func validate() throws {
        if page == nil && platform == nil && !all { throw ValidationError("say which pages: --page P, --platform X or --all") }
        if all && page != nil { throw ValidationError("--all and --page exclude each other") }
        if save && page == nil { throw ValidationError("--save goes with --page") }
    }

    func run() throws {
        let started = Date()
        let db = try database.openForWriting()
        let count = try db.write { db -> (Int, Int) in
            let pages: [PageRef]? = try page.map { try PageLookup.find($0, platform: platform, in: db) }
                ?? (all ? nil : db.allPages(platform: platform))
            if save, let pages {
                for page in pages { try db.saveSensitivity(sensitivity?.sensitivity, pageID: page.id) }
            }
            let found = try DetectionRunner(db: db, sensitivity: sensitivity?.sensitivity).full(pages: pages?.map(\.id))
            return (found, try pages?.count ?? db.allPages().count)
        }
        if !quiet {
            Terminal.printError("\(ResultWriter.counted(count.1, "page")) judged, "
                                + "\(ResultWriter.counted(count.0, "anomaly", plural: "anomalies")) found; "
                                + String(format: "%.2f s", Date().timeIntervalSince(started)))
        }
    }
}
