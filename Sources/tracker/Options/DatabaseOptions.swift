import ArgumentParser
import Foundation
import TrackerStore

/// `--db`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file.",
        discussion: "Default: $TRACKER_DB, else $XDG_DATA_HOME/tracker/tracker.db.",
        valueName: "path"))
    var db: String?

    var path: String { DatabaseLocation.resolve(explicit: db) }

    /// Opens the database for writing, creating it (and its folder) on first use, migrated.
    func openForWriting() throws -> Database {
        let path = self.path
        try DatabaseLocation.createParentFolder(of: path)
        let database = try Database(path: path)
        try database.migrate()
        return database
    }

    /// Opens an existing database for reading; migrates it if this tracker is newer.
    func openForReading() throws -> Database {
        let path = self.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("no database at \(path)", hint: "ingest some data first (tracker ingest FILE), or point --db or $TRACKER_DB at one")
        }
        let database = try Database(path: path)
        if try !database.isUpToDate() { try database.migrate() }
        return database
    }
}
