import Foundation
import TrackerTime

/// An inline SVG line chart: one or two y axes (the second dashed, on the right), round ticks,
/// a logarithmic axis when a series spans more than two orders of magnitude, gaps left as gaps,
/// anomaly periods shaded (hatched, so they survive greyscale printing) and labelled, and a
/// `<title>`/`<desc>` for screen readers. Long series are downsampled for drawing (LTTB).
public struct SVGChart {
    public var width = 760.0
    public var height = 260.0
    /// Points drawn per line at most.
    public var maxPoints = 600
    let margin = (left: 58.0, right: 58.0, top: 16.0, bottom: 34.0)

    public init() {}

    /// `left` on the left axis; `right`, if any, dashed on its own axis on the right.
    public func render(title: String, description: String, left: ChartSeries, right: ChartSeries? = nil, periods: [ChartPeriod] = []) -> String {
        let all = [left] + (right.map { [$0] } ?? [])
        guard let first = all.compactMap(\.times.first).min(), let last = all.compactMap(\.times.last).max() else {
            return "<p class=\"empty\">No data for \(HTML.escape(title)).</p>"
        }
        let plot = (x: margin.left, y: margin.top, w: width - margin.left - margin.right, h: height - margin.top - margin.bottom)
        let span = max(Double(last - first), 1)
        func x(_ t: Int64) -> Double { plot.x + Double(t - first) / span * plot.w }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        svg += "<title>\(HTML.escape(title))</title><desc>\(HTML.escape(description))</desc>"
        svg += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        svg += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern></defs>"
        var labels = ""
        for (index, period) in periods.enumerated() where period.end >= first && period.start <= last {
            let x0 = x(max(period.start, first)), x1 = max(x(min(period.end, last)), x0 + 2)
            svg += "<rect class=\"period\" x=\(f(x0)) y=\(f(plot.y)) width=\(f(x1 - x0)) height=\(f(plot.h))/>"
            labels += "<text class=\"period-label\" x=\(f(x0 + 4)) y=\(f(plot.y + 14 + Double(index % 4) * 14))>\(HTML.escape(period.label))</text>"
        }
        svg += axisX(first: first, last: last, plot: plot, x: x)
        svg += draw(left, plot: plot, x: x, side: .left)
        if let right { svg += draw(right, plot: plot, x: x, side: .right) }
        return svg + labels + "</svg>"
    }

    private enum Side { case left, right }

    private func draw(_ line: ChartSeries, plot: (x: Double, y: Double, w: Double, h: Double), x: (Int64) -> Double, side: Side) -> String {
        guard let low = line.values.min(), let high = line.values.max() else { return "" }
        let scale = YScale(low: low, high: high)
        func y(_ v: Double) -> Double { plot.y + (1 - scale.position(v)) * plot.h }
        var svg = ""
        let axisX = side == .left ? plot.x : plot.x + plot.w
        for tick in scale.ticks {
            let ty = y(tick)
            if side == .left { svg += "<line class=\"grid\" x1=\(f(plot.x)) y1=\(f(ty)) x2=\(f(plot.x + plot.w)) y2=\(f(ty))/>" }
            let anchor = side == .left ? "end" : "start", offset = side == .left ? -6.0 : 6.0
            svg += "<text class=\"tick \(side == .left ? "" : "right")\" x=\(f(axisX + offset)) y=\(f(ty + 4)) text-anchor=\"\(anchor)\">\(Ticks.label(tick))</text>"
        }
        let keep = Downsample.lttb(line.times.map(Double.init), line.values, threshold: maxPoints)
        let gaps = Gaps(line.times)
        var path = "", previous: Int?
        for index in keep {
            let command = previous.map { !gaps.between($0, index) } == true ? "L" : "M"
            path += "\(command)\(f2(x(line.times[index]))),\(f2(y(line.values[index])))"
            previous = index
        }
        let cls = side == .left ? "line" : "line second"
        svg += "<path class=\"\(cls)\" d=\"\(path)\"><title>\(HTML.escape(line.name))</title></path>"
        if keep.count == 1, let only = keep.first {
            svg += "<circle class=\"\(cls)\" cx=\(f(x(line.times[only]))) cy=\(f(y(line.values[only]))) r=\"2.5\"/>"
        }
        return svg
    }

    private func axisX(first: Int64, last: Int64, plot: (x: Double, y: Double, w: Double, h: Double), x: (Int64) -> Double) -> String {
        var svg = "<line class=\"axis\" x1=\(f(plot.x)) y1=\(f(plot.y + plot.h)) x2=\(f(plot.x + plot.w)) y2=\(f(plot.y + plot.h))/>"
        for (time, label) in DateTicks.ticks(first, last, maxCount: Int(plot.w / 80)) {
            let tx = x(time)
            svg += "<line class=\"axis\" x1=\(f(tx)) y1=\(f(plot.y + plot.h)) x2=\(f(tx)) y2=\(f(plot.y + plot.h + 4))/>"
            svg += "<text class=\"tick\" x=\(f(tx)) y=\(f(plot.y + plot.h + 18)) text-anchor=\"middle\">\(label)</text>"
        }
        return svg
    }

    private func f(_ value: Double) -> String { "\"\(f2(value))\"" }
    private func f2(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Escaping for HTML text and attributes.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
