import ArgumentParser
import Foundation
import TrackerIngest

/// `--skip-invalid`, `--rejects`, `--quiet` and the input files: shared by every ingest command.
struct InputOptions: ParsableArguments {
    @Flag(name: .customLong("skip-invalid"), help: "Write the valid rows and report each rejected line.")
    var skipInvalid = false

    @Option(help: "With --skip-invalid: write the rejected lines to this file.")
    var rejects: String?

    @Flag(name: [.short, .long], help: "Print nothing on success (for cron).")
    var quiet = false

    @Argument(help: "Files to read, or - for standard input.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, or - for standard input") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if rejects != nil && !skipInvalid { throw ValidationError("--rejects goes with --skip-invalid") }
    }

    /// How the readers check rows.
    func readOptions(now: Int64, platform: String? = nil, observedAt: Int64? = nil) -> ReadOptions {
        var options = ReadOptions(platform: platform, observedAt: observedAt, now: now)
        options.skipInvalid = skipInvalid
        options.keepRaw = rejects != nil
        return options
    }

    /// The inputs as named in messages and in `ingest_run`.
    var sourceNames: String { files.map { $0 == "-" ? "<stdin>" : $0 }.joined(separator: ", ") }

    /// The format of a roster or edge file: given, else from its extension (CSV for standard input).
    static func profileFormat(of path: String, given: ProfileFormat?, hint: String) throws -> ProfileFormat {
        if let format = given ?? (path == "-" ? .csv : ProfileFormat.guess(path: path)) { return format }
        try refuseFolder(path)
        throw CLIError("cannot tell the format of \(path) from its name", hint: "give --format \(hint)")
    }

    /// A folder has no format to tell: say what it is, and how to give its files.
    static func refuseFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        throw CLIError("\(path) is a folder, not a file", hint: "give the files in it, such as \(folder)/*.csv")
    }
}
