/// Snapshots read from an input, in columns: row `i` is page `pages[i]` of `platforms[i]`
/// at `times[i]` (Unix seconds, UTC), with `values[i * metrics.count + j]` for metric `metrics[j]`
/// (NaN = not observed). Readers hand out batches of bounded size so memory stays flat.
public struct ObservationBatch: Sendable {
    public let source: String
    public let metrics: [String]
    public private(set) var platforms: [String] = []
    public private(set) var pages: [String] = []
    public private(set) var times: [Int64] = []
    public private(set) var lines: [Int] = []
    public private(set) var values: [Double] = []
    /// The original text of each row, kept only when rejects are written to a file.
    public private(set) var raw: [String] = []
    public private(set) var rejected: [RejectedRow] = []
    /// The header line of delimited input, to head a rejects file.
    public var header: String?

    public init(source: String, metrics: [String]) {
        self.source = source
        self.metrics = metrics
    }

    public var count: Int { times.count }
    public var isEmpty: Bool { times.isEmpty && rejected.isEmpty }

    public func values(ofRow row: Int) -> ArraySlice<Double> {
        values[row * metrics.count ..< (row + 1) * metrics.count]
    }

    public mutating func append(platform: String, page: String, time: Int64, line: Int,
                                values rowValues: some Collection<Double>, raw rawText: String? = nil) {
        precondition(rowValues.count == metrics.count)
        platforms.append(platform)
        pages.append(page)
        times.append(time)
        lines.append(line)
        values.append(contentsOf: rowValues)
        if let rawText { raw.append(rawText) }
    }

    public mutating func reject(_ error: IngestError, raw: String?) {
        rejected.append(RejectedRow(error: error, raw: raw))
    }
}
