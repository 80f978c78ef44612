import Foundation
import TrackerAudit

/// The formats `tracker followers ingest` reads.
public enum ProfileFormat: String, CaseIterable, Sendable {
    /// Delimited rows with a header; columns named as in `ProfileField` (ours, Twitter v1.1/v2, Instagram).
    case csv, tsv
    /// One user object per line, or one array of them (streamed).
    case ndjson, json
    /// One API response, read whole: v2 `{"data": [...]}`, v1.1 `{"users": [...]}`, or an array.
    case twitter

    public static func guess(path: String) -> ProfileFormat? {
        InputFormat.guess(path: path).flatMap { ProfileFormat(rawValue: $0.rawValue) }
    }

    /// `json` for a file that opens with `[` (an array of user objects), `twitter` for one that
    /// opens with `{` (an API response saved as it came): the name `.json` says neither.
    public static func json(sniffing path: String) -> ProfileFormat {
        guard let file = FileHandle(forReadingAtPath: path) else { return .json }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: 4096)) ?? Data()
        let first = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "{") ? .twitter : .json
    }
}

/// One account read, or one refused under `skipInvalid`; first, for CSV and TSV, the header line as written.
public enum ProfileItem {
    case header(String)
    case profile(Profile, line: Int, raw: String?)
    case rejected(RejectedRow)
}

/// Streams the accounts of a roster file, in the file's order, checking every value.
///
/// Unknown columns and fields are ignored, so API objects can be stored as they come. A column
/// that exists but is empty (or null) means "none" for text (no description) and "unknown" for
/// counts, times and flags.
public struct ProfileReader {
    let source: ByteSource
    let format: ProfileFormat
    let options: ReadOptions

    public init(source: ByteSource, format: ProfileFormat, options: ReadOptions) {
        self.source = source
        self.format = format
        self.options = options
    }

    public func read(_ emit: (ProfileItem) throws -> Void) throws {
        switch format {
        case .csv: try readDelimited(delimiter: UInt8(ascii: ","), quoting: true, emit)
        case .tsv: try readDelimited(delimiter: 9, quoting: false, emit)
        case .ndjson:
            try LineScanner.forEachObjectLine(of: source) { try readObject($0, line: $1, emit) }
        case .json: try JSONArrayScanner(source: source).forEachElement { try readObject($0, line: $1, emit) }
        case .twitter: try readResponse(emit)
        }
    }

    // MARK: - Delimited

    private func readDelimited(delimiter: UInt8, quoting: Bool, _ emit: (ProfileItem) throws -> Void) throws {
        var columns: [ProfileField: (index: Int, name: String)]?
        var width = 0
        try CSVScanner(source: source, delimiter: delimiter, quoting: quoting).forEachRecord { record in
            guard let known = columns else {
                let names = (0..<record.count).map { (record.string($0) ?? "").trimmingSpaces.lowercased() }
                columns = try Self.layout(names, source: source.name)
                width = names.count
                return try emit(.header(record.rawText))
            }
            let raw = options.keepRaw ? record.rawText : nil
            try attempt(line: record.line, raw: raw, emit) {
                guard record.count == width else {
                    throw ProfileDecoder.Problem(column: "", value: nil, message: "has \(record.count) fields, the header has \(width)")
                }
                return try ProfileDecoder.decode { field in
                    guard let column = known[field] else { return nil }
                    guard let text = record.string(column.index) else { return (column.name, .invalidText) }
                    return (column.name, .text(text))
                }
            }
        }
        if columns == nil { throw IngestError(source: source.name, message: "is empty: expected a header line") }
    }

    /// For each field, the first of its names the header has.
    static func layout(_ names: [String], source: String) throws -> [ProfileField: (index: Int, name: String)] {
        var layout: [ProfileField: (Int, String)] = [:]
        for field in ProfileField.allCases {
            for alias in field.aliases { if let index = names.firstIndex(of: alias) { layout[field] = (index, alias); break } }
        }
        guard layout[.id] != nil || layout[.handle] != nil else {
            throw IngestError(source: source, line: 1, message: "has no id or handle column (header: \(names.prefix(8).joined(separator: ",")))")
        }
        return layout
    }

    // MARK: - JSON

    private func readObject(_ bytes: [UInt8], line: Int, _ emit: (ProfileItem) throws -> Void) throws {
        let raw = options.keepRaw ? String(decoding: bytes, as: UTF8.self) : nil
        try attempt(line: line, raw: raw, emit) {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            } catch {
                let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
                throw ProfileDecoder.Problem(column: "", value: nil, message: "is not valid JSON: \(reason)")
            }
            return try Self.profile(of: object)
        }
    }

    private func readResponse(_ emit: (ProfileItem) throws -> Void) throws {
        let bytes = try source.readAll(limit: APIPayloadReader.maxPayloadBytes)
        let payload: Any
        do {
            payload = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            throw IngestError(source: source.name, message: "is not valid JSON: \(reason)")
        }
        let users: [Any], key: String
        if let array = payload as? [Any] { (users, key) = (array, "") }
        else if let object = payload as? [String: Any], let found = ["data", "users"].first(where: { object[$0] is [Any] }) {
            (users, key) = (object[found] as! [Any], found)
        } else {
            throw IngestError(source: source.name, message: "is not a Twitter users response (expected \"data\" or \"users\": [...])")
        }
        for (index, user) in users.enumerated() {
            try attempt(line: nil, raw: nil, emit, path: "\(key)[\(index)]") { try Self.profile(of: user) }
        }
    }

    /// A JSON user object: flat, v1.1, or v2 (its `public_metrics` read as top-level fields).
    static func profile(of object: Any) throws -> Profile {
        guard var fields = object as? [String: Any] else {
            throw ProfileDecoder.Problem(column: "", value: nil, message: "is not a JSON object")
        }
        if let metrics = fields["public_metrics"] as? [String: Any] {
            for (key, value) in metrics where fields[key] == nil { fields[key] = value }
        }
        return try ProfileDecoder.decode { field in
            for alias in field.aliases { if let value = fields[alias] { return (alias, ProfileDecoder.Raw(value)) } }
            return nil
        }
    }

    // MARK: - Errors

    /// Decodes one row; a refused value becomes an `IngestError` naming the source, line and column.
    /// `path` names the user object inside an API response (`data[3]`), which has no lines.
    private func attempt(line: Int?, raw: String?, _ emit: (ProfileItem) throws -> Void, path: String? = nil,
                         _ decode: () throws -> Profile) throws {
        do {
            try emit(.profile(try decode(), line: line ?? 1, raw: raw))
        } catch let problem as ProfileDecoder.Problem {
            let column = [path, problem.column.isEmpty ? nil : problem.column].compactMap { $0 }.joined(separator: ".")
            let error = IngestError(source: source.name, line: line, column: column.isEmpty ? nil : column,
                                    value: problem.value, message: problem.message)
            guard options.skipInvalid else { throw error }
            try emit(.rejected(RejectedRow(error: error, raw: raw)))
        }
    }
}
