/// Streams the lines of a text input (LF or CRLF) through a fixed buffer, for NDJSON.
/// Rejects NUL bytes and lines longer than 1 MiB; accepts a UTF-8 BOM.
final class LineScanner {
    private let source: ByteSource
    private var buffer: [UInt8]
    private var filled = 0
    private var position = 0
    private var atEOF = false
    private var line = 0

    init(source: ByteSource) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: CSVScanner.maxRecordBytes + (1 << 20))
    }

    /// Calls `body` with each non-blank line (without its line end) and its number.
    func forEachLine(_ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        while let (range, number) = try nextLine() {
            var end = range.upperBound
            if end > range.lowerBound, buffer[end - 1] == 13 { end -= 1 }
            let text = buffer[range.lowerBound..<end]
            if text.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            try body(text, number)
        }
    }

    private func nextLine() throws -> (Range<Int>, Int)? {
        while true {
            if let newline = buffer[position..<filled].firstIndex(of: 10) {
                defer { position = newline + 1 }
                line += 1
                return try checked(position..<newline)
            }
            if atEOF {
                guard position < filled else { return nil }
                defer { position = filled }
                line += 1
                return try checked(position..<filled)
            }
            if filled - position > CSVScanner.maxRecordBytes {
                throw IngestError(source: source.name, line: line + 1, message: "is longer than 1 MiB")
            }
            try refill()
        }
    }

    private func checked(_ range: Range<Int>) throws -> (Range<Int>, Int) {
        if buffer[range].contains(0) {
            throw IngestError(source: source.name, line: line, message: "holds a NUL byte: this is binary data, not text")
        }
        return (range, line)
    }

    private func refill() throws {
        let firstRead = filled == 0 && position == 0 && line == 0
        buffer.replaceSubrange(0..<(filled - position), with: buffer[position..<filled])
        filled -= position
        position = 0
        let count = try buffer.withUnsafeMutableBytes {
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
        }
        if count == 0 { atEOF = true }
        filled += count
        if firstRead, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }
}

extension LineScanner {
    /// Calls `body` with each non-blank line of an NDJSON input; an input without any is an error.
    static func forEachObjectLine(of source: ByteSource, _ body: ([UInt8], Int) throws -> Void) throws {
        var any = false
        try LineScanner(source: source).forEachLine { bytes, line in
            any = true
            try body(Array(bytes), line)
        }
        if !any { throw IngestError(source: source.name, message: "is empty: expected one JSON object per line") }
    }
}
