import Foundation
import TrackerTime

/// What a report shows about one page on one platform.
public struct PageReport: Sendable {
    /// A metric's observations (`name` is the metric).
    public typealias Metric = ChartSeries

    public struct Event: Sendable {
        public let metric: String
        public let kind: String
        public let start: Int64
        public let end: Int64
        public let detectedAt: Int64
        public let severity: String
        public let explanation: String

        public init(metric: String, kind: String, start: Int64, end: Int64, detectedAt: Int64, severity: String, explanation: String) {
            self.metric = metric
            self.kind = kind
            self.start = start
            self.end = end
            self.detectedAt = detectedAt
            self.severity = severity
            self.explanation = explanation
        }
    }

    public let platform: String
    public let handle: String
    public let metrics: [Metric]
    public let events: [Event]
    /// The latest follower audit, when the page has rosters.
    public let audit: AuditSummaryReport?

    public init(platform: String, handle: String, metrics: [Metric], events: [Event], audit: AuditSummaryReport? = nil) {
        self.platform = platform
        self.handle = handle
        self.metrics = metrics
        self.events = events
        self.audit = audit
    }

    var audience: Metric? { ["followers", "fans", "subscribers"].lazy.compactMap { name in self.metrics.first { $0.name == name } }.first }
    var rate: Metric? { metrics.first { $0.name == "engagement_rate" } }
}

/// Self-contained HTML reports: inline CSS and SVG, no network at all.
public enum HTMLReport {
    /// One page, a section per platform.
    public static func page(_ reports: [PageReport], generatedAt: Int64) -> String {
        let title = "\(reports.first?.handle ?? "page") — tracker report"
        var body = "<header><h1>\(HTML.escape(reports.first?.handle ?? ""))</h1>"
        body += "<p class=\"meta\">Audience report generated \(UTCTime.format(generatedAt)) by tracker</p></header>"
        for report in reports { body += section(report) }
        return document(title: title, body: body)
    }

