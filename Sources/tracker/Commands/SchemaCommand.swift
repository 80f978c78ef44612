import ArgumentParser
import TrackerStore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the database schema (tables, views and indexes) as SQL.",
        discussion: """
            Examples:
              tracker schema
              tracker schema --db archive.db > schema.sql
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.openForReading()
        let statement = try db.makeStatement("""
            SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
            """)
        let out = StandardOutput()
        while try statement.step() { out.write(statement.string(at: 0) + ";\n\n") }
        out.flush()
    }
}
