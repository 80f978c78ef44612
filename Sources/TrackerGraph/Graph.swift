/// An undirected graph in compressed sparse rows: node `i`'s neighbours are
/// `neighbors[offsets[i]..<offsets[i + 1]]`, with the weights beside them.
///
/// ```swift
/// let graph = Graph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 1)])  // a mutual follow counts once
/// graph.degree(1)  // 2
/// ```
public struct Graph: Sendable {
    public let nodeCount: Int
    public internal(set) var offsets: [Int]
    public internal(set) var neighbors: [Int32]
    public internal(set) var weights: [Double]
    /// The weight of each node's loop (inside a community, once communities are collapsed into nodes).
    public internal(set) var loops: [Double]

    /// A simple graph from directed pairs: direction, repeats and self-loops are dropped, so
    /// each connected pair is one edge of weight 1 (as networkx's `Graph` does).
    public init(nodeCount: Int, edges: [(Int32, Int32)]) {
        var keys = [UInt64]()
        keys.reserveCapacity(edges.count)
        for (a, b) in edges where a != b {
            let (low, high) = a < b ? (a, b) : (b, a)
            keys.append(UInt64(UInt32(low)) << 32 | UInt64(UInt32(high)))
        }
        keys.sort()
        var unique = [(Int32, Int32, Double)]()
        unique.reserveCapacity(keys.count)
        var previous: UInt64?
        for key in keys where key != previous {
            previous = key
            unique.append((Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), 1))
        }
        self.init(nodeCount: nodeCount, weightedEdges: unique, loops: [Double](repeating: 0, count: nodeCount))
    }

    /// A weighted graph from distinct undirected edges (each pair once, no loops) and loop weights.
    init(nodeCount: Int, weightedEdges: [(Int32, Int32, Double)], loops: [Double]) {
        self.nodeCount = nodeCount
        self.loops = loops
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for (a, b, _) in weightedEdges {
            counts[Int(a) + 1] += 1
            counts[Int(b) + 1] += 1
        }
        for i in 0..<nodeCount { counts[i + 1] += counts[i] }
        offsets = counts
        var next = Array(counts.dropLast())
        neighbors = [Int32](repeating: 0, count: counts[nodeCount])
        weights = [Double](repeating: 0, count: counts[nodeCount])
        for (a, b, w) in weightedEdges {
            neighbors[next[Int(a)]] = b; weights[next[Int(a)]] = w; next[Int(a)] += 1
            neighbors[next[Int(b)]] = a; weights[next[Int(b)]] = w; next[Int(b)] += 1
        }
    }

    /// Number of edges (loops not counted).
    public var edgeCount: Int { neighbors.count / 2 }

    /// The weighted degree: a loop counts twice, as in networkx.
    public func degree(_ node: Int) -> Double {
        var total = 2 * loops[node]
        for index in offsets[node]..<offsets[node + 1] { total += weights[index] }
        return total
    }

    /// The sum of all degrees, 2m.
    public var totalDegree: Double { (0..<nodeCount).reduce(0) { $0 + degree($1) } }
}
