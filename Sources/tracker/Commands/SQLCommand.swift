import ArgumentParser
import Foundation
import TrackerStore

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run SQL against the database (read-only unless --write).",
        discussion: """
            The views snapshots, metric_values, gains, pages and ingest_runs are the stable interface \
            (see the README). Named parameters (:name, @name, $name) take their values from -p NAME VALUE: \
            whole numbers bind as integers, other numbers as reals, anything else as text.

            Examples:
              tracker sql "SELECT * FROM snapshots WHERE page = :page" -p page cloudwatt
              tracker sql --csv "SELECT platform, page, max(followers) FROM snapshots GROUP BY 1, 2"
              echo "SELECT count(*) FROM snapshot" | tracker sql -
              tracker sql --write "DELETE FROM page WHERE handle = 'test'"
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Allow statements that change the database (run in one transaction).")
    var write = false

    @Option(name: [.customShort("p"), .customLong("param")], parsing: .upToNextOption,
            help: ArgumentHelp("A named parameter: -p NAME VALUE (or NAME=VALUE).", valueName: "name value"))
    var parameters: [String] = []

    @Argument(help: "The SQL, or - to read it from standard input.")
    var query: String

    func validate() throws { _ = try parameterValues() }

    func run() throws {
        let sql = query == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : query
        guard !sql.allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty") }
        let db = try database.openForReading()
        let values = try parameterValues()
        if write {
            try db.write { db in try runAll(sql, db: db, values: values) }
        } else {
            try db.setQueryOnly(true)
            do {
                try db.read { db in try runAll(sql, db: db, values: values) }
            } catch let error as SQLiteError where error.message.contains("readonly") {
                throw CLIError(error.message, hint: "tracker sql is read-only; add --write to change the database")
            }
        }
    }

    private func runAll(_ sql: String, db: Database, values: [String: SQLValue]) throws {
        try db.forEachStatement(sql) { statement in
            try bind(values, to: statement)
            if statement.columnCount > 0 {
                try ResultWriter.write(statement, format: output.resolved)
            } else {
                try statement.run()
            }
        }
    }

    private func bind(_ values: [String: SQLValue], to statement: Statement) throws {
        guard statement.parameterCount > 0 else { return }
        for index in 1...statement.parameterCount {
            guard let name = statement.parameterName(at: index) else {
                throw CLIError("positional parameters (?) are not supported", hint: "use named ones: :name with -p name VALUE")
            }
            let key = String(name.dropFirst())
            guard let value = values[key] else {
                throw CLIError("parameter \(name) has no value", hint: "give -p \(key) VALUE")
            }
            statement.bind(value, at: index)
        }
    }

    /// `-p a 1 -p b=x` → ["a": 1, "b": "x"].
    private func parameterValues() throws -> [String: SQLValue] {
        var values: [String: SQLValue] = [:]
        var index = 0
        while index < parameters.count {
            let token = parameters[index]
            let name: String, text: String
            if let equals = token.firstIndex(of: "=") {  // a name never holds '=', so this is NAME=VALUE
                name = String(token[..<equals])
                text = String(token[token.index(after: equals)...])
                index += 1
            } else if index + 1 < parameters.count {
                name = token
                text = parameters[index + 1]
                index += 2
            } else {
                throw ValidationError("-p \(token) has no value: write -p NAME VALUE (put the query before -p)")
            }
            values[name.trimmingCharacters(in: CharacterSet(charactersIn: ":@$"))] = Self.typed(text)
        }
        return values
    }

    static func typed(_ text: String) -> SQLValue {
        if let integer = Int64(text) { return .integer(integer) }
        if let real = Double(text), real.isFinite, text.first?.isNumber == true || text.first == "-" || text.first == "." {
            return .real(real)
        }
        return .text(text)
    }
}
