import Testing
@testable import TrackerIngest

@Suite struct MetricValueTests {
    @Test func fastPathRoundsLikeTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...15, using: &generator)
            let mantissa = String(UInt64.random(in: 0..<UInt64(pow10(digits)), using: &generator))
            let point = Int.random(in: 0...mantissa.count, using: &generator)
            var text = mantissa
            if point < mantissa.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            #expect(MetricValue.parse(text) == .value(Double(text)!), "\(text)")
        }
    }

    private func pow10(_ n: Int) -> UInt64 { (0..<n).reduce(1) { r, _ in r * 10 } }

    @Test func parsesNumbersAndMissing() {
        #expect(MetricValue.parse("") == .missing)
        #expect(MetricValue.parse("  ") == .missing)
        #expect(MetricValue.parse(" 994 ") == .value(994))
        #expect(MetricValue.parse("0.28") == .value(0.28))
        #expect(MetricValue.parse("1e3") == .value(1000))
        #expect(MetricValue.parse("12345678901234567890") == .value(Double("12345678901234567890")!))
    }

    /// Dashboards export engagement rates as percentages.
    @Test func aPercentageIsItsHundredthPart() {
        #expect(MetricValue.parse("2.5%") == .value(0.025))
        #expect(MetricValue.parse(" 28 % ") == .value(0.28))
    }

    @Test(arguments: ["abc", "12x", "1,234", "--1", "1.2.3", "0x", ".", "%", "5%%", "%5"])
    func rejectsWhatIsNotANumber(_ text: String) {
        guard case .invalid = MetricValue.parse(text) else {
            Issue.record("\(text) parsed as a number")
            return
        }
    }

    @Test(arguments: ["nan", "inf", "-inf", "1e400"])
    func rejectsNonFiniteValues(_ text: String) {
        #expect(MetricValue.parse(text) == .invalid("is not a finite number"))
    }

    @Test func checksCountsAndRates() {
        #expect(MetricValue.problem(with: -1, metric: "followers") != nil)
        #expect(MetricValue.problem(with: -0.5, metric: "engagement_rate") != nil)
        #expect(MetricValue.problem(with: 12.5, metric: "followers") != nil)
        #expect(MetricValue.problem(with: 12.5, metric: "likes_per_post") == nil)
        #expect(MetricValue.problem(with: 0.04, metric: "engagement_rate") == nil)
        #expect(MetricValue.problem(with: 4140, metric: "fans") == nil)
    }
}
