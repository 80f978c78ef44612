/// Bad input: names the source, line, column and offending value.
///
/// Printed as `daily.csv, line 12, column "followers": "12x" is not a number`.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    public var source: String
    public var line: Int?
    public var column: String?
    public var value: String?
    public var message: String

    public init(source: String, line: Int? = nil, column: String? = nil, value: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    public var description: String {
        var location = source
        if let line { location += ", line \(line)" }
        if let column { location += ", column \"\(column)\"" }
        if let value { return "\(location): \(Self.quote(value)) \(message)" }
        return "\(location): \(message)"
    }

    /// Shows a value safely: at most 40 characters, control characters escaped.
    static func quote(_ value: String) -> String {
        var shown = ""
        for scalar in value.unicodeScalars.prefix(40) {
            shown += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        if value.unicodeScalars.count > 40 { shown += "…" }
        return "\"\(shown)\""
    }
}

/// A row left out under `--skip-invalid`, with why and (when asked for) its original text.
public struct RejectedRow: Sendable, Equatable {
    public let error: IngestError
    public let raw: String?
}
