import ArgumentParser
import Foundation
import TrackerGraph
import TrackerStore
import TrackerTime

struct GraphCommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Louvain communities of the follow graph, with who is in them and which look like outsiders.",
        discussion: """
            The graph is taken as undirected (a mutual follow is one tie). One row per community, largest \
            first: size, internal density, share of its members' ties that leave it, share of suspicious and \
            inactive members (by the audit of their profiles, where a roster gave one), best-connected \
            accounts, main languages and locations. A community of at least 5 accounts keeping 80% or more of \
            its ties inside is flagged when most of its known members look suspicious or write in another \
            language than the rest of the graph: the accounts a page mass-followed.

            Examples:
              tracker graph communities --page cloudwatt
              tracker graph communities --page cloudwatt --resolution 0.8 --seed 3 --json
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var page: PageOption
    @OptionGroup var community: CommunityOptions
    @OptionGroup var rules: RulesOption
    @Option(help: "How many accounts, languages and locations to show per community.") var top = 3
    @OptionGroup var output: OutputOptions

    static let columns = ["community", "size", "internal_density", "leaving_share", "suspicious_share", "inactive_share",
                          "profiled", "top_accounts", "languages", "locations", "flagged", "explanation", "modularity"]

    func run() throws {
        let db = try database.openForReading()
        let policy = try rules.policy()
        try db.read { db in
            let (ref, loaded, membership) = try community.partition(page, policy: policy, in: db)
            let q = Modularity.of(loaded.graph, membership, resolution: community.resolution)
            let profiles = CommunityProfile.all(graph: loaded.graph, membership: membership, nodes: loaded.infos, top: top)
            if output.resolved == .table {
                Terminal.printHeading("\(ref.platform)/\(ref.handle), graph at \(UTCTime.format(loaded.ref.takenAt)): "
                    + "\(ResultWriter.grouped(Int64(loaded.graph.nodeCount))) accounts, \(ResultWriter.grouped(Int64(loaded.graph.edgeCount))) ties, "
                    + "\(profiles.count) communities, modularity Q = \(String(format: "%.4f", q)) (resolution \(community.resolution), seed \(community.seed))")
            }
            let writer = ResultWriter(format: output.resolved, columns: Self.columns)
            let check = OutsiderCheck(), main = loaded.mainLanguage
            for profile in profiles { writer.write(row(profile, explanation: check.judge(profile, mainLanguage: main), q: q)) }
            writer.finish()
        }
    }

    private func row(_ c: CommunityProfile, explanation: String?, q: Double) -> [SQLValue] {
        let share = { (value: Double?) in value.map { SQLValue.real(($0 * 10_000).rounded() / 10_000) } ?? .null }
        let list = { (items: [(String, Int)]) in SQLValue.text(items.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")) }
        return [.integer(Int64(c.community)), .integer(Int64(c.size)), share(c.internalDensity), share(c.leavingShare),
                share(c.suspiciousShare), share(c.inactiveShare), .integer(Int64(c.profiled)),
                list(c.topMembers.map { ($0.label, $0.degree) }), list(c.languages.map { ($0.value, $0.count) }),
                list(c.locations.map { ($0.value, $0.count) }), .integer(explanation == nil ? 0 : 1),
                explanation.map(SQLValue.text) ?? .null, .real((q * 10_000).rounded() / 10_000)]
    }
}
