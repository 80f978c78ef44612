import ArgumentParser
import Foundation
import TrackerGraph
import TrackerStore
import TrackerTime

struct GraphExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the follow graph for Gephi, with each account's community and audit verdict.",
        discussion: """
            gexf and graphml carry, per account: label (handle), community, degree, verdict, score, lang and \
            location; edges are directed (source follows target). csv writes the node table (id, label and \
            the same attributes), or with --edges the edge table (source, target): Gephi's Data Laboratory \
            imports both. Communities are computed as by `tracker graph communities` with the same options.

            Examples:
              tracker graph export --page cloudwatt --format gexf -o cloudwatt.gexf
              tracker graph export --page cloudwatt --format csv > nodes.csv
              tracker graph export --page cloudwatt --format csv --edges > edges.csv
            """
    )

    enum Format: String, ExpressibleByArgument { case gexf, graphml, csv }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var page: PageOption
    @OptionGroup var community: CommunityOptions
    @OptionGroup var rules: RulesOption
    @Option(help: "gexf, graphml or csv.") var format: Format = .gexf
    @Flag(help: "With --format csv: write the edges instead of the nodes.") var edges = false
    @Option(name: [.short, .customLong("output")], help: "Write to this file (default: standard output).") var output: String?

    func validate() throws {
        if edges && format != .csv { throw ValidationError("--edges goes with --format csv") }
    }

    func run() throws {
        let db = try database.openForReading()
        let policy = try rules.policy()
        let sink = try Sink(path: output)
        try db.read { db in
            let (ref, loaded, membership) = try community.partition(page, policy: policy, in: db)
            let nodes = (0..<loaded.graph.nodeCount).map { node in
                ExportNode(id: loaded.keys[node], label: loaded.infos[node].label, community: membership[node],
                           degree: loaded.graph.offsets[node + 1] - loaded.graph.offsets[node], verdict: loaded.infos[node].verdict,
                           score: loaded.scores[node], lang: loaded.infos[node].lang, location: loaded.infos[node].location)
            }
            let pairs = loaded.edges.map { (Int($0.0), Int($0.1)) }
            let description = "Follow graph of \(ref.platform)/\(ref.handle) at \(UTCTime.format(loaded.ref.takenAt)); Louvain communities "
                + "at resolution \(community.resolution), seed \(community.seed)"
            switch format {
            case .gexf: GraphExport.gexf(nodes: nodes, edges: pairs, description: description, write: sink.write)
            case .graphml: GraphExport.graphml(nodes: nodes, edges: pairs, description: description, write: sink.write)
            case .csv: writeCSV(nodes, pairs, sink)
            }
        }
        try sink.close()
    }

    private func writeCSV(_ nodes: [ExportNode], _ pairs: [(Int, Int)], _ sink: Sink) {
        if edges {
            sink.write("source,target\n")
            for (a, b) in pairs { sink.write(ResultWriter.csvField(nodes[a].id) + "," + ResultWriter.csvField(nodes[b].id) + "\n") }
            return
        }
        sink.write("id,label,community,degree,verdict,score,lang,location\n")
        for node in nodes {
            let fields = [node.id, node.label, String(node.community), String(node.degree), node.verdict ?? "",
                          node.score.map(String.init) ?? "", node.lang ?? "", node.location ?? ""]
            sink.write(fields.map(ResultWriter.csvField).joined(separator: ",") + "\n")
        }
    }
}