    /// An index linking one report per page, with a sparkline and the latest anomaly of each.
    public static func index(_ entries: [(file: String, report: PageReport)], generatedAt: Int64) -> String {
        var rows = ""
        for (file, report) in entries {
            let audience = report.audience ?? report.metrics.first
            let latest = report.events.max { $0.detectedAt < $1.detectedAt }
            rows += "<tr><td><a href=\"\(HTML.escape(file))\">\(HTML.escape(report.handle))</a></td><td>\(HTML.escape(report.platform))</td>"
            rows += "<td class=\"num\">\(audience.flatMap(\.values.last).map(number) ?? "")</td>"
            rows += "<td>\(audience.map { svgSparkline(Array($0.values.suffix(90)), label: "\(label($0.name)), last 90 snapshots") } ?? "")</td>"
            rows += "<td>\(latest.map { "<span class=\"badge \($0.severity)\">\($0.severity)</span> \(HTML.escape($0.kind.replacingOccurrences(of: "_", with: " "))) · \(UTCTime.formatDate($0.detectedAt))" } ?? "—")</td></tr>"
        }
        let body = "<header><h1>Tracked pages</h1><p class=\"meta\">\(entries.count) pages · generated \(UTCTime.format(generatedAt))</p></header>"
            + "<section class=\"card\"><table><thead><tr><th>Page</th><th>Platform</th><th class=\"num\">Audience</th>"
            + "<th>Last 90 snapshots</th><th>Latest anomaly</th></tr></thead><tbody>\(rows)</tbody></table></section>"
        return document(title: "tracker — all pages", body: body)
    }

    /// A small inline SVG line of the values.
    static func svgSparkline(_ values: [Double], label: String, width: Double = 120, height: Double = 24) -> String {
        guard values.count > 1, let low = values.min(), let high = values.max() else { return "" }
        let points = values.enumerated().map { index, value in
            let x = Double(index) / Double(values.count - 1) * width
            let y = high > low ? (1 - (value - low) / (high - low)) * (height - 4) + 2 : height / 2
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        return "<svg class=\"sparkline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
            + "<title>\(HTML.escape(label))</title><polyline points=\"\(points)\"/></svg>"
    }

    // MARK: - Sections

    static func section(_ report: PageReport) -> String {
        var html = "<section class=\"platform\"><h2>\(HTML.escape(report.platform))</h2>"
        html += headerCard(report)
        html += charts(report)
        html += gainsTable(report)
        html += anomalyList(report)
        if let audit = report.audit { html += auditCard(audit) }
        return html + "</section>"
    }

    static func headerCard(_ report: PageReport) -> String {
        var cells = ""
        for metric in report.metrics {
            guard let last = metric.values.last, let lastTime = metric.times.last else { continue }
            var gains = ""
            for days: Int64 in [7, 30, 90, 365] {
                let gain = change(metric, days: days)
                gains += "<li><span>\(days) d</span> \(gain.map { signed($0, metric.name) } ?? "—")</li>"
            }
            let daily = change(metric, days: 30).map { $0 / 30 }
            cells += "<div class=\"stat\"><h3>\(label(metric.name))</h3><p class=\"value\">\(value(last, metric.name))</p>"
            cells += "<p class=\"small\">as of \(UTCTime.formatDate(lastTime))</p><ul class=\"gains\">\(gains)</ul>"
            cells += "<p class=\"small\">average daily gain (30 d): \(daily.map { signed($0, metric.name, decimals: true) } ?? "—")</p></div>"
        }
        return "<div class=\"card stats\">\(cells)</div>"
    }

    /// The change over the last `days` days: the latest value minus the last one observed at or before then.
    static func change(_ metric: PageReport.Metric, days: Int64) -> Double? {
        guard let lastTime = metric.times.last, let last = metric.values.last else { return nil }
        let target = lastTime - days * 86_400
        guard let index = metric.times.lastIndex(where: { $0 <= target }) else { return nil }
        return last - metric.values[index]
    }

    static func charts(_ report: PageReport) -> String {
        var html = "<div class=\"card\"><h3>Charts</h3>"
        let chart = SVGChart()
        if let audience = report.audience, let rate = report.rate {
            html += "<figure>" + chart.render(
                title: "\(label(audience.name)) and engagement rate",
                description: "\(label(audience.name)) (solid, left axis) and engagement rate (dashed, right axis) of \(report.handle) on \(report.platform).",
                left: line(audience), right: line(rate), periods: periods(report, metric: audience.name, kinds: ["dilution", "surge"]))
            html += "<figcaption>\(label(audience.name)) (solid, left) against engagement rate (dashed, right): when the first climbs and the second sinks, the new audience does not engage.</figcaption></figure>"
        }
        for metric in report.metrics {
            html += "<figure>" + chart.render(
                title: label(metric.name), description: "\(label(metric.name)) of \(report.handle) on \(report.platform), with anomaly periods shaded.",
                left: line(metric), periods: periods(report, metric: metric.name, kinds: nil))
            html += "<figcaption>\(label(metric.name))</figcaption></figure>"
        }
        return html + "</div>"
    }

    static func line(_ metric: PageReport.Metric) -> ChartSeries {
        ChartSeries(name: label(metric.name), times: metric.times, values: metric.values)
    }

    static func periods(_ report: PageReport, metric: String, kinds: Set<String>?) -> [ChartPeriod] {
        report.events.filter { $0.metric == metric && (kinds?.contains($0.kind) ?? true) }
            .map { ChartPeriod(start: $0.start, end: $0.end, label: $0.kind.replacingOccurrences(of: "_", with: " ")) }
    }

    /// The last 30 snapshots with the change of each metric, and the average change per day.
    static func gainsTable(_ report: PageReport) -> String {
        let times = Array(Set(report.metrics.flatMap(\.times))).sorted().suffix(30)
        guard !times.isEmpty else { return "" }
        var lookup: [String: [Int64: (Double, Double?)]] = [:]
        for metric in report.metrics {
            for (i, time) in metric.times.enumerated() where time >= times.first! {
                lookup[metric.name, default: [:]][time] = (metric.values[i], i > 0 ? metric.values[i] - metric.values[i - 1] : nil)
            }
        }
        var html = "<div class=\"card\"><h3>Recent snapshots</h3><div class=\"scroll\"><table><thead><tr><th>Date</th>"
        for metric in report.metrics { html += "<th class=\"num\">\(label(metric.name))</th><th class=\"num\">change</th>" }
        html += "</tr></thead><tbody>"
        for time in times.reversed() {
            html += "<tr><td>\(UTCTime.formatDate(time))</td>"
            for metric in report.metrics {
                let cell = lookup[metric.name]?[time]
                html += "<td class=\"num\">\(cell.map { value($0.0, metric.name) } ?? "")</td>"
                html += "<td class=\"num\">\(cell?.1.map { signed($0, metric.name) } ?? "")</td>"
            }
            html += "</tr>"
        }
        html += "</tbody><tfoot><tr><th>Daily average</th>"
        let span = Double(times.last! - times.first!) / 86_400
        for metric in report.metrics {
            let values = times.compactMap { lookup[metric.name]?[$0]?.0 }
            let average = span > 0 && values.count > 1 ? (values.last! - values.first!) / span : nil
            html += "<td></td><td class=\"num\">\(average.map { signed($0, metric.name, decimals: true) } ?? "")</td>"
        }
        return html + "</tr></tfoot></table></div></div>"
    }

    static func anomalyList(_ report: PageReport) -> String {
        guard !report.events.isEmpty else { return "<div class=\"card\"><h3>Anomalies</h3><p>None detected.</p></div>" }
        var html = "<div class=\"card\"><h3>Anomalies</h3><ol class=\"anomalies\">"
        for event in report.events.sorted(by: { $0.detectedAt > $1.detectedAt }) {
            html += "<li><span class=\"badge \(HTML.escape(event.severity))\">\(HTML.escape(event.severity))</span> "
            html += "<strong>\(HTML.escape(event.kind.replacingOccurrences(of: "_", with: " ")))</strong> · \(HTML.escape(label(event.metric)))"
            html += " · \(UTCTime.formatDate(event.start)) → \(UTCTime.formatDate(event.end))"
            html += "<p>\(HTML.escape(event.explanation))</p></li>"
        }
        return html + "</ol></div>"
    }

    // MARK: - Formatting

    static func label(_ metric: String) -> String {
        let words = metric.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func value(_ v: Double, _ metric: String) -> String {
        metric.hasSuffix("rate") || v != v.rounded() ? String(format: v < 1 ? "%.3f" : "%.2f", v) : number(v)
    }

    static func number(_ v: Double) -> String {
        let digits = String(Int64(abs(v).rounded()))
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (v < 0 ? "−" : "") + grouped
    }

    static func signed(_ v: Double, _ metric: String, decimals: Bool = false) -> String {
        let magnitude = metric.hasSuffix("rate") ? String(format: "%.3f", abs(v))
            : decimals && abs(v) < 100 ? String(format: "%.1f", abs(v)) : number(abs(v))
        return (v < 0 ? "−" : "+") + magnitude
    }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(stylesheet)
        \(auditStylesheet)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #1f4e79; --second: #b35c00; --rule: #d9dde5; --paper: #ffffff; --wash: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--wash); color: var(--ink); font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 16px 48px; }
        header h1 { margin: 0 0 4px; font-size: 28px; }
        h2 { margin: 32px 0 12px; font-size: 20px; text-transform: capitalize; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
        h3 { margin: 0 0 12px; font-size: 16px; }
        .meta, .small, figcaption { color: var(--muted); font-size: 13px; }
        .card { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 16px; margin: 12px 0; }
        .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 16px; }
        .stat h3 { margin: 0; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .stat .value { margin: 2px 0; font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .stat p { margin: 0; }
        .gains { list-style: none; padding: 0; margin: 8px 0; display: grid; grid-template-columns: 1fr 1fr; gap: 2px 12px; font-variant-numeric: tabular-nums; font-size: 14px; }
        .gains span { color: var(--muted); display: inline-block; min-width: 3.5em; }
        figure { margin: 0 0 20px; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg .line { fill: none; stroke: var(--line); stroke-width: 2; }
        svg .line.second { stroke: var(--second); stroke-dasharray: 6 4; }
        svg circle.line { fill: var(--line); }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg .axis { stroke: var(--muted); stroke-width: 1; }
        svg .tick { fill: var(--muted); font-size: 11px; }
        svg .tick.right { fill: var(--second); }
        svg .period { fill: url(#hatch); stroke: #8a93a6; stroke-width: .5; }
        svg .hatch { stroke: #b8bfcc; stroke-width: 3; }
        svg .period-label { fill: var(--ink); font-size: 11px; font-weight: 600; paint-order: stroke; stroke: var(--paper); stroke-width: 3px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 14px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        th { color: var(--muted); font-weight: 600; }
        tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: 600; }
        .num { text-align: right; }
        svg.sparkline { display: block; }
        svg.sparkline polyline { fill: none; stroke: var(--line); stroke-width: 1.5; }
        .anomalies { padding-left: 20px; }
        .anomalies li { margin-bottom: 12px; }
        .anomalies p { margin: 4px 0 0; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; text-transform: uppercase; }
        .badge.critical { color: #a4161a; background: #fde8e8; }
        .badge.warning { color: #8a5a00; background: #fff4dc; }
        .badge.info { color: #3d4a5c; background: #eef1f5; }
        a { color: var(--line); }
        @media (max-width: 560px) { main { padding: 12px 8px; } .stat .value { font-size: 22px; } }
        @media print {
          body { background: #fff; font-size: 10pt; }
          main { max-width: none; padding: 0; }
          .card { border: 1px solid #999; break-inside: avoid; }
          .badge { background: none !important; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
