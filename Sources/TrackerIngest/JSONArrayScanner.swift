/// Streams the elements of a top-level JSON array (`[ {...}, {...} ]`) one at a time,
/// so a large array never sits in memory whole. Each element is handed out as its bytes.
final class JSONArrayScanner {
    private let source: ByteSource
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init(source: ByteSource) { self.source = source }

    /// Calls `body` with each element's bytes and the line it starts on.
    func forEachElement(_ body: ([UInt8], Int) throws -> Void) throws {
        var line = 1, depth = 0, inString = false, escaped = false, started = false, finished = false
        var element: [UInt8] = [], elementLine = 1, sawAny = false
        func fail(_ message: String) -> IngestError { IngestError(source: source.name, line: line, message: message) }
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            for byte in chunk[0..<count] {
                sawAny = true
                if byte == 10 { line += 1 }
                if byte == 0 { throw fail("holds a NUL byte: this is binary data, not JSON") }
                if !started {
                    if byte == UInt8(ascii: "[") { started = true; continue }
                    if byte == 0xEF || byte == 0xBB || byte == 0xBF || isSpace(byte) { continue }
                    throw fail("is not a JSON array (expected '[')")
                }
                if finished {
                    if !isSpace(byte) { throw fail("has text after the closing ']'") }
                    continue
                }
                if inString {
                    element.append(byte)
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 {
                        if !element.isEmpty { try body(element, elementLine) }
                        finished = true
                        continue
                    }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 {
                        guard !element.isEmpty else { throw fail("has an empty element (',,')") }
                        try body(element, elementLine)
                        element.removeAll(keepingCapacity: true)
                        continue
                    }
                default:
                    if isSpace(byte) && element.isEmpty { continue }
                }
                if element.isEmpty { elementLine = line }
                element.append(byte)
                if element.count > CSVScanner.maxRecordBytes { throw fail("has an element longer than 1 MiB") }
            }
        }
        if !sawAny { throw IngestError(source: source.name, message: "is empty: expected a JSON array") }
        if !finished { throw fail("ends before the array closes: the file looks truncated") }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
}
