import ArgumentParser
import TrackerStore

struct PagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "List tracked pages with their first and last snapshot and latest values.",
        discussion: """
            Examples:
              tracker pages
              tracker pages --platform twitter --json
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only pages of this platform.")
    var platform: String?

    func run() throws {
        let db = try database.openForReading()
        let statement = try db.makeStatement(Database.pagesListingSQL)
        statement.bind(platform, at: statement.parameterIndex("platform")!)
        try db.read { _ in try ResultWriter.write(statement, format: output.resolved) }
    }
}
