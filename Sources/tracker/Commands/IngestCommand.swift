import ArgumentParser
import Foundation
import TrackerIngest
import TrackerStore
import TrackerTime

extension InputFormat: ExpressibleByArgument {}
extension ConflictPolicy: ExpressibleByArgument {}

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add snapshots from files or standard input, all or nothing.",
        discussion: """
            Wide rows (csv, tsv, ndjson, json) have a page, an observed_at time (ISO 8601; UTC unless an \
            offset is given), an optional platform and any numeric metric columns; an empty cell or null \
            means not observed. API payloads (twitter, facebook, youtube) are read as the APIs return them, \
            observed at --at (default: now).

            One invocation is one transaction: every row lands, or none. Identical rows already stored \
            change nothing; a different value for a stored page, time and metric is a conflict.

            Examples:
              tracker ingest examples/cloudwatt.csv
              tracker ingest --platform twitter --quiet daily.tsv
              curl -s "$TWITTER_URL" | tracker ingest --format twitter -
              tracker ingest --skip-invalid --rejects bad.csv export.csv
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Input format (default: from the file extension; csv for -).")
    var format: InputFormat?

    @Option(help: "Platform of rows without a platform column (twitter, facebook, instagram, youtube, …).")
    var platform: String?

    @Option(help: "Observation time of API payloads (ISO 8601; default: now).")
    var at: String?

    @Option(name: .customLong("on-conflict"), help: "When a value differs from the stored one: reject the run, replace, or skip.")
    var onConflict: ConflictPolicy = .reject

    @Flag(name: .customLong("no-detect"), help: "Do not look for anomalies in the new snapshots.")
    var noDetect = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let platform, platform.isEmpty || platform.contains(where: { !$0.isLetter && !$0.isNumber && !"-_.".contains($0) }) {
            throw ValidationError("--platform '\(platform)' is not a platform name (letters, digits, '-', '_' or '.')")
        }
        if let at, UTCTime.parse(at) == nil { throw ValidationError("--at '\(at)' is not an ISO 8601 date or time") }
    }

    func run() throws {
        let started = Date()
        let now = Int64(started.timeIntervalSince1970)
        let options = input.readOptions(now: now, platform: platform?.lowercased(), observedAt: at.flatMap(UTCTime.parse))
        let settings = IngestSession.Settings(format: format, options: options, policy: onConflict,
                                              rejectsPath: input.rejects, quiet: input.quiet)
        let db = try database.openForWriting()
        let session = try IngestSession(db: db, settings: settings)
        var anomalies = 0
        do {
            try db.write { db in
                try session.ingest(input.files)
                // In the same transaction: snapshots and their anomalies land together.
                if !noDetect { anomalies = try DetectionRunner(db: db, sensitivity: nil).incremental(firstNew: session.firstChange) }
            }
        } catch {
            try? db.recordFailedIngestRun(source: sourceNames, format: format?.rawValue ?? "auto",
                                          startedAt: started, error: "\(error)")
            throw error
        }
        if !input.quiet { Terminal.printError(summary(session, anomalies: anomalies, seconds: Date().timeIntervalSince(started))) }
    }

    private var sourceNames: String { input.sourceNames }

    private func summary(_ session: IngestSession, anomalies: Int, seconds: Double) -> String {
        let counts = session.total
        let g = { (n: Int) in ResultWriter.grouped(Int64(n)) }
        let c = { (n: Int, noun: String) in ResultWriter.counted(n, noun) }
        var text = "\(sourceNames): \(c(counts.rowsRead, "row")) read, \(c(counts.added, "snapshot")) added, "
            + "\(g(counts.updated)) updated, \(g(counts.unchanged)) unchanged"
        if counts.empty > 0 { text += ", \(g(counts.empty)) with no value (not stored)" }
        if counts.rowsRejected > 0 { text += ", \(g(counts.rowsRejected)) rejected" }
        text += "; \(c(session.pages.count, "page")), \(c(session.metrics.count, "metric"))"
        if !noDetect { text += "; \(ResultWriter.counted(anomalies, "anomaly", plural: "anomalies")) raised or extended" }
        text += String(format: "; %.2f s", seconds)
        if counts.added == 0 && counts.updated == 0 && counts.unchanged > 0 {
            text += "\nNothing changed: every snapshot was already stored."
        }
        return text
    }
}
