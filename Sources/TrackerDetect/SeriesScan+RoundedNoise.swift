import Foundation

extension SeriesScan {
    /// The audience's own noise (per √day) under a rounded count's departures over `range`: their
    /// spread less what rounding alone makes of a steady rate. That part is no uniform error of
    /// step²/6: a count growing half a step a day moves a whole step every other day, a spread of
    /// half a step with no noise at all. For a change of x steps it is step² · frac(x)(1 − frac(x)),
    /// blurred toward step²/6 by the noise itself (its Fourier terms damped as by a normal noise), so
    /// the noise is found by a few rounds from the floor.
    /// Nil when the count shows every unit (nothing to take out). Kept out of line: most counts are not rounded.
    @inline(never) mutating func roundedOwnNoise(_ range: ClosedRange<Int>, _ departures: [Double],
                                                 rate: Double, shortest: Double) -> (quantum: Double, noise: Double)? {
        let q = quantum(range)
        guard q > 1 else { return nil }
        let floor = floored(0, level: v[range.upperBound], quantum: 1, rate: rate)
        // The largest 5% (at least 2: a past event over two days) left out, and not scaled as for a
        // normal sample: a rounded count's departures are two-valued.
        var sizes = departures.map(abs)
        let spread = Robust.meanSquareOfSmallest(&sizes, keeping: sizes.count - max(2, sizes.count / 20))
        var sigma = floor
        for _ in 0..<3 {
            var rounding = 0.0, count = 0.0
            for j in range where dt[j] > 0 && dt[j] >= shortest {  // the intervals `departures` holds
                rounding += q * q * Self.roundingShare(steps: rate * dt[j] / q, blur: sigma * rootDt[j] / q) / dt[j]
                count += 1
            }
            sigma = max(floor, max(0, spread - rounding / max(count, 1)).squareRoot())
        }
        return (q, sigma)
    }

    /// E[frac(x + e)(1 − frac(x + e))] for a normal e of standard deviation `blur` (in steps): the
    /// variance that rounding adds to a change of x steps.
    static func roundingShare(steps x: Double, blur s: Double) -> Double {
        var share = 1.0 / 6
        for k in 1...4 {
            let kk = Double(k * k)
            share -= cos(2 * .pi * Double(k) * x) * exp(-2 * .pi * .pi * kk * s * s) / (.pi * .pi * kk)
        }
        return share
    }
}
