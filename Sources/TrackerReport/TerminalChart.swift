import Foundation
import TrackerTime

/// A line chart for the terminal: braille dots (2×4 per character) or plain ASCII, a y axis with
/// round ticks (logarithmic when the values span more than two orders of magnitude), a time axis
/// with round dates, gaps left as gaps, and a row under the plot marking each anomaly period.
///
/// ```swift
/// let lines = TerminalChart(width: 80).render(series, marks: [.init(start: s, end: e, label: "surge")])
/// ```
public struct TerminalChart {
    public var width: Int
    public var height: Int
    public var ascii: Bool

    public init(width: Int = 80, height: Int = 10, ascii: Bool = false) {
        self.width = max(30, width)
        self.height = max(4, height)
        self.ascii = ascii
    }

    public func render(_ series: ChartSeries, marks: [ChartPeriod] = []) -> [String] {
        guard let first = series.times.first, let last = series.times.last, let low = series.values.min(),
              let high = series.values.max() else { return ["\(series.name): no data"] }
        let scale = YScale(low: low, high: high)
        let labels = scale.ticks.map(Ticks.label)
        let margin = (labels.map(\.count).max() ?? 1) + 1
        let columns = width - margin - 1
        let (cellWidth, cellHeight) = ascii ? (1, 1) : (2, 4)
        var grid = Grid(width: columns * cellWidth, height: height * cellHeight)
        let span = max(Double(last - first), 1)
        func x(_ t: Int64) -> Int { Int((Double(t - first) / span * Double(grid.width - 1)).rounded()) }
        func y(_ v: Double) -> Int { Int(((1 - scale.position(v)) * Double(grid.height - 1)).rounded()) }

        let keep = Downsample.lttbIndices(series, points: grid.width)
        let gaps = Gaps(series.times)
        var previous: Int?
        for index in keep {
            let point = (x(series.times[index]), y(series.values[index]))
            if let p = previous, !gaps.between(p, index) {
                grid.line(from: (x(series.times[p]), y(series.values[p])), to: point)
            } else {
                grid.set(point.0, point.1)
            }
            previous = index
        }

        var lines = [series.name]
        let tickRows = Dictionary(scale.ticks.enumerated().map { (y($1) / cellHeight, labels[$0]) }, uniquingKeysWith: { a, _ in a })
        for row in 0..<height {
            let label = tickRows[row] ?? ""
            let axis = tickRows[row] != nil ? (ascii ? "+" : "┤") : (ascii ? "|" : "│")
            lines.append(String(repeating: " ", count: margin - 1 - label.count) + label + " " + axis + grid.row(row, ascii: ascii))
        }
        lines += timeAxis(first: first, last: last, margin: margin, columns: columns)
        for mark in marks where mark.end >= first && mark.start <= last {
            let from = max(0, x(max(mark.start, first)) / cellWidth), to = min(columns - 1, x(min(mark.end, last)) / cellWidth)
            lines.append(String(repeating: " ", count: margin + 1) + Self.markRow(mark.label, from, max(from, to), columns, ascii))
        }
        return lines
    }

    /// A bar under the period, its label after it (or before it, when the bar reaches the edge).
    static func markRow(_ label: String, _ from: Int, _ to: Int, _ columns: Int, _ ascii: Bool) -> String {
        var row = Array(repeating: Character(" "), count: columns)
        for c in from...to { row[c] = ascii ? "=" : "━" }
        let text = Array(" " + label + " ")
        if to + text.count < columns {
            for (offset, character) in text.enumerated() { row[to + 1 + offset] = character }
        } else if from >= text.count {
            for (offset, character) in text.enumerated() { row[from - text.count + offset] = character }
        }
        return String(row).trimmingTrailingSpaces
    }



    private func timeAxis(first: Int64, last: Int64, margin: Int, columns: Int) -> [String] {
        let ticks = DateTicks.ticks(first, last, maxCount: max(2, columns / 12))
        var axis = Array(repeating: Character(ascii ? "-" : "─"), count: columns)
        var labels = Array(repeating: Character(" "), count: columns + 12)
        let span = max(Double(last - first), 1)
        for (time, label) in ticks {
            let column = Int((Double(time - first) / span * Double(columns - 1)).rounded())
            guard (0..<columns).contains(column), labels[column...].prefix(label.count + 1).allSatisfy({ $0 == " " }) else { continue }
            axis[column] = ascii ? "+" : "┬"
            for (offset, character) in label.enumerated() where column + offset < labels.count { labels[column + offset] = character }
        }
        let pad = String(repeating: " ", count: margin)
        return [pad + (ascii ? "+" : "└") + String(axis), pad + " " + String(labels).trimmingTrailingSpaces]
    }
}

/// Where values sit vertically: linear, or logarithmic over more than two orders of magnitude.
struct YScale {
    let low: Double
    let high: Double
    let logarithmic: Bool
    let ticks: [Double]

