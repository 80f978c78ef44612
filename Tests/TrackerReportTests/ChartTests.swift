import Foundation
import Testing
@testable import TrackerReport

@Suite struct TicksTests {
    @Test func linearTicksAreRound() {
        #expect(Ticks.linear(0, 100, count: 5) == [0, 20, 40, 60, 80, 100])
        #expect(Ticks.linear(960, 4164, count: 4) == [1000, 2000, 3000, 4000])
        #expect(Ticks.linear(0, 1, count: 4) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Ticks.linear(0.038, 0.284, count: 4) == [0.05, 0.1, 0.15, 0.2, 0.25])
    }

    @Test func logTicksArePowersOfTen() {
        #expect(Ticks.logarithmic(300, 2_000_000).allSatisfy { [1.0, 2, 5].contains($0 / pow10(floorLog($0))) })
        #expect(Ticks.logarithmic(300, 2_000_000).contains(1_000_000))
    }

    @Test func labelsAreCompact() {
        #expect(Ticks.label(1_500_000) == "1.5M")
        #expect(Ticks.label(12_000) == "12k")
        #expect(Ticks.label(1000) == "1k")
        #expect(Ticks.label(0.05) == "0.05")
    }

    private func floorLog(_ v: Double) -> Double { (log10(v)).rounded(.down) }
    private func pow10(_ e: Double) -> Double { pow(10, e) }
}

@Suite struct DownsampleTests {
    @Test func keepsTheSpike() {
        let xs = (0..<10_000).map(Double.init)
        var ys = xs.map { sin($0 / 300) }
        ys[7_777] = 50
        let kept = Downsample.lttb(xs, ys, threshold: 200)
        #expect(kept.count == 200)
        #expect(kept.contains(7_777))
        #expect(kept.first == 0 && kept.last == 9_999)
        #expect(kept == kept.sorted())
    }

    @Test func shortSeriesAreKeptWhole() {
        #expect(Downsample.lttb([1, 2, 3], [1, 2, 3], threshold: 10) == [0, 1, 2])
    }
}

@Suite struct TerminalChartTests {
    let day: Int64 = 86_400

    func series(_ values: [Double], skip: Range<Int> = 0..<0) -> ChartSeries {
        let days = values.indices.filter { !skip.contains($0) }
        return ChartSeries(name: "fans", times: days.map { 1_388_534_400 + Int64($0) * day }, values: days.map { values[$0] })
    }

    @Test func fitsTheWidthAndMarksAnomalies() {
        let values: [Double] = (0..<180).map { (d: Int) -> Double in d > 60 ? Double(1000 + (d - 60) * 25) : Double(1000 + d) }
        let chart = TerminalChart(width: 80, height: 8)
        let start: Int64 = 1_388_534_400 + 60 * day, end: Int64 = 1_388_534_400 + 150 * day
        let lines = chart.render(series(values), marks: [ChartPeriod(start: start, end: end, label: "surge")])
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.count == 1 + 8 + 2 + 1)
        #expect(lines.last?.contains("━") == true && lines.last?.contains("surge") == true)
        #expect(lines.contains { $0.contains("2014-03") })  // round dates on the time axis
        #expect(lines.contains { (line: String) -> Bool in line.contains("3k ┤") })
    }

    @Test func asciiModeIsPlainASCII() {
        let lines = TerminalChart(width: 60, height: 6, ascii: true).render(series((0..<100).map { Double($0 * $0) }),
                                                                               marks: [.init(start: 1_388_534_400, end: 1_388_534_400 + 10 * day, label: "spike")])
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(lines.joined().contains("*"))
    }

    @Test func gapsAreNotJoined() {
        // A flat series with a long gap: with a line drawn across it, every column would have a dot.
        let values = [Double](repeating: 5, count: 120)
        let lines = TerminalChart(width: 60, height: 4, ascii: true).render(series(values, skip: 40..<90))
        let plotRow = lines.first { $0.contains("*") } ?? ""
        #expect(plotRow.contains("*   ") || plotRow.contains("* "))
        #expect(plotRow.contains(String(repeating: " ", count: 10)))
    }

    @Test func wideRangesUseALogScale() {
        let values = (0..<100).map { pow(10, 2 + Double($0) / 25) }  // 100 to ~1M
        let lines = TerminalChart(width: 70, height: 8).render(series(values))
        #expect(lines.contains { $0.contains("1k ") } && lines.contains { $0.contains("100k") })
    }
}

@Suite struct SparklineTests {
    @Test func showsTheShape() {
        #expect(Sparkline.draw([1, 2, 3, 4, 5, 6, 7, 8], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.draw([3, 3, 3], width: 10) == "▁▁▁")
        let long = (0..<1000).map { $0 == 500 ? 100.0 : 1.0 }
        #expect(Sparkline.draw(long, width: 20).contains("█"))  // the spike survives resampling
        #expect(Sparkline.draw([], width: 5) == "")
    }
}
