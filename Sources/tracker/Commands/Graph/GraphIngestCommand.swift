import ArgumentParser
import Foundation
import TrackerIngest
import TrackerStore
import TrackerTime

struct GraphIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record the follow edges among the accounts around a page, as one snapshot.",
        discussion: """
            CSV or TSV with a header naming source and target (or from and to, or follower and followed), or \
            NDJSON objects with those keys: source follows target. Each is an account id (all digits) or a \
            handle (@ optional), matched to the accounts of the page's rosters first. A repeated edge counts \
            once; an account following itself is an error. All or nothing; a graph at the same time is replaced.

            Examples:
              tracker graph ingest --page cloudwatt --at 2014-06-02 edges.csv
              tracker graph ingest --page cloudwatt --format ndjson - < edges.ndjson
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var page: PageOption
    @Option(help: "When the graph was taken (ISO 8601; default: now).") var at: String?
    @Option(help: "Input format: csv, tsv or ndjson (default: from the file extension; csv for -).") var format: ProfileFormat?
    @OptionGroup var input: InputOptions

    func validate() throws {
        if let format, ![.csv, .tsv, .ndjson].contains(format) { throw ValidationError("--format must be csv, tsv or ndjson") }
        _ = try TimeOption.parse(at, name: "at")
    }

    func run() throws {
        let started = Date()
        let now = Int64(started.timeIntervalSince1970)
        let takenAt = try TimeOption.parse(at, name: "at") ?? now
        let db = try database.openForWriting()
        let sources = input.sourceNames
        var summary = ""
        do {
            summary = try db.write { db in
                let ref = try page.findOrCreate(in: db, writer: try SnapshotWriter(database: db, policy: .reject)) {
                    try db.graph(pageID: $0.id) != nil || db.roster(pageID: $0.id, relation: .followers) != nil
                }
                let run = try db.beginIngestRun(source: sources, format: "graph-" + (format?.rawValue ?? "auto"))
                let writer = try GraphWriter(database: db, pageID: ref.id, platform: ref.platform, takenAt: takenAt, runID: run)
                var counts = IngestCounts(), repeated = 0
                let rejectsFile = try input.rejects.map(RejectsFile.init(path:))
                let hashes = try input.files.map { try read($0, now: now, into: writer, counts: &counts, repeated: &repeated, rejects: rejectsFile) }
                try writer.finish()
                try db.finishIngestRun(run, counts: counts, contentHash: hashes.count == 1 ? hashes[0] : nil)
                return "\(sources): \(ResultWriter.counted(counts.rowsRead, "edge")) read"
                    + (counts.rowsRejected > 0 ? ", \(counts.rowsRejected) rejected" : "")
                    + (repeated > 0 ? ", \(repeated) repeated (kept once)" : "")
                    + "; graph of \(ref.platform)/\(ref.handle) at \(UTCTime.format(takenAt)) \(writer.replacedExisting ? "replaced" : "recorded")"
                    + " with \(ResultWriter.counted(writer.edges, "edge"))"
            }
        } catch {
            try? db.recordFailedIngestRun(source: sources, format: "graph", startedAt: started, error: "\(error)")
            throw error
        }
        if !input.quiet { Terminal.printError(summary + String(format: "; %.2f s", Date().timeIntervalSince(started))) }
    }

    /// Reads one file's edges; returns the SHA-256 of its bytes.
    private func read(_ path: String, now: Int64, into writer: GraphWriter, counts: inout IngestCounts, repeated: inout Int,
                      rejects: RejectsFile?) throws -> String {
        let format = try InputOptions.profileFormat(of: path, given: format, hint: "csv|tsv|ndjson")
        let options = input.readOptions(now: now)
        let source = try ByteSource(path: path)
        var header: String?
        try EdgeReader(source: source, format: format, options: options).read { item in
            if case .header(let text) = item { return header = text }
            counts.rowsRead += 1
            switch item {
            case .header: break
            case .edge(let source, let target, _, _):
                if try writer.add(source: source, target: target) == .repeated { repeated += 1 }
            case .rejected(let row):
                counts.rowsRejected += 1
                Terminal.printError("Skipped \(row.error)")
                try rejects?.write(raw: row.raw, header: header)
            }
        }
        return source.digest()
    }
}
