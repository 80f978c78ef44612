import ArgumentParser

struct FollowersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followers",
        abstract: "Record who follows a page (or whom it follows), and what changed between rosters.",
        discussion: """
            Examples:
              tracker followers ingest --page cloudwatt --platform twitter --at 2014-06-02 followers.csv
              tracker followers ingest --page cloudwatt --relation following --format twitter friends.json
              tracker followers changes --page cloudwatt
              tracker audit --page cloudwatt
            """,
        subcommands: [FollowersIngestCommand.self, FollowersChangesCommand.self]
    )
}
