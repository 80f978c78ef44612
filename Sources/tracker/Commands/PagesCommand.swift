import ArgumentParser
import TrackerReport
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
        try db.read { db in
            try PageLookup.check(platform: platform, in: db)
            guard output.resolved == .table else {
                try ResultWriter.write(statement, format: output.resolved)
                return
            }
            // On a table, a sparkline of each page's audience over its last 90 snapshots.
            let columns = (0..<statement.columnCount).map { statement.columnName(at: $0) }
            let writer = ResultWriter(format: .table, columns: columns + ["trend"])
            while try statement.step() {
                let row = (0..<statement.columnCount).map { statement.value(at: $0) }
                writer.write(row + [.text(try trend(db, platform: statement.string(at: 0), page: statement.string(at: 1)))])
            }
            writer.finish()
        }
    }

    private func trend(_ db: Database, platform: String, page: String) throws -> String {
        guard let ref = try db.findPages(named: page, platform: platform).first(where: { $0.handle == page }) else { return "" }
        let metrics = try db.metricNames(of: ref)
        guard let audience = ["followers", "fans", "subscribers"].first(where: metrics.contains) ?? metrics.first else { return "" }
        let values = try db.history(of: ref, metrics: [audience]).suffix(90).compactMap { $0.values[0] }
        return Sparkline.draw(values, width: 20)
    }
}
