/// What is known of one node: its label and, when its profile was seen, its audit verdict and where it is from.
public struct NodeInfo: Sendable, Equatable {
    public var label: String
    public var lang: String?
    public var location: String?
    /// `suspicious`, `inactive` or `genuine`; nil when the account's profile is unknown.
    public var verdict: String?

    public init(label: String, lang: String? = nil, location: String? = nil, verdict: String? = nil) {
        self.label = label
        self.lang = lang
        self.location = location
        self.verdict = verdict
    }
}

/// One community: how big, how tight, how tied to the rest, and who is in it.
public struct CommunityProfile: Sendable {
    public let community: Int
    public internal(set) var size = 0
    /// Edges with both ends inside.
    public internal(set) var internalEdges = 0
    /// Edges with one end inside.
    public internal(set) var leavingEdges = 0
    /// Members whose profile is known, and how many of those the audit calls suspicious or inactive.
    public internal(set) var profiled = 0, suspicious = 0, inactive = 0
    /// The best-connected members, most ties first.
    public internal(set) var topMembers: [(label: String, degree: Int)] = []
    /// Most common languages and locations among members that give one, most common first.
    public internal(set) var languages: [(value: String, count: Int)] = []
    public internal(set) var locations: [(value: String, count: Int)] = []

    /// Edges inside over the pairs possible (0 for a single node).
    public var internalDensity: Double { size > 1 ? Double(internalEdges) / (Double(size) * Double(size - 1) / 2) : 0 }
    /// The share of its members' ties that leave it.
    public var leavingShare: Double {
        let ends = 2 * internalEdges + leavingEdges
        return ends > 0 ? Double(leavingEdges) / Double(ends) : 0
    }
    public var suspiciousShare: Double? { profiled > 0 ? Double(suspicious) / Double(profiled) : nil }
    public var inactiveShare: Double? { profiled > 0 ? Double(inactive) / Double(profiled) : nil }

    /// Profiles every community of `membership` (numbered 0…), listing `top` members, languages and locations.
    public static func all(graph: Graph, membership: [Int], nodes: [NodeInfo], top: Int = 5) -> [CommunityProfile] {
        let count = (membership.max() ?? -1) + 1
        var profiles = (0..<count).map { CommunityProfile(community: $0) }
        var members = [[Int]](repeating: [], count: count)
        for node in 0..<graph.nodeCount {
            let c = membership[node]
            members[c].append(node)
            profiles[c].size += 1
            for index in graph.offsets[node]..<graph.offsets[node + 1] {
                if membership[Int(graph.neighbors[index])] == c {
                    if node < Int(graph.neighbors[index]) { profiles[c].internalEdges += 1 }
                } else {
                    profiles[c].leavingEdges += 1
                }
            }
            guard let verdict = nodes[node].verdict else { continue }
            profiles[c].profiled += 1
            if verdict == "suspicious" { profiles[c].suspicious += 1 }
            if verdict == "inactive" { profiles[c].inactive += 1 }
        }
        for c in 0..<count {
            let degree = { (node: Int) in graph.offsets[node + 1] - graph.offsets[node] }
            profiles[c].topMembers = members[c].sorted { degree($0) != degree($1) ? degree($0) > degree($1) : $0 < $1 }
                .prefix(top).map { (nodes[$0].label, degree($0)) }
            profiles[c].languages = mostCommon(members[c].compactMap { nodes[$0].lang }, top: top)
            profiles[c].locations = mostCommon(members[c].compactMap { nodes[$0].location }, top: top)
        }
        return profiles
    }

    /// Values compared case-insensitively, empty ones left out; shown as first written.
    public static func mostCommon(_ values: [String], top: Int) -> [(value: String, count: Int)] {
        var counts: [String: (shown: String, count: Int)] = [:]
        for value in values where !value.isEmpty {
            let key = value.lowercased()
            counts[key] = (counts[key]?.shown ?? value, (counts[key]?.count ?? 0) + 1)
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.shown < $1.shown }
            .prefix(top).map { ($0.shown, $0.count) }
    }
}
