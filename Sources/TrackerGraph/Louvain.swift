/// Louvain modularity communities (Blondel et al. 2008), as Gephi and networkx compute them: nodes
/// move to the neighbouring community that raises modularity most, then communities become nodes, until
/// modularity stops rising. `resolution` above 1 favours smaller communities, below 1 larger ones.
/// The same seed gives the same partition.
public struct Louvain: Sendable {
    public var resolution = 1.0
    public var seed: UInt64 = 0
    /// A level that raises modularity by less than this ends the search (networkx's default).
    public var threshold = 1e-7

    public init(resolution: Double = 1.0, seed: UInt64 = 0) {
        self.resolution = resolution
        self.seed = seed
    }

    /// The community of each node, numbered 0… by decreasing size (ties by smallest member).
    public func communities(of graph: Graph) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var membership = Array(0..<graph.nodeCount)
        var quality = Modularity.of(graph, membership, resolution: resolution)
        // Multilevel passes, each ended by a refinement on single nodes (Rotta and Noack 2011): a node may
        // still gain by moving once communities have formed around it; when it did, the next pass
        // starts from the refined communities. Each pass only ever raises modularity.
        for _ in 0..<10 {
            membership = multilevel(graph, from: membership, rng: &rng)
            membership = oneLevel(graph, rng: &rng, start: membership).0
            let next = Modularity.of(graph, membership, resolution: resolution)
            if next - quality <= threshold { break }
            quality = next
        }
        return Self.numberedBySize(membership)
    }

    /// Louvain's levels, starting from `membership` collapsed into nodes.
    private func multilevel(_ graph: Graph, from start: [Int], rng: inout SplitMix64) -> [Int] {
        var membership = Self.dense(start)
        var current = Self.collapse(graph, into: membership)
        var quality = Modularity.of(graph, membership, resolution: resolution)
        while true {
            let (local, moved) = oneLevel(current, rng: &rng)
            guard moved else { break }
            for node in membership.indices { membership[node] = local[membership[node]] }
            let next = Modularity.of(graph, membership, resolution: resolution)
            if next - quality <= threshold { break }
            quality = next
            current = Self.collapse(current, into: local)
        }
        return membership
    }

    /// Moves nodes until none moves; returns each node's community, numbered densely, and whether any moved.
    private func oneLevel(_ graph: Graph, rng: inout SplitMix64, start: [Int]? = nil) -> ([Int], Bool) {
        let n = graph.nodeCount
        let m2 = graph.totalDegree
        var community = start ?? Array(0..<n)
        guard m2 > 0 else { return (community, false) }
        let degrees = (0..<n).map(graph.degree)
        var totals = [Double](repeating: 0, count: n)
        for node in 0..<n { totals[community[node]] += degrees[node] }
        var linkTo = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var order = Array(0..<n)
        rng.shuffle(&order)
        var movedAny = false
        var improved = true, passes = 0
        while improved && passes < 1_000 {  // each move raises modularity; the cap only guards against rounding
            improved = false
            passes += 1
            for node in order {
                let own = community[node], k = degrees[node]
                for index in graph.offsets[node]..<graph.offsets[node + 1] {
                    let c = community[Int(graph.neighbors[index])]
                    if linkTo[c] == 0 { touched.append(c) }
                    linkTo[c] += graph.weights[index]
                }
                totals[own] -= k
                var best = own
                var bestGain = linkTo[own] - resolution * totals[own] * k / m2
                for c in touched {
                    let gain = linkTo[c] - resolution * totals[c] * k / m2
                    if gain > bestGain { best = c; bestGain = gain }
                }
                totals[best] += k
                if best != own {
                    community[node] = best
                    improved = true
                    movedAny = true
                }
                for c in touched { linkTo[c] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
        }
        return (Self.dense(community), movedAny)
    }

    /// One node per community: edges between communities summed, edges inside become the loop.
    static func collapse(_ graph: Graph, into community: [Int]) -> Graph {
        let count = (community.max() ?? -1) + 1
        var loops = [Double](repeating: 0, count: count)
        var pairs: [UInt64: Double] = [:]
        for node in 0..<graph.nodeCount {
            let a = community[node]
            loops[a] += graph.loops[node]
            for index in graph.offsets[node]..<graph.offsets[node + 1] {
                let neighbor = Int(graph.neighbors[index])
                guard node < neighbor else { continue }  // each edge once
                let b = community[neighbor], w = graph.weights[index]
                if a == b { loops[a] += w; continue }
                let (low, high) = a < b ? (a, b) : (b, a)
                pairs[UInt64(low) << 32 | UInt64(high), default: 0] += w
            }
        }
        let edges = pairs.keys.sorted().map { key in (Int32(key >> 32), Int32(key & 0xFFFF_FFFF), pairs[key]!) }
        return Graph(nodeCount: count, weightedEdges: edges, loops: loops)
    }

    /// Labels renumbered 0… in order of first appearance.
    static func dense(_ labels: [Int]) -> [Int] {
        var map = [Int](repeating: -1, count: (labels.max() ?? -1) + 1), next = 0
        return labels.map { label in
            if map[label] < 0 { map[label] = next; next += 1 }
            return map[label]
        }
    }

    /// Labels renumbered by decreasing community size, ties by the smallest member.
    static func numberedBySize(_ labels: [Int]) -> [Int] {
        let dense = dense(labels)
        var sizes = [Int](repeating: 0, count: (dense.max() ?? -1) + 1)
        for label in dense { sizes[label] += 1 }
        let ranked = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var rank = [Int](repeating: 0, count: sizes.count)
        for (position, label) in ranked.enumerated() { rank[label] = position }
        return dense.map { rank[$0] }
    }
}

/// Newman's modularity with a resolution γ: Q = Σ_c [ L_c / m − γ (d_c / 2m)² ].
public enum Modularity {
    public static func of(_ graph: Graph, _ community: [Int], resolution: Double = 1) -> Double {
        let count = (community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count), degree = [Double](repeating: 0, count: count)
        for node in 0..<graph.nodeCount {
            let c = community[node]
            inside[c] += 2 * graph.loops[node]
            degree[c] += 2 * graph.loops[node]
            for index in graph.offsets[node]..<graph.offsets[node + 1] {
                degree[c] += graph.weights[index]
                if community[Int(graph.neighbors[index])] == c { inside[c] += graph.weights[index] }
            }
        }
        let m2 = degree.reduce(0, +)
        guard m2 > 0 else { return 0 }
        return zip(inside, degree).reduce(0) { $0 + $1.0 / m2 - resolution * ($1.1 / m2) * ($1.1 / m2) }
    }
}

/// A small, fast, seedable generator (Steele et al. 2014), so a seed gives the same order everywhere.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, Int(next() % UInt64(i + 1)))
        }
    }
}
