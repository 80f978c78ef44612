import Foundation
import Testing
@testable import TrackerReport

@Suite struct HTMLReportTests {
    static let day: Int64 = 86_400
    static let start: Int64 = 1_391_385_600  // 2014-02-03

    static func cloudwattLike() -> PageReport {
        let times = (0..<20).map { start + Int64($0) * 7 * day }
        let fans = times.indices.map { 994 + Double($0) * 165 }
        let rate = times.indices.map { 0.28 - Double($0) * 0.0126 }
        return PageReport(platform: "facebook", handle: "cloud<watt>", metrics: [
            .init(name: "fans", times: times, values: fans), .init(name: "engagement_rate", times: times, values: rate),
        ], events: [
            .init(metric: "fans", kind: "dilution", start: times[0], end: times[17], detectedAt: times[6], severity: "critical",
                  explanation: "fans rose 994 → 4,140 while engagement rate fell: the engaged audience shrank."),
        ])
    }

    @Test func isOneWellFormedFileWithNoExternalResource() throws {
        let html = HTMLReport.page([Self.cloudwattLike()], generatedAt: Self.start + 200 * Self.day)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=") && !html.contains("@import"))
        #expect(try balancedTags(html))
        #expect(html.contains("cloud&lt;watt&gt;"))  // escaped
        #expect(html.contains("@media print"))
    }

    @Test func showsTheNumbersAnAnalystNeeds() {
        let html = HTMLReport.page([Self.cloudwattLike()], generatedAt: Self.start)
        #expect(html.contains("4,129"))  // latest fans: 994 + 19 × 165
        #expect(html.contains("<li><span>7 d</span> +165</li>"))
        #expect(html.contains("<li><span>30 d</span> +825</li>"))  // against the last snapshot at least 30 days old: 35 days
        #expect(html.contains("<li><span>365 d</span> —</li>"))  // not that much history
        #expect(html.contains("Fans and engagement rate"))  // the dilution picture, two axes
        #expect(html.contains("class=\"line second\""))
        #expect(html.contains("<title>Fans</title>") && html.contains("<desc>"))
        #expect(html.contains("the engaged audience shrank"))
        #expect(html.contains("class=\"period\""))
        #expect(html.contains("Daily average"))
    }

    @Test func gapsAreGapsAndLongHistoriesStayLight() {
        // Ten years of daily values with a year missing in the middle.
        let times = (0..<3650).filter { !(1500..<1865).contains($0) }.map { Self.start + Int64($0) * Self.day }
        let values = times.indices.map { 1000 + Double($0) * 3 + ($0 == 2500 ? 50_000 : 0) }
        let chart = SVGChart().render(title: "t", description: "d", left: .init(name: "fans", times: times, values: values))
        let path = chart.components(separatedBy: "<path class=\"line\" d=\"")[1].components(separatedBy: "\"")[0]
        #expect(path.filter { $0 == "M" }.count == 2)  // the line restarts after the gap
        #expect(path.filter { $0 == "L" }.count < 600)  // downsampled for drawing
        let report = PageReport(platform: "twitter", handle: "big", metrics: [.init(name: "followers", times: times, values: values)], events: [])
        let html = HTMLReport.page([report], generatedAt: Self.start)
        #expect(html.utf8.count < 1_000_000)
    }

    @Test func wideRangesUseALogAxis() {
        let times = (0..<101).map { Self.start + Int64($0) * Self.day }
        let values = (0..<101).map { pow(10, 2 + Double($0) / 25) }
        let svg = SVGChart().render(title: "t", description: "d", left: .init(name: "views", times: times, values: values))
        #expect(svg.contains(">1k<") && svg.contains(">100k<") && svg.contains(">1M<"))
    }

    @Test func theIndexLinksEveryPage() throws {
        let html = HTMLReport.index([("facebook-cloudwatt.html", Self.cloudwattLike())], generatedAt: Self.start)
        #expect(html.contains("href=\"facebook-cloudwatt.html\""))
        #expect(html.contains("dilution"))
        #expect(try balancedTags(html))
    }

    /// Every element that is opened is closed, in order (void and self-closed elements aside).
    func balancedTags(_ html: String) throws -> Bool {
        let void: Set<String> = ["meta", "br", "img", "input", "link", "hr", "!doctype"]
        let regex = try NSRegularExpression(pattern: "<(/?)([a-zA-Z!][a-zA-Z0-9]*)[^>]*?(/?)>")
        var stack: [String] = []
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let closing = Range(match.range(at: 1), in: html).map { !html[$0].isEmpty } ?? false
            let name = Range(match.range(at: 2), in: html).map { html[$0].lowercased() } ?? ""
            let selfClosing = Range(match.range(at: 3), in: html).map { !html[$0].isEmpty } ?? false
            if void.contains(name) || selfClosing { continue }
            if closing {
                guard stack.popLast() == name else { return false }
            } else {
                stack.append(name)
            }
        }
        return stack.isEmpty
    }
}
