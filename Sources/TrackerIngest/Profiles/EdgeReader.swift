import Foundation

/// One follow edge read, or one refused under `skipInvalid`; first, for CSV and TSV, the header line as written.
public enum EdgeItem {
    case header(String)
    case edge(source: String, target: String, line: Int, raw: String?)
    case rejected(RejectedRow)
}

/// Streams follow edges, `source` follows `target`, each an account id or handle: CSV or TSV with a header
/// (`source,target`; also `from,to` or `follower,followed`), or NDJSON objects with the same keys.
public struct EdgeReader {
    static let names: [(source: String, target: String)] = [("source", "target"), ("from", "to"), ("follower", "followed")]

    let source: ByteSource
    let format: ProfileFormat
    let options: ReadOptions

    public init(source: ByteSource, format: ProfileFormat, options: ReadOptions) {
        self.source = source
        self.format = format
        self.options = options
    }

    public func read(_ emit: (EdgeItem) throws -> Void) throws {
        switch format {
        case .csv: try readDelimited(delimiter: UInt8(ascii: ","), quoting: true, emit)
        case .tsv: try readDelimited(delimiter: 9, quoting: false, emit)
        case .ndjson:
            try LineScanner.forEachObjectLine(of: source) { try readObject($0, line: $1, emit) }
        case .json, .twitter:
            throw IngestError(source: source.name, message: "edges are read from csv, tsv or ndjson, not \(format.rawValue)")
        }
    }

    private func readDelimited(delimiter: UInt8, quoting: Bool, _ emit: (EdgeItem) throws -> Void) throws {
        var columns: (source: Int, target: Int, names: (String, String), width: Int)?
        try CSVScanner(source: source, delimiter: delimiter, quoting: quoting).forEachRecord { record in
            guard let known = columns else {
                let header = (0..<record.count).map { (record.string($0) ?? "").trimmingSpaces.lowercased() }
                for pair in Self.names {
                    if let s = header.firstIndex(of: pair.source), let t = header.firstIndex(of: pair.target) {
                        columns = (s, t, pair, header.count)
                        return try emit(.header(record.rawText))
                    }
                }
                throw IngestError(source: source.name, line: record.line,
                                  message: "has no source and target columns (header: \(header.prefix(6).joined(separator: ",")))")
            }
            let raw = options.keepRaw ? record.rawText : nil
            try attempt(line: record.line, raw: raw, emit) {
                guard record.count == known.width else {
                    throw IngestError(source: source.name, line: record.line, message: "has \(record.count) fields, the header has \(known.width)")
                }
                return (try endpoint(record.string(known.source), column: known.names.0, line: record.line),
                        try endpoint(record.string(known.target), column: known.names.1, line: record.line))
            }
        }
        if columns == nil { throw IngestError(source: source.name, message: "is empty: expected a header line") }
    }

    private func readObject(_ bytes: [UInt8], line: Int, _ emit: (EdgeItem) throws -> Void) throws {
        let raw = options.keepRaw ? String(decoding: bytes, as: UTF8.self) : nil
        try attempt(line: line, raw: raw, emit) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                throw IngestError(source: source.name, line: line, message: "is not a JSON object")
            }
            for pair in Self.names where object[pair.source] != nil || object[pair.target] != nil {
                return (try endpoint(object[pair.source], column: pair.source, line: line),
                        try endpoint(object[pair.target], column: pair.target, line: line))
            }
            throw IngestError(source: source.name, line: line, message: "has no \"source\" and \"target\"")
        }
    }

    /// An account id (string or whole number) or handle, not empty.
    private func endpoint(_ value: Any?, column: String, line: Int) throws -> String {
        let text: String?
        switch value {
        case let string as String: text = string.trimmingSpaces
        case let number as NSNumber where !JSONNumbers.isBoolean(number) && number.doubleValue == number.doubleValue.rounded():
            text = number.stringValue
        default: text = nil
        }
        guard let text, !text.isEmpty, text != "@" else {
            throw IngestError(source: source.name, line: line, column: column, value: value.map { "\($0)" },
                              message: value == nil ? "is missing" : "is not an account id or handle")
        }
        return text
    }

    private func attempt(line: Int, raw: String?, _ emit: (EdgeItem) throws -> Void, _ read: () throws -> (String, String)) throws {
        do {
            let (from, to) = try read()
            guard from != to else {
                throw IngestError(source: source.name, line: line, value: from, message: "follows itself")
            }
            try emit(.edge(source: from, target: to, line: line, raw: raw))
        } catch let error as IngestError where options.skipInvalid {
            try emit(.rejected(RejectedRow(error: error, raw: raw)))
        }
    }
}
