import Foundation

/// A progress bar on stderr for large inputs, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    var total: Int?
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Inputs smaller than this finish too fast to need a bar.
    static let minimumBytes = 16 << 20

    init(label: String) { self.label = label }

    /// A bar when stderr is a terminal and output is not quiet; nil otherwise.
    static func make(label: String, quiet: Bool) -> ProgressBar? {
        quiet || !Terminal.stderrIsTerminal ? nil : ProgressBar(label: label)
    }

    func update(bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = now
        let text: String
        if let total, total >= Self.minimumBytes {
            let fraction = min(1, Double(bytes) / Double(total))
            let width = 30, done = Int(fraction * Double(width))
            text = "\(label) [\(String(repeating: "█", count: done))\(String(repeating: "·", count: width - done))] \(Int(fraction * 100))%"
        } else if total == nil, bytes >= Self.minimumBytes {
            text = "\(label) \(bytes >> 20) MiB read"
        } else {
            return
        }
        drawn = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Erases the bar, if drawn.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
