import ArgumentParser
import Foundation
import TrackerAudit
import TrackerGraph
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
    @OptionGroup var rules: RulesOption

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
        let policy = try rules.policy()
        try db.read { db in
            if let page {
                let pages = try PageLookup.find(page, platform: platform, in: db)
                let path = output ?? "\(Self.fileName(pages[0].handle)).html"
                try write(HTMLReport.page(try pages.map { try Self.report(db, $0, policy: policy) }, generatedAt: now), to: path)
                print(path)
                return
            }
            let folder = URL(fileURLWithPath: output!)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var entries: [(file: String, report: PageReport)] = []
            for page in try db.allPages(platform: platform) {
                let report = try Self.report(db, page, policy: policy)
                let file = "\(Self.fileName(page.platform))-\(Self.fileName(page.handle)).html"
                try write(HTMLReport.page([report], generatedAt: now), to: folder.appendingPathComponent(file).path)
                entries.append((file, report))
            }
            let index = folder.appendingPathComponent("index.html").path
            try write(HTMLReport.index(entries, generatedAt: now), to: index)
            print(index)
        }
    }

    static func report(_ db: Database, _ page: PageRef, policy: VerdictPolicy) throws -> PageReport {
        var filter = AnomalyFilter()
        filter.pageIDs = [page.id]
        let metrics = try db.series(ofPage: page.id).map { PageReport.Metric(name: $0.metric, times: $0.times, values: $0.values) }
        let order = SnapshotWriter.columns
        let sorted = metrics.sorted { (order.firstIndex(of: $0.name) ?? 99, $0.name) < (order.firstIndex(of: $1.name) ?? 99, $1.name) }
        let events = try db.anomalies(matching: filter).map { item in
            let a = item.anomaly
            return PageReport.Event(metric: a.metric, kind: a.kind, start: a.start, end: a.end, detectedAt: a.detectedAt,
                                    severity: a.severity, explanation: [a.explanation, item.context].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return PageReport(platform: page.platform, handle: page.handle, metrics: sorted, events: events,
                          audit: try AuditSummaryReport.latest(db, page, policy: policy))
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

extension AuditSummaryReport {
    /// The audit of the page's latest followers roster, its changes since the one before, and the
    /// outsider communities of its latest follow graph; nil without a roster.
    static func latest(_ db: Database, _ page: PageRef, policy: VerdictPolicy) throws -> AuditSummaryReport? {
        guard let roster = try db.roster(pageID: page.id, relation: .followers) else { return nil }
        let audit = RosterAudit(db: db, policy: policy)
        let summary = try audit.summary(of: roster)
        let changes = try db.roster(before: roster).map { previous -> Changes in
            let found = try audit.changes(from: previous, to: roster)
            return Changes(since: previous.takenAt, added: found.added, lost: found.lost, addedSuspicious: found.addedSuspicious,
                           batches: found.batches.map { ($0.count, $0.createdFrom, $0.createdTo) })
        }
        var outsiders: [String] = []
        if let graph = try db.graph(pageID: page.id) {
            let loaded = try FollowerGraph(db: db, ref: graph, policy: policy)
            let profiles = CommunityProfile.all(graph: loaded.graph, membership: Louvain(seed: 1).communities(of: loaded.graph), nodes: loaded.infos)
            outsiders = profiles.compactMap { OutsiderCheck().judge($0, mainLanguage: loaded.mainLanguage) }
        }
        let rules = zip(policy.rules, summary.rules).map { Rule(id: $0.id, explanation: $0.explanation, flagged: $1.flagged, judged: $1.judged) }
        return AuditSummaryReport(takenAt: roster.takenAt, accounts: summary.accounts,
                                  verdicts: Verdict.Label.allCases.map { ($0.rawValue, summary.verdicts[$0, default: 0]) },
                                  rules: rules, creationYears: summary.creationYears.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                  changes: changes, outsiders: outsiders)
    }
}
