import Crypto
import Foundation

/// Reads an input in chunks (never whole), hashing every byte (SHA-256) and counting progress.
public final class ByteSource {
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var hasher = SHA256()
    public private(set) var bytesRead = 0
    /// The file's size, when known (not for pipes): for progress display.
    public let expectedSize: Int?
    /// Called after each chunk with the bytes read so far.
    public var onProgress: ((Int) -> Void)?

    /// Opens `path`, or standard input for `-`.
    public init(path: String) throws {
        if path == "-" {
            name = "<stdin>"
            fd = 0
            ownsDescriptor = false
        } else {
            name = path
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw IngestError(source: path, message: "cannot open: \(String(cString: strerror(errno)))")
            }
            ownsDescriptor = true
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            expectedSize = Int(info.st_size)
        } else {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw IngestError(source: name, message: "is a folder, not a file")
            }
            expectedSize = nil
        }
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Fills `buffer` from the start; returns the count read (0 at the end).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Foundation.read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError(source: name, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if count > 0 {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                bytesRead += count
                onProgress?(bytesRead)
            }
            return count
        }
    }

    /// Reads everything left (for small payloads), refusing more than `limit` bytes.
    public func readAll(limit: Int) throws -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            if data.count > limit {
                throw IngestError(source: name, message: "is larger than \(limit >> 20) MiB; split it or use ndjson")
            }
        }
    }

    /// The SHA-256 of all bytes read, in hex.
    public func digest() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
