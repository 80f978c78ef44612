import TrackerAudit
import TrackerGraph
import TrackerStore

/// A stored follow graph in memory: dense node numbers, the undirected graph for Louvain, the directed
/// edges for export, and what the audit says of each node.
struct FollowerGraph {
    let ref: GraphRef
    let graph: Graph
    /// Directed edges (source follows target), by node number.
    let edges: [(Int32, Int32)]
    /// Per node: account key, label, verdict and score (nil without a known profile), language, location.
    var keys: [String] = []
    var infos: [NodeInfo] = []
    var scores: [Int?] = []

    init(db: Database, ref: GraphRef, policy: VerdictPolicy) throws {
        self.ref = ref
        var index: [Int64: Int32] = [:]
        var edges: [(Int32, Int32)] = []
        edges.reserveCapacity(ref.edges)
        func node(_ account: Int64) -> Int32 {
            if let known = index[account] { return known }
            let next = Int32(index.count)
            index[account] = next
            return next
        }
        try db.forEachEdge(of: ref) { edges.append((node($0), node($1))) }
        self.edges = edges
        graph = Graph(nodeCount: index.count, edges: edges)
        keys = Array(repeating: "", count: index.count)
        infos = Array(repeating: NodeInfo(label: ""), count: index.count)
        scores = Array(repeating: nil, count: index.count)
        try db.forEachAccount(of: ref) { row in
            guard let position = index[row.int64(at: 0)].map(Int.init) else { return }
            let profile = Profile(member: row)
            keys[position] = profile.id
            infos[position] = NodeInfo(label: profile.handle ?? profile.id, lang: profile.lang, location: profile.location)
            guard !row.isNull(at: 2) else { return }  // never seen in a roster: no verdict
            let verdict = policy.judge(profile, now: ref.takenAt)
            infos[position].verdict = verdict.label.rawValue
            scores[position] = verdict.score
        }
    }

    /// The graph's most common language among accounts that give one.
    var mainLanguage: String? { CommunityProfile.mostCommon(infos.compactMap(\.lang), top: 1).first?.value }
}
