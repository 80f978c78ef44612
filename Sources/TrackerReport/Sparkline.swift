/// Values as a line of ▁▂▃▄▅▆▇█, resampled to at most `width` characters (each character shows
/// the value of its bucket farthest from the bucket's mean, so spikes survive).
public enum Sparkline {
    static let blocks = Array("▁▂▃▄▅▆▇█")

    public static func draw(_ values: [Double], width: Int) -> String {
        guard let low = values.min(), let high = values.max() else { return "" }
        var sampled = values
        if values.count > width {
            sampled = (0..<width).map { bucket in
                let slice = values[(bucket * values.count / width)..<((bucket + 1) * values.count / width)]
                let mean = slice.reduce(0, +) / Double(slice.count)
                return slice.max { abs($0 - mean) < abs($1 - mean) } ?? mean
            }
        }
        guard high > low else { return String(repeating: blocks[0], count: sampled.count) }
        return String(sampled.map { blocks[min(7, Int((($0 - low) / (high - low)) * 7.999))] })
    }
}
