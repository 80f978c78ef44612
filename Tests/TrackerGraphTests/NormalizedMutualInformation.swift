import Foundation

/// Test support: how much two partitions of the same nodes agree: 1 when identical up to labels, near 0 when unrelated
/// (arithmetic normalisation, as scikit-learn's default).
enum NormalizedMutualInformation {
    static func of(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count)
        let n = Double(a.count)
        guard n > 0 else { return 1 }
        var joint: [Int: [Int: Int]] = [:], countA: [Int: Int] = [:], countB: [Int: Int] = [:]
        for (x, y) in zip(a, b) {
            joint[x, default: [:]][y, default: 0] += 1
            countA[x, default: 0] += 1
            countB[y, default: 0] += 1
        }
        func entropy(_ counts: [Int: Int]) -> Double {
            counts.values.reduce(0) { let p = Double($1) / n; return $0 - p * log(p) }
        }
        var mutual = 0.0
        for (x, row) in joint {
            for (y, count) in row {
                let p = Double(count) / n
                mutual += p * log(p / (Double(countA[x]!) / n * Double(countB[y]!) / n))
            }
        }
        let (ha, hb) = (entropy(countA), entropy(countB))
        guard ha + hb > 0 else { return 1 }
        return max(0, 2 * mutual / (ha + hb))
    }
}
