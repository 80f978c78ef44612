import Foundation

/// Streams the records of a delimited file (RFC 4180 CSV, or TSV without quoting) from a
/// `ByteSource` through a fixed buffer: memory stays flat whatever the file size.
///
/// Accepts a UTF-8 BOM, LF or CRLF line ends and quoted fields with `""` escapes and line breaks.
/// Rejects NUL bytes (binary data), records longer than `maxRecordBytes`, and a quoted field
/// left open at the end of the input (a truncated file).
public final class CSVScanner {
    public static let maxRecordBytes = 1 << 20

    /// One field of the current record: a byte range in the buffer.
    struct Field {
        var start: Int
        var end: Int
        var hasEscapedQuotes: Bool
    }

    private let source: ByteSource
    private let delimiter: UInt8
    private let quoting: Bool
    private var buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var position = 0
    private var atEOF = false
    private var fields: [Field] = []
    private var checkedBOM = false
    /// The physical line the next record starts on (1-based).
    private var nextLine = 1

    public init(source: ByteSource, delimiter: UInt8, quoting: Bool) {
        self.source = source
        self.delimiter = delimiter
        self.quoting = quoting
        // Room for the longest record plus a chunk of reading ahead.
        buffer = .allocate(byteCount: Self.maxRecordBytes + (1 << 20), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Calls `body` with each record, skipping blank lines. The record is valid only during the call.
    public func forEachRecord(_ body: (Record) throws -> Void) throws {
        while true {
            guard let (start, end, line) = try nextRecord() else { return }
            let base = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
            if fields.count == 1, fields[0].start == fields[0].end { continue }  // blank line
            try fields.withUnsafeBufferPointer { fields in
                try body(Record(bytes: base, fields: fields, line: line, range: start..<end))
            }
        }
    }

    // MARK: - Scanning

    private func nextRecord() throws -> (Int, Int, Int)? {
        while true {
            if position >= filled && atEOF { return nil }
            var newlines = 0
            let start = position
            if let end = try scanRecord(from: start, newlines: &newlines) {
                if end - start > Self.maxRecordBytes {
                    throw IngestError(source: source.name, line: nextLine, message: "is longer than 1 MiB (not a text file of rows?)")
                }
                let line = nextLine
                nextLine += newlines
                position = end
                return (start, end, line)
            }
            if filled - start > Self.maxRecordBytes {
                throw IngestError(source: source.name, line: nextLine, message: "is longer than 1 MiB (not a text file of rows?)")
            }
            try refill()
        }
    }

    /// Moves the unread tail to the front and reads more after it.
    private func refill() throws {
        let tail = filled - position
        if position > 0, tail > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: tail)
        }
        filled = tail
        position = 0
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
        if count == 0 { atEOF = true }
        filled += count
        if !checkedBOM {
            checkedBOM = true
            let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if filled >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        }
    }

    /// Scans one record from `start`: the index past its line end, or nil when the buffer
    /// holds only part of it and more input may follow.
    private func scanRecord(from start: Int, newlines: inout Int) throws -> Int? {
        let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let end = filled, quote = UInt8(ascii: "\""), lf: UInt8 = 10, cr: UInt8 = 13
        var i = start
        fields.removeAll(keepingCapacity: true)
        newlines = 1
        while true {
            var fieldEnd: Int
            if quoting, i < end, bytes[i] == quote {
                i += 1
                let fieldStart = i
                var escaped = false
                while true {
                    guard i < end else {
                        if atEOF { throw error("has a quoted field that never closes: the file looks truncated", at: newlines) }
                        return nil
                    }
                    let byte = bytes[i]
                    if byte == quote {
                        guard i + 1 < end || atEOF else { return nil }
                        if i + 1 < end, bytes[i + 1] == quote { escaped = true; i += 2; continue }
                        break
                    }
                    if byte == lf { newlines += 1 } else if byte == 0 { throw binary(at: newlines) }
                    i += 1
                }
                fields.append(Field(start: fieldStart, end: i, hasEscapedQuotes: escaped))
                i += 1
                fieldEnd = i
                if i < end, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr {
                    throw error("has text after a closing quote (quotes inside a field are written \"\")", at: newlines)
                }
            } else {
                let fieldStart = i
                while i < end {
                    let byte = bytes[i]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    if byte == 0 { throw binary(at: newlines) }
                    i += 1
                }
                fieldEnd = i
                fields.append(Field(start: fieldStart, end: fieldEnd, hasEscapedQuotes: false))
            }
            guard fieldEnd < end else { return atEOF ? end : nil }
            let byte = bytes[fieldEnd]
            if byte == delimiter { i = fieldEnd + 1; continue }
            if byte == lf { return fieldEnd + 1 }
            // CR: CRLF or a lone CR.
            if fieldEnd + 1 < end { return bytes[fieldEnd + 1] == lf ? fieldEnd + 2 : fieldEnd + 1 }
            return atEOF ? end : nil
        }
    }

    private func error(_ message: String, at lineOffset: Int) -> IngestError {
        IngestError(source: source.name, line: nextLine + lineOffset - 1, message: message)
    }

    private func binary(at lineOffset: Int) -> IngestError {
        error("holds a NUL byte: this is binary data, not text", at: lineOffset)
    }

    // MARK: - Records

    /// A record in the scanner's buffer.
    public struct Record {
        let bytes: UnsafeBufferPointer<UInt8>
        let fields: UnsafeBufferPointer<Field>
        /// The line the record starts on (1-based).
        public let line: Int
        let range: Range<Int>

        public var count: Int { fields.count }

        /// The raw bytes of field `index` (quotes removed, `""` not yet unescaped).
        public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let field = fields[index]
            return UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        }

        /// Field `index` as text, or nil when it is not valid UTF-8.
        public func string(_ index: Int) -> String? {
            let raw = bytes(index)
            // ASCII (the common case) is valid UTF-8: take the fast decoding path.
            let text = raw.allSatisfy { $0 < 0x80 } ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
            return fields[index].hasEscapedQuotes ? text?.replacingOccurrences(of: "\"\"", with: "\"") : text
        }

        /// The record as it was written, without its line end.
        public var rawText: String {
            var end = range.upperBound
            while end > range.lowerBound, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self)
        }
    }
}
