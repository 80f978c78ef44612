import Foundation
import TrackerDetect
import TrackerStore

/// Runs `TrackerDetect` over stored series and stores what it finds: incrementally after an
/// ingest (only new observations are judged, with a bounded look back), or from scratch.
struct DetectionRunner {
    let db: Database
    /// `--sensitivity` for this run; else each page's saved one; else the default.
    let sensitivity: Double?

    /// Judges the observations at or after `firstNew[page]`. A page whose new observations are older
    /// than what was already judged (a backfill), or whose sensitivity changed, is redone from scratch.
    func incremental(firstNew: [Int64: Int64]) throws -> Int {
        let pages = firstNew.keys.sorted()
        // Read in one statement each for all pages, not one per page.
        let states = try db.detectionStates(pages: pages)
        let settingsFor = try settings(pages: pages)
        let open = try db.latestAnomalies(pages: pages)
        var redo: [Int64] = []
        let pool = DetectionPool()
        for page in pages {
            let first = firstNew[page]!
            let settings = settingsFor(page)
            guard let state = states[page], state.sensitivity == settings.sensitivity, first > state.checkedUntil else {
                redo.append(page)
                continue
            }
            let since = first - DetectionSettings.lookbackDays * 86_400
            pool.submit(DetectionJob(page: page, series: try db.series(ofPage: page, since: since).map(Series.init),
                                     settings: settings, from: first, open: (open[page] ?? []).compactMap(Anomaly.init)))
        }
        var count = try store(pool.finish())
        if !redo.isEmpty { count += try full(pages: redo) }
        return count
    }

    /// Saves what the jobs found and how far each page has been judged.
    private func store(_ outcomes: [DetectionOutcome]) throws -> Int {
        var count = 0
        for outcome in outcomes {
            try db.save(outcome.found.map { StoredAnomaly($0, pageID: outcome.page) })
            if let last = outcome.checkedUntil {
                try db.setDetectionState(pageID: outcome.page, checkedUntil: last, sensitivity: outcome.sensitivity)
            }
            count += outcome.found.count
        }
        return count
    }

    /// Forgets and recomputes the anomalies of the pages (all when nil), pages in parallel.
    @discardableResult
    func full(pages: [Int64]?) throws -> Int {
        try db.clearDetection(pages: pages)
        let settingsFor = try settings(pages: pages)
        // Pages are judged on the other cores while the next ones are read.
        let pool = DetectionPool()
        try db.forEachPageSeries(pages: pages.map(Set.init)) { page, histories in
            pool.submit(DetectionJob(page: page, series: histories.map(Series.init), settings: settingsFor(page)))
        }
        return try store(pool.finish())
    }

    /// `--sensitivity` for this run, else each page's saved one, else the default (saved ones read
    /// in one statement for all the pages; nil = every page).
    private func settings(pages: [Int64]?) throws -> (Int64) -> DetectionSettings {
        let saved = sensitivity == nil ? try db.savedSensitivities(pages: pages) : [:]
        return { [sensitivity] page in DetectionSettings(sensitivity: sensitivity ?? saved[page] ?? 1) }
    }
}

/// One page to judge: its observations from `from` on, with the events they may extend.
struct DetectionJob: Sendable {
    let page: Int64
    let series: [Series]
    let settings: DetectionSettings
    var from: Int64 = .min
    var open: [Anomaly] = []
}

/// What judging one page gave; its series are not kept, so memory does not grow with the pages.
struct DetectionOutcome: Sendable {
    let page: Int64
    let checkedUntil: Int64?
    let sensitivity: Double
    let found: [Anomaly]
}

/// Judges jobs on background threads as they are submitted (pages are independent), at most a
/// few ahead of the workers, so reading the next page overlaps judging the last.
final class DetectionPool: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private let slots = DispatchSemaphore(value: 2 * max(1, ProcessInfo.processInfo.activeProcessorCount))
    private var done: [DetectionOutcome] = []

    func submit(_ job: DetectionJob) {
        slots.wait()
        DispatchQueue.global().async(group: group) {
            let found = PageDetector(settings: job.settings).detect(series: job.series, from: job.from, open: job.open)
            let outcome = DetectionOutcome(page: job.page, checkedUntil: job.series.lastTime,
                                           sensitivity: job.settings.sensitivity, found: found)
            self.lock.withLock { self.done.append(outcome) }
            self.slots.signal()
        }
    }

    /// Waits for every job; returns what each found, by page.
    func finish() -> [DetectionOutcome] {
        group.wait()
        return lock.withLock { done.sorted { $0.page < $1.page } }
    }
}

// MARK: - Between the store's records and the detector's types

extension Series {
    init(_ history: MetricHistory) {
        self.init(metric: history.metric, times: history.times, values: history.values)
    }
}

extension Array where Element == Series {
    var lastTime: Int64? { compactMap(\.times.last).max() }
}

extension Anomaly {
    init?(_ stored: StoredAnomaly) {
        guard let kind = AnomalyKind(rawValue: stored.kind), let severity = Severity(rawValue: stored.severity) else { return nil }
        self.init(id: stored.id, metric: stored.metric, kind: kind, start: stored.start, end: stored.end,
                  detectedAt: stored.detectedAt, severity: severity, score: stored.score, before: stored.before,
                  after: stored.after, explanation: stored.explanation)
    }
}

extension StoredAnomaly {
    init(_ anomaly: Anomaly, pageID: Int64) {
        self.init(id: anomaly.id, pageID: pageID, metric: anomaly.metric, kind: anomaly.kind.rawValue, start: anomaly.start,
                  end: anomaly.end, detectedAt: anomaly.detectedAt, severity: anomaly.severity.rawValue, score: anomaly.score,
                  before: anomaly.before, after: anomaly.after, explanation: anomaly.explanation)
    }
}
