import ArgumentParser
import Foundation
import TrackerAudit
import TrackerStore
import TrackerTime

extension RosterRelation: ExpressibleByArgument {}

/// `--page`, `--platform`, `--relation` and `--rules`: which roster of which page, judged by which rules.
struct RosterOptions: ParsableArguments {
    @Option(help: "The page (handle).") var page: String
    @Option(help: "Its platform (needed to create a page, or when the name is on several).") var platform: String?
    @Option(help: "followers (who follows the page) or following (whom it follows).") var relation: RosterRelation = .followers
    @Option(help: ArgumentHelp("A JSON file choosing rules and thresholds.",
                               discussion: "Default: $TRACKER_AUDIT_RULES when set, else the published rules.", valueName: "file"))
    var rules: String?

    /// The page, which must exist and be unique.
    func page(in db: Database) throws -> PageRef {
        let pages = try PageLookup.find(page, platform: platform, in: db)
        guard pages.count == 1 else {
            throw CLIError("'\(page)' is on \(pages.map(\.platform).joined(separator: " and "))", hint: "choose one with --platform")
        }
        return pages[0]
    }

    /// The roster in effect at `at` (the latest when nil), with a clear error when there is none.
    func roster(of page: PageRef, at: Int64?, in db: Database) throws -> RosterRef {
        if let roster = try db.roster(pageID: page.id, relation: relation, at: at) { return roster }
        let when = at.map { " at or before \(UTCTime.format($0))" } ?? ""
        throw CLIError("\(page.platform)/\(page.handle) has no \(relation.rawValue) roster\(when)",
                       hint: "record one with: tracker followers ingest --page \(page.handle) --relation \(relation.rawValue) FILE")
    }

    /// The verdict policy: the rules file, else the published rules.
    func policy() throws -> VerdictPolicy {
        guard let path = rules ?? ProcessInfo.processInfo.environment["TRACKER_AUDIT_RULES"] else { return VerdictPolicy() }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the rules file \(path)") }
        do {
            return try VerdictPolicy(config: data, source: path)
        } catch let error as AuditConfigError {
            throw CLIError("\(error)", hint: "see 'Audit rules' in the README for the keys")
        }
    }
}

/// A time option: ISO 8601, or an expression like `7d` (ago).
enum TimeOption {
    static func parse(_ text: String?, name: String) throws -> Int64? {
        guard let text else { return nil }
        guard let time = UTCTime.parse(text) else { throw ValidationError("--\(name) '\(text)' is not an ISO 8601 date or time") }
        return time
    }
}
