/// Flags communities that are both weakly tied to the rest of the graph and mostly suspicious or foreign:
/// the accounts a page mass-followed, who follow each other more than anyone else.
public struct OutsiderCheck: Sendable {
    /// At most this share of a community's ties leave it.
    public var weakTies = 0.2
    /// Communities smaller than this are not judged.
    public var minimumSize = 5
    /// Mostly suspicious: at least this share of the members with a known profile.
    public var suspiciousMajority = 0.5

    public init() {}

    /// The explanation when `community` is flagged, nil otherwise. `mainLanguage` is the graph's most common language.
    public func judge(_ community: CommunityProfile, mainLanguage: String?) -> String? {
        guard community.size >= minimumSize, community.leavingShare <= weakTies else { return nil }
        var reasons: [String] = []
        if let share = community.suspiciousShare, share >= suspiciousMajority {
            reasons.append("\(percent(share)) of its members with a known profile look suspicious")
        }
        if let foreign = foreignLanguage(community, mainLanguage: mainLanguage) { reasons.append(foreign) }
        guard !reasons.isEmpty else { return nil }
        return "community \(community.community) (\(community.size) accounts) keeps \(percent(1 - community.leavingShare)) of its ties "
            + "inside, and " + reasons.joined(separator: ", and ")
    }

    /// "most speak en, unlike the graph (fr)" when the community's main language (a majority of those known) differs.
    private func foreignLanguage(_ community: CommunityProfile, mainLanguage: String?) -> String? {
        guard let mainLanguage, let top = community.languages.first else { return nil }
        let known = community.languages.reduce(0) { $0 + $1.count }
        guard top.value.lowercased() != mainLanguage.lowercased(), 2 * top.count > known else { return nil }
        let place = community.locations.first.map { ", most often in \($0.value)" } ?? ""
        return "most of its members write in \(top.value)\(place), unlike the rest of the graph (\(mainLanguage))"
    }

    private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
