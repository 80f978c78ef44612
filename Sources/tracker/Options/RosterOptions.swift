import ArgumentParser
import Foundation
import TrackerAudit
import TrackerIngest
import TrackerStore
import TrackerTime

extension RosterRelation: ExpressibleByArgument {}

/// `--page` and `--platform`: one page, which must exist and be unique.
struct PageOption: ParsableArguments {
    @Option(help: "The page (handle).") var page: String
    @Option(help: "Its platform (needed to create a page, or when the name is on several).") var platform: String?

    /// The page; when the name is on several platforms, the only one that `has` what the command
    /// needs (`needing` names it, so that none having it is told as such, with how to record it).
    func page(in db: Database, needing: (what: String, record: String)? = nil,
              having has: (PageRef) throws -> Bool = { _ in true }) throws -> PageRef {
        var pages = try PageLookup.find(page, platform: platform, in: db)
        let platforms = pages.map(\.platform).joined(separator: " and ")
        if pages.count > 1 {
            let having = try pages.filter(has)
            if having.count == 1 { pages = having }
            if having.isEmpty, let needing {
                let either = pages.count == 2 ? "either" : "any of them"
                throw CLIError("'\(page)' is on \(platforms), and has no \(needing.what) on \(either)",
                               hint: "record one with: \(needing.record)")
            }
        }
        guard pages.count == 1 else { throw CLIError("'\(page)' is on \(platforms)", hint: "choose one with --platform") }
        return pages[0]
    }

    /// The page; created when --platform is given and it does not exist yet (call inside a write transaction).
    /// When the name is on several platforms, the only one that `has` what is recorded (earlier rosters, say).
    func findOrCreate(in db: Database, writer: SnapshotWriter, having has: (PageRef) throws -> Bool) throws -> PageRef {
        let found = try db.findPages(named: page, platform: platform)
        if found.count == 1 { return found[0] }
        if found.count > 1 { return try self.page(in: db, having: has) }
        guard let given = platform else { throw CLIError("no page named '\(page)'", hint: "give --platform to create it") }
        guard let platform = FieldRules.platform(given), let name = FieldRules.page(page) else {
            throw CLIError("'\(given)/\(page)' is not a valid platform and page name", hint: FieldRules.platformHint)
        }
        return PageRef(id: try writer.pageID(platform: platform, page: name), platform: platform, handle: name)
    }
}

/// `--rules FILE`: which audit rules and thresholds judge the accounts.
struct RulesOption: ParsableArguments {
    @Option(help: ArgumentHelp("A JSON file choosing rules and thresholds.",
                               discussion: "Default: $TRACKER_AUDIT_RULES when set, else the published rules.", valueName: "file"))
    var rules: String?

    func policy() throws -> VerdictPolicy {
        guard let path = rules ?? ProcessInfo.processInfo.environment["TRACKER_AUDIT_RULES"] else { return VerdictPolicy() }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the rules file \(path)") }
        do {
            return try VerdictPolicy(config: data, source: path)
        } catch let error as AuditConfigError {
            throw CLIError("\(error)", hint: "see 'Rules and the verdict' in the README for the keys")
        }
    }
}

/// `--page`, `--platform`, `--relation` and `--rules`: which roster of which page, judged by which rules.
struct RosterOptions: ParsableArguments {
    @OptionGroup var pageOption: PageOption
    @Option(help: "followers (who follows the page) or following (whom it follows).") var relation: RosterRelation = .followers
    @OptionGroup var rulesOption: RulesOption

    var page: String { pageOption.page }
    var platform: String? { pageOption.platform }
    /// The page; when the name is on several platforms, the only one with a roster of this relation.
    func page(in db: Database) throws -> PageRef {
        let record = "tracker followers ingest --page \(page) --platform P --relation \(relation.rawValue) FILE"
        return try pageOption.page(in: db, needing: ("\(relation.rawValue) roster", record)) {
            try db.roster(pageID: $0.id, relation: relation) != nil
        }
    }
    func policy() throws -> VerdictPolicy { try rulesOption.policy() }

    /// The roster in effect at `at` (the latest when nil), with a clear error when there is none.
    func roster(of page: PageRef, at: Int64?, in db: Database) throws -> RosterRef {
        if let roster = try db.roster(pageID: page.id, relation: relation, at: at) { return roster }
        let when = at.map { " at or before \(UTCTime.format($0))" } ?? ""
        throw CLIError("\(page.platform)/\(page.handle) has no \(relation.rawValue) roster\(when)",
                       hint: "record one with: tracker followers ingest --page \(page.handle) --relation \(relation.rawValue) FILE")
    }
}
