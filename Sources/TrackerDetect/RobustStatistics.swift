/// Median and spread that a few wild values cannot move.
enum Robust {
    /// The median of `values` (reordered in place). NaN when empty.
    static func median(_ values: inout [Double]) -> Double {
        values.withUnsafeMutableBufferPointer { median($0) }
    }

    /// The median of the values in `a` (reordered in place). NaN when empty.
    static func median(_ a: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = a.count
        guard n > 0 else { return .nan }
        let upper = select(a, n / 2)
        if n % 2 == 1 { return upper }
        var lower = a[0]
        for i in 0..<(n / 2) where a[i] > lower { lower = a[i] }
        return (lower + upper) / 2
    }

    /// The standard deviation of a normal sample with the same smallest 80% of absolute deviations
    /// (`values`, all ≥ 0, reordered in place): as robust to a few wild values as the MAD, but
    /// half as noisy on small samples.
    static func trimmedSigma(_ values: inout [Double]) -> Double {
        // E[X² | |X| < z₀.₉] = 0.4377 for a standard normal X.
        (meanSquareOfSmallest(&values, keeping: max(1, values.count * 4 / 5)) / 0.4377).squareRoot()
    }

    /// The mean square of the `kept` smallest of `values` (all ≥ 0, reordered in place; 0 when
    /// none are kept). The smallest are found in any order: a selection, not a sort.
    static func meanSquareOfSmallest(_ values: inout [Double], keeping kept: Int) -> Double {
        guard kept > 0 else { return 0 }
        if kept < values.count { _ = values.withUnsafeMutableBufferPointer { select($0, kept) } }
        var sum = 0.0
        for i in 0..<kept { sum += values[i] * values[i] }
        return sum / Double(kept)
    }

    /// The value with half the total weight on either side (`pairs` reordered in place; the lower
    /// one where a value's weight ends exactly at half). NaN when empty.
    static func weightedMedian(_ pairs: inout [(value: Double, weight: Double)]) -> Double {
        pairs.sort { $0.value < $1.value }
        let half = pairs.reduce(0) { $0 + $1.weight } / 2
        var sum = 0.0
        for pair in pairs {
            sum += pair.weight
            if sum >= half { return pair.value }
        }
        return pairs.last?.value ?? .nan
    }

    /// The standard deviation a normal sample with this median absolute deviation would have.
    static func sigma(_ values: inout [Double], around center: Double) -> Double {
        for i in values.indices { values[i] = abs(values[i] - center) }
        return 1.4826 * median(&values)
    }

    /// The spread of changes around 0 (in time order; reordered in place) for a series that may
    /// rest on most days. `overall` judges a sum of many changes: the size of the moves it does
    /// make, scaled by how often it makes them, so that a zero MAD does not make every move look
    /// infinitely unusual (twitter/AnomalyDetection #58, #67). `perMove` judges one change: on a
    /// page that rests on a third of its days or more, a move is measured against the moves it
    /// usually makes, not against the rests between them. Changes in a row are one move: a count
    /// that moved hours before a capture and on after it shows one move as a big and a small change.
    static func flatSigma(_ values: inout [Double]) -> (overall: Double, perMove: Double) {
        for i in values.indices { values[i] = abs(values[i]) }
        guard !values.isEmpty else { return (0, 0) }
        // The MAD is positive exactly when at most half the values are zero: counted, not selected.
        let moving = values.reduce(0) { $1 > 0 ? $0 + 1 : $0 }
        if moving >= values.count - values.count / 2 {
            let sigma = trimmedSigma(&values)  // already absolute
            return (sigma, sigma)
        }
        var moves: [Double] = []
        var run = 0.0
        for x in values {
            if x > 1e-9 { run += x } else if run > 0 { moves.append(run); run = 0 }
        }
        if run > 0 { moves.append(run) }
        let mad = 1.4826 * median(&values)
        guard !moves.isEmpty, moves.count * 3 < values.count * 2 else { return (mad, mad) }
        let typicalMove = 1.4826 * median(&moves)
        let overall = max(mad, typicalMove * (Double(moves.count) / Double(values.count)).squareRoot())
        // A typical move is told from fewer than five only by chance.
        return (overall, moves.count >= 5 ? max(mad, typicalMove) : overall)
    }

