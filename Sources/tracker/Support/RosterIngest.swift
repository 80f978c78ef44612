import Foundation
import TrackerAudit
import TrackerIngest
import TrackerStore
import TrackerTime

/// One `tracker followers ingest`: reads the files into one roster, audits it against the previous one,
/// and stores the audit figures as metrics, all in the caller's write transaction.
struct RosterIngest {
    let db: Database
    let options: RosterOptions
    let input: InputOptions
    let takenAt: Int64
    let now: Int64
    var rejects: RejectsFile?

    struct Outcome {
        let page: PageRef
        let relation: RosterRelation
        var read = 0, rejected = 0, duplicates = 0
        var members = 0, newVersions = 0, replaced = false
        /// SHA-256 of each file read (recorded for a roster read from one file).
        var hashes: [String] = []
        var summary: AuditSummary?
        var changes: RosterAudit.Changes?
        var anomalies = 0

        func summary(source: String, seconds: Double) -> String {
            let g = { (n: Int) in ResultWriter.grouped(Int64(n)) }
            let c = { (n: Int, noun: String) in ResultWriter.counted(n, noun) }
            var text = "\(source): \(c(read, "account")) read"
            if rejected > 0 { text += ", \(g(rejected)) rejected" }
            text += "; \(relation.rawValue) of \(page.platform)/\(page.handle) \(replaced ? "replaced" : "recorded")"
                + " with \(c(members, "account")), \(g(newVersions)) new or changed \(newVersions == 1 ? "profile" : "profiles")"
            if let summary {
                text += String(format: "; %.1f%% suspicious, %.1f%% inactive", 100 * summary.share(.suspicious), 100 * summary.share(.inactive))
            }
            if let changes { text += "; since \(UTCTime.format(changes.previous.takenAt)): +\(g(changes.added)) −\(g(changes.lost))" }
            return text + String(format: "; %.2f s", seconds)
        }
    }

    init(db: Database, options: RosterOptions, input: InputOptions, takenAt: Int64, now: Int64) {
        self.db = db
        self.options = options
        self.input = input
        self.takenAt = takenAt
        self.now = now
    }

    func run(format: ProfileFormat?, policy: VerdictPolicy, detect: Bool) throws -> Outcome {
        let snapshots = try SnapshotWriter(database: db, policy: .replace)
        let page = try options.pageOption.findOrCreate(in: db, writer: snapshots) {
            try db.roster(pageID: $0.id, relation: options.relation) != nil
        }
        let runID = try db.beginIngestRun(source: input.sourceNames, format: "roster-" + (format?.rawValue ?? "auto"))
        var outcome = Outcome(page: page, relation: options.relation)
        let roster = try record(input.files, format: format, page: page, runID: runID, outcome: &outcome)
        let audit = RosterAudit(db: db, policy: policy)
        snapshots.runID = runID
        var counts = IngestCounts()
        counts.rowsRead = outcome.read
        counts.rowsRejected = outcome.rejected
        let summary = try audit.summary(of: roster)
        let changes = try db.roster(before: roster).map { try audit.changes(from: $0, to: roster) }
        (outcome.summary, outcome.changes) = (summary, changes)
        var metrics = RosterAudit.metrics(relation: roster.relation, summary: summary)
        if let changes { metrics += RosterAudit.metrics(relation: roster.relation, changes: changes) }
        counts.record(try store(metrics, at: roster.takenAt, page: page, writer: snapshots))
        // A roster recorded before one already stored changes what that one gained and lost.
        if let next = try db.roster(after: roster) {
            let later = RosterAudit.metrics(relation: next.relation, changes: try audit.changes(from: roster, to: next))
            counts.record(try store(later, at: next.takenAt, page: page, writer: snapshots))
        }
        try db.finishIngestRun(runID, counts: counts, contentHash: outcome.hashes.count == 1 ? outcome.hashes[0] : nil)
        if detect { outcome.anomalies = try DetectionRunner(db: db, sensitivity: nil).incremental(firstNew: [page.id: takenAt]) }
        return outcome
    }

    /// Stores audit figures as metrics of the page at `time`.
    private func store(_ metrics: [(String, Double)], at time: Int64, page: PageRef, writer: SnapshotWriter) throws -> WriteOutcome {
        try writer.write(platform: page.platform, page: page.handle, time: time,
                         values: ArraySlice(metrics.map(\.1)), slots: try writer.slots(for: metrics.map(\.0)))
    }

    /// Reads every file into one roster.
    private func record(_ files: [String], format: ProfileFormat?, page: PageRef, runID: Int64, outcome: inout Outcome) throws -> RosterRef {
        let writer = try RosterWriter(database: db, pageID: page.id, relation: options.relation, takenAt: takenAt, runID: runID)
        for path in files { try read(path, format: format, platform: page.platform, into: writer, outcome: &outcome) }
        try writer.finish()
        outcome.members = writer.members
        outcome.newVersions = writer.newVersions
        outcome.replaced = writer.replacedExisting
        return RosterRef(id: writer.rosterID, pageID: page.id, relation: options.relation, takenAt: takenAt, members: writer.members)
    }

    private func read(_ path: String, format given: ProfileFormat?, platform: String, into writer: RosterWriter, outcome: inout Outcome) throws {
        var format = try InputOptions.profileFormat(of: path, given: given, hint: "csv|tsv|ndjson|json|twitter")
        if given == nil, format == .json, path != "-" { format = ProfileFormat.json(sniffing: path) }
        let readOptions = input.readOptions(now: now)
        let source = try ByteSource(path: path)
        let progress = ProgressBar.make(label: source.name, quiet: input.quiet)
        progress?.total = source.expectedSize
        if let progress { source.onProgress = { progress.update(bytes: $0) } }
        defer { progress?.clear() }
        var header: String?
        try ProfileReader(source: source, format: format, options: readOptions).read { item in
            switch item {
            case .header(let text): header = text
            case .rejected(let row):
                try reject(row.error, raw: row.raw, header: header, outcome: &outcome)
            case .profile(let profile, let line, let raw):
                outcome.read += 1
                if try writer.add(platform: platform, key: profile.id, fields: profile.storedFields) == .duplicate {
                    let error = IngestError(source: source.name, line: line, column: "id", value: profile.id,
                                            message: "repeats an account already in this roster")
                    guard input.skipInvalid else { throw error }
                    outcome.read -= 1
                    try reject(error, raw: raw, header: header, outcome: &outcome)
                }
            }
        }
        outcome.hashes.append(source.digest())
    }

    private func reject(_ error: IngestError, raw: String?, header: String?, outcome: inout Outcome) throws {
        outcome.read += 1
        outcome.rejected += 1
        Terminal.printError("Skipped \(error)")
        try rejects?.write(raw: raw, header: header)
    }
}
