import Foundation
import TrackerIngest
import TrackerReport
import TrackerStore
import TrackerTime

/// The table view of anomalies: one line of facts with a sparkline of the metric around the event,
/// then the explanation, wrapped to the terminal; coloured by severity on a terminal.
struct AnomalyCards {
    let db: Database

    func print(_ listed: [ListedAnomaly]) throws {
        let out = StandardOutput()
        if listed.isEmpty { out.write("No anomalies.\n") }
        let width = max(60, Terminal.width)
        for item in listed {
            let a = item.anomaly
            let spark = try sparkline(item)
            let facts = [UTCTime.formatDate(a.detectedAt), colour(a.severity.padding(toLength: 8, withPad: " ", startingAt: 0), a.severity),
                         "\(item.platform)/\(item.page)", a.metric, a.kind,
                         "\(ResultWriter.human(MetricCell.value(a.before))) → \(ResultWriter.human(MetricCell.value(a.after)))", spark]
            out.write(facts.joined(separator: "  ") + "\n")
            for line in wrap(a.explanation, width: width - 4) { out.write("    \(line)\n") }
            for line in wrap(item.context, width: width - 4) { out.write("    \(line)\n") }
        }
        out.flush()
    }

    /// The metric over the event and as long again before and after, in block characters.
    private func sparkline(_ item: ListedAnomaly) throws -> String {
        let a = item.anomaly
        let span = max(a.end - a.start, 7 * 86_400)
        let page = PageRef(id: a.pageID, platform: item.platform, handle: item.page)
        let rows = try db.history(of: page, metrics: [a.metric], until: a.end + span)
            .filter { $0.time >= a.start - span }
        let values = rows.compactMap { $0.values[0] }
        return Sparkline.draw(values, width: 24)
    }

    private func colour(_ text: String, _ severity: String) -> String {
        guard Terminal.colourAllowed else { return text }
        let code = severity == "critical" ? "1;31" : severity == "warning" ? "33" : "2"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
