import Foundation
import Testing

@Suite struct ChartCommandTests {
    let example = repositoryRoot.appendingPathComponent("examples/cloudwatt.csv").path

    @Test func drawsEachMetricWithItsAnomalyPeriods() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest", "--quiet", example]).status == 0)
        let chart = try box.run(["chart", "--page", "cloudwatt", "--platform", "twitter", "--metric", "following",
                                 "--ascii", "--width", "80", "--height", "6"])
        #expect(chart.status == 0, "\(chart.stderr)")
        let lines = chart.stdout.split(separator: "\n")
        #expect(lines.first == "twitter/cloudwatt - following")
        #expect(lines.allSatisfy { $0.count <= 80 && $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(chart.stdout.contains("follow_churn"))
        #expect(chart.stdout.contains("2014-04"))
        let braille = try box.run(["chart", "--page", "cloudwatt", "--width", "100"])
        #expect(braille.stdout.contains("facebook/cloudwatt · fans") && braille.stdout.contains("dilution"))
        #expect(braille.stdout.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        #expect(try box.run(["chart", "--page", "nobody"]).status == 1)
        #expect(try box.run(["chart", "--page", "cloudwatt", "--width", "10"]).status == 64)
    }

    @Test func tablesShowSparklines() throws {
        let box = try Sandbox()
        #expect(try box.run(["ingest", "--quiet", example]).status == 0)
        let pages = try box.run(["pages", "--table"])
        #expect(pages.stdout.contains("trend") && pages.stdout.contains("█"))
        #expect(!(try box.run(["pages", "--csv"]).stdout.contains("trend")))
        let history = try box.run(["history", "--page", "cloudwatt", "--platform", "facebook", "--metric", "fans", "--table"])
        #expect(history.stdout.hasPrefix("facebook/cloudwatt  fans  ▁"))
        #expect(history.stdout.contains("960 → 4,164"))
    }
}
