import Foundation
import Testing
import TrackerAudit
import TrackerIngest

/// `make eval`: each rule and the combined verdict on ../shared/data/audit.
@Suite struct SharedDataEvaluation {
    static let shared = ProcessInfo.processInfo.environment["TRACKER_SHARED"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared").standardized.path

    /// When the bought accounts are judged: 2018-01-25, after the purchase.
    static let boughtNow: Int64 = 1_516_838_400

    static func boughtAccounts() throws -> [Profile] {
        try profiles(shared + "/data/audit/bought-followers-2018/fake_accounts.csv")
    }

    /// Whether `rule` flags the profile at `time` (nil when it abstains); the combined verdict when `rule` is nil.
    static func flags(_ rule: AuditRule?, _ profile: Profile, at time: Int64) -> Bool? {
        guard let rule else { return VerdictPolicy().judge(profile, now: time).label == .suspicious }
        return rule.check(profile, now: time)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil))
    func reportOnLabelledFollowers() throws {
        let srf = try Self.rows(Self.shared + "/data/audit/srf-instagram-2017/labelled_1000_inclprivate.csv").map(Self.srf)
        let bought = try Self.boughtAccounts()
        let now: Int64 = 1_506_816_000  // 2017-10-01, after SRF's collection
        print("audit: SRF Instagram 2017 (\(srf.count) accounts, \(srf.filter(\.fake).count) labelled fake); bought followers 2018 (\(bought.count), all fake)")
        for rule in AuditRule.all + [nil] {
            let name = rule?.id ?? "suspicious (combined)"
            let labelled = srf.map { (Self.flags(rule, $0.profile, at: now), $0.fake) }
            let counts = Counts(labelled)
            let caught = bought.compactMap { Self.flags(rule, $0, at: Self.boughtNow) }
            let boughtRecall = caught.isEmpty ? "n/a" : String(format: "%.3f", Double(caught.filter { $0 }.count) / Double(caught.count))
            // Both sets as one, as Cresci et al. pooled their humans and their bought accounts.
            let pooled = Counts(labelled + caught.map { ($0, true) })
            print("audit \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) SRF: \(counts)  bought recall \(boughtRecall)  pooled: \(pooled)")
        }
    }

    /// `make eval INSTAFAKE=DIR`: the same rules on InstaFake (github.com/fcakyon/instafake-dataset,
    /// `data/fake-v1.0`: 200 fake and 994 real Instagram accounts, profile counts only), a set no
    /// threshold was fitted to. Not in ../shared, so it runs only when given.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRACKER_EVAL"] != nil
                   && !(ProcessInfo.processInfo.environment["TRACKER_INSTAFAKE"] ?? "").isEmpty))
    func reportOnInstaFake() throws {
        let folder = ProcessInfo.processInfo.environment["TRACKER_INSTAFAKE"]!
        let accounts = try Self.instaFake(folder + "/fakeAccountData.json") + Self.instaFake(folder + "/realAccountData.json")
        let bought = try Self.boughtAccounts()
        print("audit: InstaFake (\(accounts.count) accounts, \(accounts.filter(\.fake).count) fake)")
        for rule in AuditRule.all + [nil] {
            let name = rule?.id ?? "suspicious (combined)"
            let labelled = accounts.map { (Self.flags(rule, $0.profile, at: 0), $0.fake) }
            let caught = bought.compactMap { Self.flags(rule, $0, at: Self.boughtNow) }.map { ($0 as Bool?, true) }
            print("audit \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) InstaFake: \(Counts(labelled))  pooled with the bought: \(Counts(labelled + caught))")
        }
    }

    /// One InstaFake file: a JSON array of accounts with their counts, picture, privacy and bio length.
    static func instaFake(_ path: String) throws -> [(profile: Profile, fake: Bool)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Int]] ?? []
        return rows.enumerated().map { index, row in
            var p = Profile(id: "\(path)#\(index)")
            p.posts = row["userMediaCount"]
            p.following = row["userFollowingCount"]
            p.followers = row["userFollowerCount"]
            p.defaultImage = row["userHasProfilPic"].map { $0 == 0 }
            p.protected = row["userIsPrivate"].map { $0 == 1 }
            // Only the bio's length is given: a stand-in of that length, for the rules that ask whether there is one.
            p.description = row["userBiographyLength"].map { String(repeating: "x", count: $0) }
            return (p, row["isFake"] == 1)
        }
    }

    struct Counts: CustomStringConvertible {
        var tp = 0, fp = 0, tn = 0, fn = 0, abstained = 0
        init(_ pairs: [(Bool?, Bool)]) {
            for (flag, fake) in pairs {
                switch (flag, fake) {
                case (nil, _): abstained += 1
                case (true?, true): tp += 1
                case (true?, false): fp += 1
                case (false?, false): tn += 1
                case (false?, true): fn += 1
                }
            }
        }
        var mcc: Double {
            let d = Double((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)).squareRoot()
            return d > 0 ? (Double(tp * tn) - Double(fp * fn)) / d : 0
        }
        var description: String {
            guard tp + fp + tn + fn > 0 else { return "abstains (fields not in this data)".padding(toLength: 44, withPad: " ", startingAt: 0) }
            let precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0, recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
            return String(format: "precision %.3f recall %.3f MCC %.3f", precision, recall, mcc)
        }
    }

    // MARK: - Reading the shared files

    static func rows(_ path: String) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVScanner(source: try ByteSource(path: path), delimiter: UInt8(ascii: ","), quoting: true).forEachRecord { record in
            let fields = (0..<record.count).map { record.string($0) ?? "" }
            if header.isEmpty { header = fields } else { rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields))) }
        }
        return rows
    }

    static func srf(_ row: [String: String]) -> (profile: Profile, fake: Bool) {
        var p = Profile(id: row["Username"] ?? "")
        p.posts = row["Number.of.posts"].flatMap { Int($0) }
        p.following = row["Number.of.people.they.follow"].flatMap { Int($0) }
        p.followers = row["Number.of.followers"].flatMap { Int($0) }
        p.defaultImage = row["has_profile_picture"].map { $0 != "TRUE" }
        p.protected = row["Private.account"].map { $0 == "TRUE" }
        return (p, row["rating"] == "TRUE")
    }

    /// Read as `tracker followers ingest` reads them: the v1.1 user objects, columns as they come.
    static func profiles(_ path: String) throws -> [Profile] {
        var profiles: [Profile] = []
        try ProfileReader(source: try ByteSource(path: path), format: .csv, options: ReadOptions(now: 0)).read { item in
            if case .profile(let profile, _, _) = item { profiles.append(profile) }
        }
        return profiles
    }
}
