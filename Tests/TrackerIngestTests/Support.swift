import Foundation
@testable import TrackerIngest

/// One folder for every temporary file of this test run, removed when the run exits: a run makes
/// hundreds, and left behind they filled /tmp by gigabytes.
let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tracker-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// Writes `text` to a temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
    try temporaryFile(bytes: Array(text.utf8), name: name)
}

func temporaryFile(bytes: [UInt8], name: String) throws -> String {
    let folder = scratchRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// The present used by tests: 2025-01-01T00:00:00Z.
let testNow: Int64 = 1_735_689_600

/// Everything a reader produces for an input: rows flattened, plus rejects.
struct ReadResult {
    var rows: [(platform: String, page: String, time: Int64, line: Int, values: [String: Double])] = []
    var rejected: [RejectedRow] = []
}

func read(_ text: String, format: InputFormat, name: String = "input.csv",
          configure: (inout ReadOptions) -> Void = { _ in }) throws -> ReadResult {
    try read(bytes: Array(text.utf8), format: format, name: name, configure: configure)
}

func read(bytes: [UInt8], format: InputFormat, name: String = "input.csv",
          configure: (inout ReadOptions) -> Void = { _ in }) throws -> ReadResult {
    let path = try temporaryFile(bytes: bytes, name: name)
    var options = ReadOptions(now: testNow)
    options.batchSize = 3  // small batches exercise batch boundaries
    configure(&options)
    var result = ReadResult()
    try format.reader(source: try ByteSource(path: path), options: options).read { batch in
        for row in 0..<batch.count {
            var values: [String: Double] = [:]
            for (name, value) in zip(batch.metrics, batch.values(ofRow: row)) where !value.isNaN { values[name] = value }
            result.rows.append((batch.platforms[row], batch.pages[row], batch.times[row], batch.lines[row], values))
        }
        result.rejected += batch.rejected
    }
    return result
}

/// The error a read throws, or nil.
func readError(_ text: String, format: InputFormat = .csv, name: String = "input.csv") -> IngestError? {
    readError(bytes: Array(text.utf8), format: format, name: name)
}

func readError(bytes: [UInt8], format: InputFormat = .csv, name: String = "input.csv") -> IngestError? {
    do {
        _ = try read(bytes: bytes, format: format, name: name)
        return nil
    } catch let error as IngestError {
        return error
    } catch {
        return IngestError(source: "?", message: "unexpected \(error)")
    }
}
