import Foundation
import Testing

/// The built `tracker` binary, beside the test bundle (or `$TRACKER_BIN`).
let trackerBinary: String = {
    if let path = ProcessInfo.processInfo.environment["TRACKER_BIN"] { return path }
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [folder, folder.deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("tracker").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return folder.appendingPathComponent("tracker").path
}()

/// One folder for every temporary file of this test run, removed when the run exits: a run makes
/// hundreds, and left behind they filled /tmp by gigabytes.
let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tracker-e2e-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// The repository root, for `examples/`.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// A scratch folder with a database path, and a way to run `tracker` against it.
struct Sandbox {
    let folder: URL
    var db: String { folder.appendingPathComponent("tracker.db").path }

    init() throws {
        folder = scratchRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `tracker ARGS --db DB` (the database is given through $TRACKER_DB).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> RunResult {
        let process = try start(arguments, stdin: stdin, environment: environment)
        return process.wait()
    }

    func start(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> RunningProcess {
        try RunningProcess(arguments: arguments, stdin: stdin,
                           environment: ["TRACKER_DB": db, "NO_COLOR": "1"].merging(environment) { $1 })
    }

    /// Everything stored, as text: for checking that a failed run changed nothing.
    func dump() throws -> String {
        let result = try run(["sql", "--csv", """
            SELECT 'p', platform, handle, id FROM page
            UNION ALL SELECT 's', page_id, observed_at, coalesce(followers, '') || '/' || coalesce(following, '') || '/' || coalesce(fans, '') || '/' || coalesce(engagement_rate, '') FROM snapshot
            UNION ALL SELECT 'm', page_id, observed_at, metric_id || '=' || value FROM metric_value
            UNION ALL SELECT 'r', id, outcome, snapshots_added FROM ingest_run WHERE outcome = 'ok'
            UNION ALL SELECT 'o', id, taken_at, members FROM roster
            UNION ALL SELECT 'v', account_id, seen_at, digest FROM profile_version
            UNION ALL SELECT 'a', roster_id, account_id, position FROM roster_member
            UNION ALL SELECT 'g', id, taken_at, edges FROM graph
            UNION ALL SELECT 'e', graph_id, source_id, target_id FROM graph_edge
            UNION ALL SELECT 'k', id, platform, key FROM account
            ORDER BY 1, 2, 3
            """])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }
}

/// A `tracker` process, with its output collected.
final class RunningProcess: @unchecked Sendable {
    let process = Process()
    private let out = Pipe(), err = Pipe()
    private var stdoutData = Data(), stderrData = Data()
    private let group = DispatchGroup()

    init(arguments: [String], stdin: String?, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: trackerBinary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        for (pipe, isOut) in [(out, true), (err, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isOut { self.stdoutData = data } else { self.stderrData = data }
                self.group.leave()
            }
        }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
    }

    func wait() -> RunResult {
        process.waitUntilExit()
        group.wait()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                         stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }
}

/// A wide CSV of `pages` pages × `days` days.
func generatedCSV(pages: Int, days: Int, platform: String = "twitter", offset: Int = 0) -> String {
    var text = "page,platform,observed_at,followers,following\n"
    text.reserveCapacity(pages * days * 50)
    for page in 0..<pages {
        for day in 0..<days {
            text += "p\(page + offset),\(platform),\(dateString(day)),\(1000 + day * (page + 1)),\(100 + day % 7)\n"
        }
    }
    return text
}

func dateString(_ day: Int) -> String {
    let date = Date(timeIntervalSince1970: 1_388_534_400 + Double(day) * 86_400)  // from 2014-01-01
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: date)
}
