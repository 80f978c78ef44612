import Foundation

/// Where the database lives: `--db PATH`, else `$TRACKER_DB`,
/// else `$XDG_DATA_HOME/tracker/tracker.db` (default `~/.local/share/tracker/tracker.db`).
public enum DatabaseLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["TRACKER_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/tracker/tracker.db"
    }

    /// Creates the folder that will hold `path`, if missing.
    public static func createParentFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}
