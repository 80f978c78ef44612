import Foundation
import TrackerIngest
import TrackerStore
import TrackerTime

/// One `tracker ingest` invocation: every input is parsed on its own thread and written in the
/// caller's single write transaction, so the invocation lands whole or not at all.
final class IngestSession {
    struct Settings {
        var format: InputFormat?
        var options: ReadOptions
        var policy: ConflictPolicy
        var rejectsPath: String?
        var quiet: Bool
    }

    private let db: Database
    private let settings: Settings
    private let writer: SnapshotWriter
    private var rejects: RejectsFile?
    private var slotCache: [[String]: [MetricSlot]] = [:]
    private(set) var total = IngestCounts()
    /// The pages read, whether or not they changed.
    private(set) var pages: Set<Int64> = []
    private(set) var metrics: Set<String> = []
    /// For each page that got new or changed snapshots, the earliest such time: where detection resumes.
    private(set) var firstChange: [Int64: Int64] = [:]

    init(db: Database, settings: Settings) throws {
        self.db = db
        self.settings = settings
        self.writer = try SnapshotWriter(database: db, policy: settings.policy)
        if let path = settings.rejectsPath { rejects = try RejectsFile(path: path) }
    }

    /// Ingests every input; call inside a write transaction.
    func ingest(_ paths: [String]) throws {
        for path in paths { try ingest(path) }
        try writer.forgetUnusedMetrics()
        if writer.conflictCount > 0 { throw ConflictsError(conflicts: writer.conflicts, count: writer.conflictCount) }
    }

    private func ingest(_ path: String) throws {
        let format = try Self.format(of: path, given: settings.format)
        let name = path == "-" ? "<stdin>" : path
        writer.runID = try db.beginIngestRun(source: name, format: format.rawValue)
        var counts = IngestCounts()
        let progress = ProgressBar.make(label: name, quiet: settings.quiet)
        let queue = ParsingThread.start(path: path, format: format, options: settings.options, progress: progress)
        defer { progress?.clear() }
        do {
            while true {
                switch queue.take() {
                case .batch(let batch): try write(batch, counts: &counts)
                case .finished(let hash, _):
                    try db.finishIngestRun(writer.runID, counts: counts, contentHash: hash)
                    total.add(counts)
                    return
                case .failed(let error): throw error
                }
            }
        } catch {
            queue.close()
            throw error
        }
    }

    private func write(_ batch: ObservationBatch, counts: inout IngestCounts) throws {
        for row in batch.rejected { try reject(row.error, raw: row.raw, header: batch.header, counts: &counts) }
        let slots = try slots(for: batch.metrics)
        // The metrics observed: a column that stays empty is no metric of this input.
        var unseen = batch.metrics.indices.filter { !metrics.contains(batch.metrics[$0]) }
        for row in 0..<batch.count {
            counts.rowsRead += 1
            let outcome = try writer.write(platform: batch.platforms[row], page: batch.pages[row], time: batch.times[row],
                                           values: batch.values(ofRow: row), slots: slots)
            if outcome == .duplicate {
                let error = IngestError(source: batch.source, line: batch.lines[row], value: batch.pages[row],
                                        message: "repeats page and time \(UTCTime.format(batch.times[row])) already given in this input")
                guard settings.options.skipInvalid else { throw error }
                counts.rowsRead -= 1
                try reject(error, raw: batch.raw.isEmpty ? nil : batch.raw[row], header: batch.header, counts: &counts)
                continue
            }
            counts.record(outcome)
            if outcome == .empty { continue }
            if !unseen.isEmpty { noteObserved(batch, row: row, unseen: &unseen) }
            pages.insert(writer.lastPageID)
            if outcome != .unchanged {
                let time = batch.times[row]
                firstChange[writer.lastPageID] = min(firstChange[writer.lastPageID] ?? time, time)
            }
        }
    }

    private func noteObserved(_ batch: ObservationBatch, row: Int, unseen: inout [Int]) {
        let values = batch.values(ofRow: row)
        unseen.removeAll { index in
            guard !values[values.startIndex + index].isNaN else { return false }
            metrics.insert(batch.metrics[index])
            return true
        }
    }

    private func reject(_ error: IngestError, raw: String?, header: String?, counts: inout IngestCounts) throws {
        counts.rowsRead += 1
        counts.rowsRejected += 1
        Terminal.printError("Skipped \(error)")
        try rejects?.write(raw: raw, header: header)
    }

    private func slots(for names: [String]) throws -> [MetricSlot] {
        if let slots = slotCache[names] { return slots }
        let slots = try writer.slots(for: names)
        slotCache[names] = slots
        return slots
    }

    static func format(of path: String, given: InputFormat?) throws -> InputFormat {
        if let given { return given }
        if path == "-" { return .csv }
        guard let format = InputFormat.guess(path: path) else {
            try InputOptions.refuseFolder(path)
            throw CLIError("cannot tell the format of \(path) from its name",
                           hint: "give --format csv|tsv|ndjson|json|twitter|facebook|youtube")
        }
        return format
    }
}

extension IngestCounts {
    mutating func add(_ other: IngestCounts) {
        rowsRead += other.rowsRead
        rowsRejected += other.rowsRejected
        added += other.added
        updated += other.updated
        unchanged += other.unchanged
        empty += other.empty
    }
}

/// Values that differ from stored ones, under `--on-conflict reject`.
struct ConflictsError: Error, CustomStringConvertible {
    let conflicts: [Conflict]
    let count: Int

    var description: String {
        let shown = conflicts.prefix(10).map { conflict in
            "  \(conflict.platform)/\(conflict.page) at \(UTCTime.format(conflict.time)): \(conflict.metric) is stored as "
                + "\(Self.shown(conflict.stored)), the input says \(Self.shown(conflict.incoming))"
        }
        let more = count > shown.count ? ["  … and \(count - shown.count) more"] : []
        return (["\(count) value\(count == 1 ? "" : "s") conflict with stored history; nothing was written:"] + shown + more)
            .joined(separator: "\n")
            + "\nHint: --on-conflict replace keeps the new values (the old ones are kept in the revision table), --on-conflict skip keeps the stored ones"
    }

    /// A count as the input wrote it (994, not 994.0); any other value in full.
    private static func shown(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : ResultWriter.plain(.real(value))
    }
}

/// `--rejects FILE`: the rejected rows as they were written, under the input's header.
final class RejectsFile {
    private let handle: FileHandle
    private var wroteHeader = false

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIError("cannot write the rejects file \(path)")
        }
        self.handle = handle
    }

    func write(raw: String?, header: String?) throws {
        guard let raw else { return }
        if !wroteHeader, let header { handle.write(Data((header + "\n").utf8)) }
        wroteHeader = true
        handle.write(Data((raw + "\n").utf8))
    }
}
