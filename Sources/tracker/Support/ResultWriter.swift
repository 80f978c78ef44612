import Foundation
import TrackerStore

/// Writes rows in the chosen format: streams csv, tsv, json and ndjson; buffers a table to align it.
///
/// - table: aligned columns, numbers right-aligned with thousands separators.
/// - csv: RFC 4180 with a header; tsv: a header, tabs and line breaks in values become spaces.
/// - json: one array of objects; ndjson: one object per line. Numbers stay numbers, NULL is null.
final class ResultWriter {
    let format: OutputFormat
    let columns: [String]
    private let out = StandardOutput()
    private var tableRows: [[SQLValue]] = []
    private var rowCount = 0

    init(format: OutputFormat, columns: [String]) {
        self.format = format
        self.columns = columns
        switch format {
        case .csv: out.write(columns.map(Self.csvField).joined(separator: ",") + "\n")
        case .tsv: out.write(columns.map(Self.tsvField).joined(separator: "\t") + "\n")
        case .json: out.write("[")
        case .table, .ndjson: break
        }
    }

    func write(_ row: [SQLValue]) {
        defer { rowCount += 1 }
        switch format {
        case .table: tableRows.append(row)
        case .csv: out.write(row.map { Self.csvField(Self.plain($0)) }.joined(separator: ",") + "\n")
        case .tsv: out.write(row.map { Self.tsvField(Self.plain($0)) }.joined(separator: "\t") + "\n")
        case .json: out.write((rowCount == 0 ? "\n" : ",\n") + jsonObject(row))
        case .ndjson: out.write(jsonObject(row) + "\n")
        }
    }

    func finish() {
        switch format {
        case .table: writeTable()
        case .json: out.write(rowCount == 0 ? "]\n" : "\n]\n")
        case .csv, .tsv, .ndjson: break
        }
        out.flush()
    }

    // MARK: - Table

    private func writeTable() {
        let cells = tableRows.map { $0.map(Self.human) }
        let numeric = columns.indices.map { index in
            tableRows.contains { row in
                if case .integer = row[index] { return true }
                if case .real = row[index] { return true }
                return false
            }
        }
        let widths = columns.indices.map { index in
            max(columns[index].count, cells.map { $0[index].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            values.indices.map { index in
                let padding = String(repeating: " ", count: widths[index] - values[index].count)
                return numeric[index] ? padding + values[index] : values[index] + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let header = line(columns)
        out.write((Terminal.colourAllowed ? "\u{1B}[1m\(header)\u{1B}[0m" : header) + "\n")
        out.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
        for row in cells { out.write(line(row) + "\n") }
    }

    // MARK: - Value rendering

    /// For people: thousands separators, rounded reals, empty NULLs.
    static func human(_ value: SQLValue) -> String {
        switch value {
        case .null: return ""
        case .integer(let v): return grouped(v)
        case .real(let v): return humanReal(v)
        case .text(let v): return v
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        }
    }

    /// `1 row`, `2 rows`, `1,000 accounts`: a summary line reads as a sentence.
    static func counted(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        grouped(Int64(value)) + " " + (value == 1 ? noun : plural ?? noun + "s")
    }

    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    static func humanReal(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let magnitude = abs(value)
        if magnitude >= 1000 {
            let whole = grouped(Int64(value.rounded(.towardZero)))
            let fraction = String(format: "%.1f", magnitude.truncatingRemainder(dividingBy: 1)).dropFirst(1)
            return (value < 0 && whole == "0" ? "-" : "") + whole + fraction
        }
        var text = String(format: magnitude >= 1 ? "%.2f" : "%.4g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// For machines: full precision, no separators.
    static func plain(_ value: SQLValue) -> String {
        switch value {
        case .null: return ""
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let v): return v
        case .blob(let bytes): return bytes.map { String(format: "%02x", $0) }.joined()
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func tsvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : String($0) }.joined()
    }

    // MARK: - JSON

    private func jsonObject(_ row: [SQLValue]) -> String {
        "{" + zip(columns, row).map { Self.jsonString($0) + ": " + Self.json($1) }.joined(separator: ", ") + "}"
    }

    static func json(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let v): return String(v)
        case .real(let v): return v.isFinite ? String(v) : "null"
        case .text(let v): return jsonString(v)
        case .blob(let bytes): return jsonString(bytes.map { String(format: "%02x", $0) }.joined())
        }
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
