import Foundation
import TrackerTime

/// Reads wide rows as JSON objects, one per line (NDJSON) or as the elements of one array:
/// `{"page": "cloudwatt", "platform": "facebook", "observed_at": "2014-02-03", "fans": 994}`.
/// A null means not observed; numbers may also be given as strings.
public struct JSONRowReader: ObservationReader {
    public enum Layout: Sendable { case lines, array }

    let source: ByteSource
    let layout: Layout
    let options: ReadOptions

    public init(source: ByteSource, layout: Layout, options: ReadOptions) {
        self.source = source
        self.layout = layout
        self.options = options
    }

    public func read(_ emit: (ObservationBatch) throws -> Void) throws {
        var builder = BatchBuilder(source: source.name, options: options)
        func handle(_ bytes: [UInt8], _ line: Int) throws {
            let raw = options.keepRaw ? String(decoding: bytes, as: UTF8.self) : nil
            do {
                let row = try self.row(from: bytes, line: line)
                try builder.append(row, line: line, raw: raw, emit: emit)
            } catch let error as IngestError where options.skipInvalid {
                try builder.reject(error, raw: raw)
            }
        }
        switch layout {
        case .lines:
            try LineScanner.forEachObjectLine(of: source, handle)
        case .array:
            try JSONArrayScanner(source: source).forEachElement { try handle($0, $1) }
        }
        try builder.flush(emit: emit)
    }

    private func row(from bytes: [UInt8], line: Int) throws -> Row {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            throw IngestError(source: source.name, line: line, message: "is not valid JSON: \(reason)")
        }
        guard let fields = object as? [String: Any] else {
            throw IngestError(source: source.name, line: line, message: "is not a JSON object")
        }
        return try Row(fields: fields, source: source.name, line: line, options: options)
    }
}

/// One wide row read from a JSON object.
struct Row {
    /// An ISO 8601 text, or Unix seconds as text or as a whole JSON number.
    static func time(_ value: Any) -> Int64? {
        switch value {
        case let text as String: return UTCTime.parse(text) ?? UTCTime.parseUnixSeconds(text)
        case let number as NSNumber where !JSONNumbers.isBoolean(number) && number.doubleValue == number.doubleValue.rounded():
            return UTCTime.parseUnixSeconds(number.stringValue)
        default: return nil
        }
    }

    var platform: String
    var page: String
    var time: Int64
    var metrics: [(name: String, value: Double)]

    init(fields: [String: Any], source: String, line: Int, options: ReadOptions) throws {
        func fail(_ column: String, _ value: Any?, _ message: String) -> IngestError {
            IngestError(source: source, line: line, column: column, value: value.map { "\($0)" }, message: message)
        }
        var byName: [String: Any] = [:]
        for (key, value) in fields {
            guard let name = FieldRules.metric(key) else { throw fail(key, nil, "is not a field name (letters, digits and '_')") }
            byName[name] = value
        }
        guard let pageText = byName.removeValue(forKey: "page") else { throw fail("page", nil, "is missing") }
        guard let text = pageText as? String, let page = FieldRules.page(text) else { throw fail("page", pageText, "is not a page name") }
        self.page = page
        if let value = byName.removeValue(forKey: "platform"), !(value is NSNull) {
            guard let text = value as? String, let name = FieldRules.platform(text) else {
                throw fail("platform", value, "is not a platform name (\(FieldRules.platformHint))")
            }
            platform = name
        } else if let name = options.platform {
            platform = name
        } else {
            throw fail("platform", nil, "is missing: add it, or give --platform")
        }
        guard let timeValue = byName.removeValue(forKey: "observed_at") else { throw fail("observed_at", nil, "is missing") }
        guard let time = Self.time(timeValue) else { throw fail("observed_at", timeValue, FieldRules.timeProblem) }
        guard time <= options.latestAcceptable else { throw fail("observed_at", timeValue, "is in the future") }
        self.time = time
        metrics = []
        for (name, value) in byName.sorted(by: { $0.key < $1.key }) {
            do {
                if let number = try JSONNumbers.number(value, metric: name) { metrics.append((name, number)) }
            } catch let problem as JSONNumbers.Problem {
                throw fail(name, problem.value, problem.message)
            }
        }
    }
}

/// Numbers in JSON payloads: JSON numbers, or numeric strings as some APIs send them.
enum JSONNumbers {
    struct Problem: Error { let value: String; let message: String }

    /// JSON `true`/`false` arrive as NSNumber too; they are not metric values.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// The value, nil for null or absent; throws `IngestError`-ready problems.
    static func number(_ value: Any, metric: String) throws -> Double? {
        let parsed: MetricValue.Parsed
        switch value {
        case is NSNull: return nil
        case let number as NSNumber where !JSONNumbers.isBoolean(number):
            parsed = .value(number.doubleValue)
        case let text as String:
            parsed = MetricValue.parse(text)
        default:
            throw Problem(value: json(value), message: "is not a number")
        }
        switch parsed {
        case .missing: return nil
        case .invalid(let message): throw Problem(value: "\(value)", message: message)
        case .value(let number):
            if let message = MetricValue.problem(with: number, metric: metric) { throw Problem(value: "\(value)", message: message) }
            return number
        }
    }

    /// A value as JSON text (`{"n":3}`, `true`), as it stood in the input.
    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) else {
            return "\(value)"
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Groups rows into batches; a row with another set of metrics starts a new batch.
struct BatchBuilder {
    let source: String
    let options: ReadOptions
    private var batch: ObservationBatch?

    init(source: String, options: ReadOptions) {
        self.source = source
        self.options = options
    }

    mutating func append(_ row: Row, line: Int, raw: String?, emit: (ObservationBatch) throws -> Void) throws {
        let names = row.metrics.map(\.name)
        if let current = batch, current.metrics != names || current.count + current.rejected.count >= options.batchSize {
            try flush(emit: emit)
        }
        if batch == nil { batch = ObservationBatch(source: source, metrics: names) }
        batch!.append(platform: row.platform, page: row.page, time: row.time, line: line,
                      values: row.metrics.map(\.value), raw: raw)
    }

    mutating func reject(_ error: IngestError, raw: String?) throws {
        if batch == nil { batch = ObservationBatch(source: source, metrics: []) }
        batch!.reject(error, raw: raw)
    }

    mutating func flush(emit: (ObservationBatch) throws -> Void) throws {
        if let batch, !batch.isEmpty { try emit(batch) }
        batch = nil
    }
}