    /// The second-largest size of `departures` (signed, in time order), where departures in a row
    /// of one sign, each beyond `cut`, are one event sized by the largest: a purchase delivered
    /// over two days is one past event, as a single day's is, and does not set the bar alone.
    static func secondLargestEvent(_ departures: [Double], cut: Double) -> Double {
        var first = 0.0, second = 0.0
        func add(_ x: Double) {
            if x > first { (first, second) = (x, first) } else if x > second { second = x }
        }
        var run = 0.0, runSign = 0.0
        for d in departures {
            let size = abs(d), sign: Double = d < 0 ? -1 : 1
            if size > cut, sign == runSign { run = max(run, size); continue }
            add(run)
            (run, runSign) = size > cut ? (size, sign) : (0, 0)
            if size <= cut { add(size) }
        }
        add(run)
        return second
    }

    /// Quickselect: the k-th smallest value; afterwards a[..<k] ≤ it ≤ a[k...]. On a buffer: it
    /// is the hottest loop of detection (each week's baselines).
    private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var low = 0, high = a.count - 1
        while low < high {
            let pivot = a[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return a[k] }
        }
        return a[k]
    }
}

/// The median of a few sorted values, and the median of the others when one of them is left out:
/// it depends only on whether the value left out lies below the median, at it, or above it.
struct MedianWithoutOne {
    let median: Double
    private let low: Double, middle: Double, high: Double
    private let lowBound: Double, highBound: Double

    /// `sorted` must hold at least 3 values, in order.
    init(sorted values: [Double]) {
        self = values.withUnsafeBufferPointer { MedianWithoutOne(sorted: $0) }
    }

    init(sorted s: UnsafeBufferPointer<Double>) {
        let m = s.count, h = m / 2
        if m % 2 == 1 {
            median = s[h]
            (lowBound, highBound) = (s[h - 1], s[h])
            (low, middle, high) = ((s[h] + s[h + 1]) / 2, (s[h - 1] + s[h + 1]) / 2, (s[h - 1] + s[h]) / 2)
        } else {
            median = (s[h - 1] + s[h]) / 2
            (lowBound, highBound) = (s[h - 1], s[h - 1])
            (low, middle, high) = (s[h], s[h], s[h - 1])
        }
    }

    /// The median without one of the values equal to `value` (which must be one of them).
    func without(_ value: Double) -> Double {
        value <= lowBound ? low : value <= highBound ? middle : high
    }
}

/// The median of a window sliding forward over a series, kept sorted as it moves:
/// O(window) per step instead of a selection over the whole window.
struct RollingMedian {
    private var sorted: [Double] = []
    private(set) var range = 0..<0

    /// Moves the window to `target` (which must not start or end before the current window),
    /// or rebuilds it when it jumps.
    mutating func move(to target: Range<Int>, in values: [Double]) {
        if target.lowerBound < range.lowerBound || target.upperBound < range.upperBound
            || target.lowerBound >= range.upperBound {
            sorted = values[target].sorted()
            range = target
            return
        }
        for j in range.lowerBound..<target.lowerBound { remove(values[j]) }
        for j in range.upperBound..<target.upperBound { insert(values[j]) }
        range = target
    }

    var median: Double {
        let n = sorted.count
        guard n > 0 else { return .nan }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// How far the farthest value of the window lies from its median (0 when empty).
    var extreme: Double {
        guard let lowest = sorted.first, let highest = sorted.last else { return 0 }
        return max(highest - median, median - lowest)
    }

    /// `Robust.sigma` of the window around its median, to the last bit, without a selection:
    /// the distances from the median, smallest first, are read walking outward from the middle.
    var sigma: Double {
        let n = sorted.count
        guard n > 0 else { return .nan }
        let center = median
        var right = position(center), left = right - 1
        var previous = 0.0, current = 0.0
        for _ in 0...(n / 2) {
            previous = current
            if left >= 0, right >= n || center - sorted[left] <= sorted[right] - center {
                current = center - sorted[left]
                left -= 1
            } else {
                current = sorted[right] - center
                right += 1
            }
        }
        return 1.4826 * (n % 2 == 1 ? current : (previous + current) / 2)
    }

    private func position(_ value: Double) -> Int { sorted.lowerBound(of: value) }

    private mutating func insert(_ value: Double) { sorted.insert(value, at: position(value)) }

    private mutating func remove(_ value: Double) {
        let index = position(value)
        if index < sorted.count, sorted[index] == value { sorted.remove(at: index) }
    }
}
