/// A named series of observations, as every chart draws it.
public struct ChartSeries: Sendable {
    public let name: String
    public let times: [Int64]
    public let values: [Double]

    public init(name: String, times: [Int64], values: [Double]) {
        self.name = name
        self.times = times
        self.values = values
    }
}

/// A labelled stretch of time marked on a chart (an anomaly period).
public struct ChartPeriod: Sendable {
    public let start: Int64
    public let end: Int64
    public let label: String

    public init(start: Int64, end: Int64, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}
