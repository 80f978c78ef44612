/// The rules every reader applies to the identifying fields of a row.
public enum FieldRules {
    /// A platform name: lower-cased letters, digits, `-`, `_` or `.`.
    public static func platform(_ text: String) -> String? {
        let name = text.trimmingSpaces.lowercased()
        guard !name.isEmpty, name.count <= 64,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.".unicodeScalars.contains($0)) })
        else { return nil }
        return name
    }

    /// A page handle as given, without surrounding spaces or a leading `@`.
    public static func page(_ text: String) -> String? {
        var name = text.trimmingSpaces
        if name.hasPrefix("@") { name.removeFirst() }
        guard !name.isEmpty, name.utf8.count <= 512,
              !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return name
    }

    /// A metric name from a header or a JSON key: lower-cased, spaces and dashes as `_`.
    static func metric(_ text: String) -> String? {
        let name = String(text.trimmingSpaces.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        guard !name.isEmpty, name.count <= 128,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789_.".unicodeScalars.contains($0)) })
        else { return nil }
        return name
    }

    public static let platformHint = "platform names are letters, digits, '-', '_' or '.'"

    static let timeProblem = "is not an ISO 8601 date or time, nor Unix seconds (like 2014-02-03, 2014-02-03T10:00:00Z or 1391421600)"
}
