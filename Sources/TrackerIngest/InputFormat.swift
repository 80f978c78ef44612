/// The formats `tracker ingest` reads.
public enum InputFormat: String, CaseIterable, Sendable {
    case csv, tsv, ndjson, json, twitter, facebook, youtube

    /// The format a file name implies (`.csv`, `.tsv`/`.tab`, `.ndjson`/`.jsonl`, `.json`).
    public static func guess(path: String) -> InputFormat? {
        let name = path.lowercased()
        guard let dot = name.lastIndex(of: "."), name != "-" else { return nil }
        switch name[name.index(after: dot)...] {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "ndjson", "jsonl": return .ndjson
        case "json": return .json
        default: return nil
        }
    }

    /// A reader of this format over `source`.
    public func reader(source: ByteSource, options: ReadOptions) -> any ObservationReader {
        switch self {
        case .csv: return WideRowReader(source: source, delimiter: UInt8(ascii: ","), quoting: true, options: options)
        case .tsv: return WideRowReader(source: source, delimiter: 9, quoting: false, options: options)
        case .ndjson: return JSONRowReader(source: source, layout: .lines, options: options)
        case .json: return JSONRowReader(source: source, layout: .array, options: options)
        case .twitter: return APIPayloadReader(source: source, kind: .twitter, options: options)
        case .facebook: return APIPayloadReader(source: source, kind: .facebook, options: options)
        case .youtube: return APIPayloadReader(source: source, kind: .youtube, options: options)
        }
    }
}
