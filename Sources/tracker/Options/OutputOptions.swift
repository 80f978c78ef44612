import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, tsv, json, ndjson
}

/// `--format` and its shorthands (`--csv --tsv --json --nl --table`, as in sqlite-utils),
/// shared by every listing command.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Output format: table, csv, tsv, json or ndjson.",
        discussion: "Default: table on a terminal, tsv when piped."))
    var format: OutputFormat?

    @Flag(name: .customLong("table"), help: "Same as --format table.") var table = false
    @Flag(name: .customLong("csv"), help: "Same as --format csv.") var csv = false
    @Flag(name: .customLong("tsv"), help: "Same as --format tsv.") var tsv = false
    @Flag(name: .customLong("json"), help: "Same as --format json.") var json = false
    @Flag(name: .customLong("nl"), help: "Same as --format ndjson (newline-delimited JSON).") var nl = false

    func validate() throws {
        if chosen.count > 1 {
            throw ValidationError("choose one output format (got \(chosen.map { "--\($0.rawValue)" }.joined(separator: ", ")))")
        }
    }

    private var chosen: [OutputFormat] {
        var formats: [OutputFormat] = format.map { [$0] } ?? []
        for (flag, value) in [(table, OutputFormat.table), (csv, .csv), (tsv, .tsv), (json, .json), (nl, .ndjson)] where flag {
            if !formats.contains(value) { formats.append(value) }
        }
        return formats
    }

    var resolved: OutputFormat { chosen.first ?? (Terminal.stdoutIsTerminal ? .table : .tsv) }
}
