import TrackerAudit
import TrackerStore
import TrackerTime

/// Rows listing accounts with their verdict, shared by `audit --list` and `followers changes --list`.
struct MemberListing {
    static let columns = ["account", "handle", "verdict", "score", "flagged", "followers", "following", "posts", "created_at", "last_post_at"]

    let writer: ResultWriter

    init(format: OutputFormat) { writer = ResultWriter(format: format, columns: Self.columns) }

    func write(_ profile: Profile, _ verdict: Verdict) {
        let int = { (value: Int?) in value.map { SQLValue.integer(Int64($0)) } ?? .null }
        let time = { (value: Int64?) in value.map { SQLValue.text(UTCTime.format($0)) } ?? .null }
        writer.write([.text(profile.id), profile.handle.map(SQLValue.text) ?? .null, .text(verdict.label.rawValue),
                      .integer(Int64(verdict.score)), .text(verdict.flagged.joined(separator: ",")),
                      int(profile.followers), int(profile.following), int(profile.posts), time(profile.createdAt), time(profile.lastPostAt)])
    }

    func finish() { writer.finish() }
}

/// Rows of figures: `section, item, accounts, share, detail`, shared by `audit` and `followers changes`.
struct FigureTable {
    static let columns = ["section", "item", "accounts", "share", "detail"]

    let writer: ResultWriter

    init(format: OutputFormat) { writer = ResultWriter(format: format, columns: Self.columns) }

    func add(_ section: String, _ item: String, _ accounts: Int, share: Double?, _ detail: String) {
        writer.write([.text(section), .text(item), .integer(Int64(accounts)), share.map(SQLValue.real) ?? .null, .text(detail)])
    }

    func finish() { writer.finish() }
}

extension Int {
    /// This count as a share of `total` (nil when the total is 0), rounded for display.
    func share(of total: Int) -> Double? {
        total > 0 ? (Double(self) / Double(total) * 10_000).rounded() / 10_000 : nil
    }
}