    init(low: Double, high: Double) {
        logarithmic = low > 0 && high / low > 100
        if logarithmic {
            self.low = low
            self.high = high
            ticks = Ticks.logarithmic(low, high)
        } else {
            let pad = high > low ? 0 : max(abs(high) * 0.1, 1)
            let ticks = Ticks.linear(low - pad, high + pad, count: 4)
            self.low = min(low - pad, ticks.first ?? low)
            self.high = max(high + pad, ticks.last ?? high)
            self.ticks = ticks
        }
    }

    /// 0 at the bottom, 1 at the top.
    func position(_ value: Double) -> Double {
        if logarithmic { return (log10(max(value, low)) - log10(low)) / max(log10(high) - log10(low), 1e-12) }
        return (value - low) / max(high - low, 1e-12)
    }
}

/// Dots on a grid, drawn as braille characters or ASCII.
struct Grid {
    let width: Int
    let height: Int
    private var dots: [Bool]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        dots = Array(repeating: false, count: width * height)
    }

    mutating func set(_ x: Int, _ y: Int) {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return }
        dots[y * width + x] = true
    }

    /// Bresenham's line.
    mutating func line(from a: (Int, Int), to b: (Int, Int)) {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y), sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y)
            if x == b.0 && y == b.1 { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    private static let brailleBits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    func row(_ row: Int, ascii: Bool) -> String {
        if ascii { return String((0..<width).map { dots[row * width + $0] ? "*" : " " }).trimmingTrailingSpaces }
        var text = ""
        for column in 0..<(width / 2) {
            var bits: UInt32 = 0
            for dy in 0..<4 {
                for dx in 0..<2 where dots[(row * 4 + dy) * width + column * 2 + dx] { bits |= Self.brailleBits[dy][dx] }
            }
            text.unicodeScalars.append(bits == 0 ? " " : Unicode.Scalar(0x2800 + bits)!)
        }
        return text.trimmingTrailingSpaces
    }
}

/// Round dates for a time axis: days, weeks, months, quarters or years.
enum DateTicks {
    static func ticks(_ first: Int64, _ last: Int64, maxCount: Int) -> [(Int64, String)] {
        let days = Double(last - first) / 86_400
        for (stepMonths, stepDays) in [(0, 1), (0, 7), (1, 0), (3, 0), (12, 0), (60, 0)] {
            let count = stepMonths == 0 ? days / Double(stepDays) : days / (30.4 * Double(stepMonths))
            guard count <= Double(maxCount) else { continue }
            return stepMonths == 0 ? dayTicks(first, last, stepDays) : monthTicks(first, last, stepMonths)
        }
        return monthTicks(first, last, 120)
    }

    private static func dayTicks(_ first: Int64, _ last: Int64, _ step: Int) -> [(Int64, String)] {
        var result: [(Int64, String)] = []
        var day = (first + 86_399) / 86_400
        if step == 7 { while (day + 3) % 7 != 0 { day += 1 } }  // Mondays
        while day * 86_400 <= last {
            result.append((day * 86_400, UTCTime.formatDate(day * 86_400)))
            day += Int64(step)
        }
        return result
    }

    private static func monthTicks(_ first: Int64, _ last: Int64, _ step: Int) -> [(Int64, String)] {
        let (year, month, _) = UTCTime.civilFromDays(first / 86_400)
        var index = year * 12 + (month - 1) + 1
        index = (index + step - 1) / step * step
        var result: [(Int64, String)] = []
        while true {
            let time = UTCTime.daysFromCivil(year: index / 12, month: index % 12 + 1, day: 1) * 86_400
            guard time <= last else { return result }
            let label = step >= 12 ? String(index / 12) : String(format: "%04d-%02d", index / 12, index % 12 + 1)
            result.append((time, label))
            index += step
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension Downsample {
    /// The indices of the points to draw `series` with at most `points` points.
    static func lttbIndices(_ series: ChartSeries, points: Int) -> [Int] {
        lttb(series.times.map(Double.init), series.values, threshold: max(3, points))
    }
}


/// Where a series has gaps: two observations further apart than 3 times the usual interval are
/// not joined, nor are two drawn points with such a gap anywhere between them (after downsampling).
struct Gaps {
    private let count: [Int]  // count[k]: gaps among the intervals ending at 1...k

    init(_ times: [Int64]) {
        var limit = Int64.max
        if times.count > 2 {
            var intervals = zip(times.dropFirst(), times).map { $0 - $1 }
            intervals.sort()
            limit = max(intervals[intervals.count / 2] * 3, 1)
        }
        var count = [0]
        for k in times.indices.dropFirst() { count.append(count[k - 1] + (times[k] - times[k - 1] > limit ? 1 : 0)) }
        self.count = count
    }

    /// Whether a gap lies between observations `a` < `b`.
    func between(_ a: Int, _ b: Int) -> Bool { count[b] - count[a] > 0 }
}
