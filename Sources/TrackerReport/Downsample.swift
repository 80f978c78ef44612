/// Largest-triangle-three-buckets (Steinarsson, 2013): picks `threshold` points that keep the
/// shape of a series, spikes included, for drawing. The stored data is never touched.
public enum Downsample {
    public static func lttb(_ xs: [Double], _ ys: [Double], threshold: Int) -> [Int] {
        let n = xs.count
        guard threshold >= 3, n > threshold else { return Array(0..<n) }
        var picked = [0]
        let bucket = Double(n - 2) / Double(threshold - 2)
        var a = 0
        for b in 0..<(threshold - 2) {
            // The average of the next bucket is the third corner of the triangle.
            let nextStart = Int(Double(b + 1) * bucket) + 1, nextEnd = min(Int(Double(b + 2) * bucket) + 1, n)
            var avgX = 0.0, avgY = 0.0
            for j in nextStart..<max(nextEnd, nextStart + 1) where j < n { avgX += xs[j]; avgY += ys[j] }
            let count = Double(max(1, min(nextEnd, n) - nextStart))
            avgX /= count
            avgY /= count
            let start = Int(Double(b) * bucket) + 1, end = Int(Double(b + 1) * bucket) + 1
            var best = start, bestArea = -1.0
            for j in start..<min(end, n) {
                let area = abs((xs[a] - avgX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (avgY - ys[a]))
                if area > bestArea { bestArea = area; best = j }
            }
            picked.append(best)
            a = best
        }
        picked.append(n - 1)
        return picked
    }
}
