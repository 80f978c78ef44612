import TrackerAudit
import TrackerGraph
import TrackerStore
import TrackerTime
import ArgumentParser

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Follow edges among the accounts around a page: communities, outsiders, and a map for Gephi.",
        discussion: """
            Examples:
              tracker graph ingest --page cloudwatt --at 2014-06-02 edges.csv
              tracker graph communities --page cloudwatt
              tracker graph export --page cloudwatt --format gexf -o cloudwatt.gexf
            """,
        subcommands: [GraphIngestCommand.self, GraphCommunitiesCommand.self, GraphExportCommand.self]
    )
}

/// `--at`, `--resolution`, `--seed`: which graph, and how its communities are found.
struct CommunityOptions: ParsableArguments {
    @Option(help: "The graph in effect at this time (ISO 8601; default: the latest).") var at: String?
    @Option(help: "Louvain resolution, as in Gephi: above 1 gives more, smaller communities.") var resolution = 1.0
    @Option(help: "Random seed: the same seed gives the same communities.") var seed: UInt64 = 1

    func validate() throws {
        _ = try TimeOption.parse(at, name: "at")
        if !(resolution > 0) { throw ValidationError("--resolution must be above 0") }
    }

    /// The stored graph, with a clear error when there is none.
    func graph(of page: PageRef, in db: Database) throws -> GraphRef {
        let time = try TimeOption.parse(at, name: "at")
        if let graph = try db.graph(pageID: page.id, at: time) { return graph }
        throw CLIError("\(page.platform)/\(page.handle) has no follow graph\(time.map { " at or before \(UTCTime.format($0))" } ?? "")",
                       hint: "record one with: tracker graph ingest --page \(page.handle) EDGES.csv")
    }

    /// The page with a graph named by `page`, its graph in effect at --at, judged by `policy`, and each node's community.
    func partition(_ page: PageOption, policy: VerdictPolicy, in db: Database) throws -> (page: PageRef, graph: FollowerGraph, membership: [Int]) {
        let record = "tracker graph ingest --page \(page.page) --platform P EDGES.csv"
        let ref = try page.page(in: db, needing: ("follow graph", record)) { try db.graph(pageID: $0.id) != nil }
        let loaded = try FollowerGraph(db: db, ref: try graph(of: ref, in: db), policy: policy)
        return (ref, loaded, Louvain(resolution: resolution, seed: seed).communities(of: loaded.graph))
    }
}
