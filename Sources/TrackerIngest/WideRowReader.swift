import TrackerTime

/// Reads wide rows from CSV or TSV: a header naming `page`, `observed_at`, an optional
/// `platform`, and any number of numeric metric columns; one snapshot per row.
///
/// ```
/// page,platform,observed_at,followers,engagement_rate
/// cloudwatt,facebook,2014-02-03,994,0.28
/// ```
public struct WideRowReader: ObservationReader {
    let scanner: CSVScanner
    let source: String
    let options: ReadOptions

    public init(source: ByteSource, delimiter: UInt8, quoting: Bool, options: ReadOptions) {
        self.scanner = CSVScanner(source: source, delimiter: delimiter, quoting: quoting)
        self.source = source.name
        self.options = options
    }

    public func read(_ emit: (ObservationBatch) throws -> Void) throws {
        var layout: Layout?
        var batch: ObservationBatch?
        var row: [Double] = []
        var lastPage: (bytes: [UInt8], name: String)?
        var headerText: String?
        try scanner.forEachRecord { record in
            guard let columns = layout else {
                let header = try Layout(header: record, source: source, defaultPlatform: options.platform)
                layout = header
                headerText = record.rawText
                batch = ObservationBatch(source: source, metrics: header.metrics)
                batch!.header = headerText
                row = [Double](repeating: .nan, count: header.metrics.count)
                return
            }
            do {
                let (platform, page, time) = try identify(record, columns, lastPage: &lastPage)
                for (slot, column) in columns.metricColumns.enumerated() {
                    row[slot] = try value(record, column: column, metric: columns.metrics[slot], names: columns)
                }
                batch!.append(platform: platform, page: page, time: time, line: record.line, values: row,
                              raw: options.keepRaw ? record.rawText : nil)
            } catch let error as IngestError where options.skipInvalid {
                batch!.reject(error, raw: options.keepRaw ? record.rawText : nil)
            }
            if batch!.count + batch!.rejected.count >= options.batchSize {
                try emit(batch!)
                batch = ObservationBatch(source: source, metrics: columns.metrics)
                batch!.header = headerText
            }
        }
        guard let batch else { throw IngestError(source: source, message: "is empty: expected a header line and rows") }
        if !batch.isEmpty { try emit(batch) }
    }

    private func identify(_ record: CSVScanner.Record, _ columns: Layout,
                          lastPage: inout (bytes: [UInt8], name: String)?) throws -> (String, String, Int64) {
        guard record.count == columns.names.count else {
            let what = record.count < columns.names.count ? "a truncated row" : "a row with extra fields"
            throw IngestError(source: source, line: record.line,
                              message: "has \(record.count) fields but the header has \(columns.names.count): \(what)")
        }
        let platform: String
        if let column = columns.platform {
            guard let text = record.string(column), let name = FieldRules.platform(text) else {
                throw IngestError(source: source, line: record.line, column: "platform", value: record.string(column) ?? "",
                                  message: "is not a platform name (\(FieldRules.platformHint))")
            }
            platform = name
        } else {
            platform = columns.defaultPlatform!
        }
        let pageBytes = record.bytes(columns.page)
        let page: String
        if let last = lastPage, last.bytes.elementsEqual(pageBytes) {
            page = last.name  // rows of one page usually come together
        } else {
            guard let text = record.string(columns.page), let name = FieldRules.page(text) else {
                throw IngestError(source: source, line: record.line, column: "page",
                                  value: String(decoding: pageBytes, as: UTF8.self), message: "is not a page name")
            }
            page = name
            lastPage = (Array(pageBytes), name)
        }
        let timeBytes = record.bytes(columns.time)
        guard let time = UTCTime.parse(bytes: timeBytes) ?? UTCTime.parseUnixSeconds(bytes: timeBytes) else {
            throw IngestError(source: source, line: record.line, column: "observed_at",
                              value: String(decoding: timeBytes, as: UTF8.self), message: FieldRules.timeProblem)
        }
        guard time <= options.latestAcceptable else {
            throw IngestError(source: source, line: record.line, column: "observed_at",
                              value: String(decoding: timeBytes, as: UTF8.self), message: "is in the future")
        }
        return (platform, page, time)
    }

    private func value(_ record: CSVScanner.Record, column: Int, metric: String, names: Layout) throws -> Double {
        let bytes = record.bytes(column)
        let problem: String
        switch MetricValue.parse(bytes: bytes) {
        case .missing: return .nan
        case .value(let value):
            guard let issue = MetricValue.problem(with: value, metric: metric) else { return value }
            problem = issue
        case .invalid(let issue):
            problem = issue
        }
        throw IngestError(source: source, line: record.line, column: names.names[column],
                          value: String(decoding: bytes, as: UTF8.self), message: problem)
    }
}

/// Which column holds what, from the header line.
struct Layout {
    let names: [String]
    let page: Int
    let time: Int
    let platform: Int?
    let defaultPlatform: String?
    let metricColumns: [Int]
    let metrics: [String]

    init(header: CSVScanner.Record, source: String, defaultPlatform: String?) throws {
        var names: [String] = []
        for index in 0..<header.count {
            guard let text = header.string(index) else {
                throw IngestError(source: source, line: header.line, message: "has a header that is not UTF-8 text (binary data?)")
            }
            guard let name = FieldRules.metric(text) else {
                // Spreadsheets set to a European locale write CSV with semicolons.
                let separator = header.count == 1 && text.contains(";") ? ": the file seems to be ';'-separated, and CSV is ','-separated" : ""
                throw IngestError(source: source, line: header.line, column: "#\(index + 1)", value: text,
                                  message: "is not a column name (letters, digits and '_')" + separator)
            }
            if names.contains(name) {
                throw IngestError(source: source, line: header.line, column: name, message: "appears twice in the header")
            }
            names.append(name)
        }
        func required(_ name: String) throws -> Int {
            guard let index = names.firstIndex(of: name) else {
                throw IngestError(source: source, line: header.line,
                                  message: "has no '\(name)' column (found: \(names.joined(separator: ", "))); "
                                      + "wide rows need page, observed_at and metric columns")
            }
            return index
        }
        self.names = names
        page = try required("page")
        time = try required("observed_at")
        platform = names.firstIndex(of: "platform")
        if platform == nil && defaultPlatform == nil {
            throw IngestError(source: source, line: header.line,
                              message: "has no 'platform' column: add one, or give --platform")
        }
        self.defaultPlatform = defaultPlatform
        let identifying = [page, time, platform]
        let metricColumns = names.indices.filter { !identifying.contains($0) }
        self.metricColumns = metricColumns
        metrics = metricColumns.map { names[$0] }
        if metrics.isEmpty {
            throw IngestError(source: source, line: header.line, message: "has no metric columns besides page, platform and observed_at")
        }
    }
}
