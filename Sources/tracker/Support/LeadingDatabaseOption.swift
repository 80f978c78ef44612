/// `tracker --db FILE COMMAND …`: `--db` is every command's option, not `tracker`'s own, and
/// swift-argument-parser rejects an option before the command that reads it ("Unknown option
/// '--db'"). Moved after the command's arguments (before a `--`, which ends the options), it
/// reaches that command, nested or not: `tracker --db x.db followers ingest …` works too.
enum LeadingDatabaseOption {
    /// `arguments` (without the program's name) with any leading `--db FILE` or `--db=FILE`
    /// moved behind the command; unchanged when no command follows them.
    static func moved(_ arguments: [String]) -> [String] {
        var rest = arguments[...]
        var leading: [String] = []
        while let first = rest.first {
            if first == "--db", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--db=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty, let command = rest.first, !command.hasPrefix("-") else { return arguments }
        var result = Array(rest)
        result.insert(contentsOf: leading, at: result.firstIndex(of: "--") ?? result.endIndex)
        return result
    }
}
