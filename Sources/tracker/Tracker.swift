import ArgumentParser

@main
struct Tracker: ParsableCommand {
    static let version = "0.2.16"

    static let configuration = CommandConfiguration(
        commandName: "tracker",
        abstract: "Follow social-media audiences over time and catch manipulation.",
        discussion: """
            Keeps the whole history of pages and accounts in one SQLite file and answers questions about it.

            Database: --db PATH (before or after the command), else $TRACKER_DB, else \
            $XDG_DATA_HOME/tracker/tracker.db (~/.local/share/tracker/tracker.db).

            Examples:
              tracker ingest daily.csv
              tracker anomalies --page cloudwatt
              tracker chart --page cloudwatt
              tracker report --page cloudwatt -o cloudwatt.html
              tracker followers ingest --page cloudwatt --platform twitter followers.csv
              tracker audit --page cloudwatt
              tracker graph communities --page cloudwatt
              tracker pages
              tracker history --page cloudwatt --metric fans --since 90d
              tracker sql "SELECT * FROM gains WHERE page = :p" -p p cloudwatt
            """,
        version: version,
        subcommands: [
            IngestCommand.self,
            AnomaliesCommand.self,
            DetectCommand.self,
            ChartCommand.self,
            ReportCommand.self,
            FollowersCommand.self,
            AuditCommand.self,
            GraphCommand.self,
            PagesCommand.self,
            HistoryCommand.self,
            SQLCommand.self,
            SchemaCommand.self,
        ]
    )

    /// Parses the command line with a leading `--db FILE` moved to the command that reads it.
    static func main() {
        main(LeadingDatabaseOption.moved(Array(CommandLine.arguments.dropFirst())))
    }
}
