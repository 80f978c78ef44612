import Foundation

/// Standard output, or a file written whole or not at all (a temporary file renamed on success).
final class Sink {
    private let out = StandardOutput()
    private let handle: FileHandle?
    private let path: String?
    private let temporary: String?
    private var buffer = ""

    init(path: String?) throws {
        self.path = path
        guard let path else { handle = nil; temporary = nil; return }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CLIError("cannot write \(path)")
        }
        self.handle = handle
        self.temporary = temporary
    }

    func write(_ text: String) {
        guard let handle else { return out.write(text) }
        buffer += text
        if buffer.utf8.count >= 1 << 16 { handle.write(Data(buffer.utf8)); buffer = "" }
    }

    func close() throws {
        guard let handle, let path, let temporary else { return out.flush() }
        handle.write(Data(buffer.utf8))
        try handle.close()
        if rename(temporary, path) != 0 { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }
}
