import TrackerTime

/// What the report shows of a page's latest follower audit.
public struct AuditSummaryReport: Sendable {
    public struct Rule: Sendable {
        public let id: String, explanation: String, flagged: Int, judged: Int
        public init(id: String, explanation: String, flagged: Int, judged: Int) {
            self.id = id; self.explanation = explanation; self.flagged = flagged; self.judged = judged
        }
    }

    public struct Changes: Sendable {
        public let since: Int64, added: Int, lost: Int, addedSuspicious: Int
        /// Batch arrivals: accounts and their creation span.
        public let batches: [(count: Int, from: Int64, to: Int64)]
        public init(since: Int64, added: Int, lost: Int, addedSuspicious: Int, batches: [(count: Int, from: Int64, to: Int64)]) {
            self.since = since; self.added = added; self.lost = lost; self.addedSuspicious = addedSuspicious; self.batches = batches
        }
    }

    public let takenAt: Int64
    public let accounts: Int
    /// suspicious, inactive, genuine: counts in that order.
    public let verdicts: [(label: String, count: Int)]
    public let rules: [Rule]
    /// Accounts by creation year, oldest year first.
    public let creationYears: [(year: Int, count: Int)]
    public let changes: Changes?
    /// Explanations of the flagged communities of the follow graph, if one was recorded.
    public let outsiders: [String]

    public init(takenAt: Int64, accounts: Int, verdicts: [(label: String, count: Int)], rules: [Rule],
                creationYears: [(year: Int, count: Int)] = [], changes: Changes?, outsiders: [String]) {
        self.takenAt = takenAt; self.accounts = accounts; self.verdicts = verdicts; self.rules = rules
        self.creationYears = creationYears; self.changes = changes; self.outsiders = outsiders
    }
}

extension HTMLReport {
    /// The follower audit: verdict shares as a bar, the rules that flag most, arrivals since the roster
    /// before, and the outsider communities.
    static func auditCard(_ audit: AuditSummaryReport) -> String {
        let total = max(audit.accounts, 1)
        let share = { (n: Int, of: Int) in "\((Double(n) * 1000 / Double(max(of, 1))).rounded() / 10)%" }
        let percent = { (n: Int) in share(n, total) }
        var html = "<div class=\"card\"><h3>Follower audit, \(UTCTime.formatDate(audit.takenAt)): \(number(Double(audit.accounts))) followers</h3>"
        html += "<div class=\"verdicts\" role=\"img\" aria-label=\"\(audit.verdicts.map { "\($0.label) \(percent($0.count))" }.joined(separator: ", "))\">"
        for verdict in audit.verdicts where verdict.count > 0 {
            // The label only where it fits; the line below the bar gives every share.
            let label = verdict.count * 8 >= total ? "\(HTML.escape(verdict.label)) \(percent(verdict.count))" : ""
            html += "<span class=\"\(HTML.escape(verdict.label))\" style=\"width: \(Double(verdict.count) * 100 / Double(total))%\">\(label)</span>"
        }
        html += "</div><p class=\"small\">\(audit.verdicts.map { "\(HTML.escape($0.label)) \(number(Double($0.count))) (\(percent($0.count)))" }.joined(separator: " · "))</p>"
        html += "<table><thead><tr><th>Rule</th><th class=\"num\">flagged</th><th class=\"num\">share</th></tr></thead><tbody>"
        for rule in audit.rules.filter({ $0.judged > 0 }).sorted(by: { $0.flagged > $1.flagged }).prefix(6) {
            html += "<tr><td class=\"wrap\">\(HTML.escape(rule.explanation)) <span class=\"small\">(\(HTML.escape(rule.id)))</span></td>"
                + "<td class=\"num\">\(number(Double(rule.flagged)))</td><td class=\"num\">\(share(rule.flagged, rule.judged))</td></tr>"
        }
        html += "</tbody></table>"
        if !audit.creationYears.isEmpty {
            let years = audit.creationYears.map { "\($0.year): \(number(Double($0.count))) (\(percent($0.count)))" }
            html += "<p class=\"small\">Accounts by year of creation: \(years.joined(separator: " · "))</p>"
        }
        if let changes = audit.changes {
            html += "<p>Since \(UTCTime.formatDate(changes.since)): \(number(Double(changes.added))) new followers, "
                + "\(number(Double(changes.lost))) lost; \(number(Double(changes.addedSuspicious))) of the new ones look suspicious.</p>"
            for batch in changes.batches {
                html += "<p><strong>Batch arrival:</strong> \(number(Double(batch.count))) new followers listed together, all created between "
                    + "\(UTCTime.formatDate(batch.from)) and \(UTCTime.formatDate(batch.to)).</p>"
            }
        }
        for outsider in audit.outsiders { html += "<p><strong>Outsider community:</strong> \(HTML.escape(outsider)).</p>" }
        return html + "</div>"
    }

    static let auditStylesheet = """
        .verdicts { display: flex; height: 28px; border-radius: 4px; overflow: hidden; margin: 0 0 4px; font-size: 12px; font-weight: 600; }
        .verdicts span { display: flex; align-items: center; padding: 0 6px; white-space: nowrap; overflow: hidden; }
        .verdicts .suspicious { background: #fde8e8; color: #a4161a; border: 1px solid #a4161a; }
        .verdicts .inactive { background: #fff4dc; color: #8a5a00; border: 1px dashed #8a5a00; }
        td.wrap { white-space: normal; }
        .verdicts .genuine { background: #eef1f5; color: #3d4a5c; border: 1px dotted #3d4a5c; }
        """
}
