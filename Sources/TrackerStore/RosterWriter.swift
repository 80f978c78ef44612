/// Who follows a page (or whom it follows) at one time.
public enum RosterRelation: String, CaseIterable, Sendable {
    case followers, following
}

/// Writes one roster inside the caller's write transaction: its members in input order, and each
/// member's profile as a new version only when a field changed since the version in effect then.
///
/// ```swift
/// try db.write { db in
///     let writer = try RosterWriter(database: db, pageID: page, relation: .followers, takenAt: t, runID: run)
///     _ = try writer.add(platform: "twitter", key: "2489518786", fields: values)
///     try writer.finish()
/// }
/// ```
///
/// A roster already stored at the same time is replaced: a roster is a complete list.
public final class RosterWriter {
    /// The profile columns of `profile_version`, in the order `add` takes their values.
    public static let profileColumns = [
        "handle", "name", "description", "location", "url", "lang", "created_at", "posts", "followers", "following",
        "listed", "favourites", "last_post_at", "default_image", "verified", "protected",
    ]

    public enum Outcome: Equatable, Sendable {
        /// A member added (`newVersions` counts those whose profile was new or had changed).
        case added
        /// The account is already in this roster.
        case duplicate
    }

    private let db: Database
    public let rosterID: Int64
    public let takenAt: Int64
    public let runID: Int64
    /// True when a roster at the same time was replaced.
    public let replacedExisting: Bool
    public private(set) var members = 0
    public private(set) var newVersions = 0

    public init(database: Database, pageID: Int64, relation: RosterRelation, takenAt: Int64, runID: Int64) throws {
        db = database
        self.takenAt = takenAt
        self.runID = runID
        (rosterID, replacedExisting) = try db.startListSnapshot(
            .roster, key: [("page_id", .integer(pageID)), ("relation", .text(relation.rawValue)), ("taken_at", .integer(takenAt))],
            runID: runID)
    }

    /// Adds an account; `fields` holds one value per `profileColumns` entry.
    public func add(platform: String, key: String, fields: [SQLValue]) throws -> Outcome {
        precondition(fields.count == Self.profileColumns.count)
        let (account, isNew) = try accountID(platform: platform, key: key)
        let member = try db.cachedStatement(
            "INSERT INTO roster_member (roster_id, account_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        member.bind(rosterID, at: 1)
        member.bind(account, at: 2)
        member.bind(members, at: 3)
        try member.run()
        guard db.changes == 1 else { return .duplicate }
        members += 1
        if try storeVersion(account: account, fields: fields, known: !isNew) { newVersions += 1 }
        return .added
    }

    /// Records the member count; call after the last `add`.
    public func finish() throws {
        try db.finishListSnapshot(.roster, id: rosterID, size: members)
    }

    // MARK: - Accounts and versions

    /// The account's id, and whether it was created just now.
    private func accountID(platform: String, key: String) throws -> (Int64, Bool) {
        let select = try db.cachedStatement("SELECT id FROM account WHERE platform = ? AND key = ?")
        select.bind(platform, at: 1)
        select.bind(key, at: 2)
        if try select.step() { return (select.int64(at: 0), false) }
        let insert = try db.cachedStatement("INSERT INTO account (platform, key) VALUES (?, ?)")
        insert.bind(platform, at: 1)
        insert.bind(key, at: 2)
        try insert.run()
        return (db.lastInsertRowID, true)
    }

    /// Stores the profile unless the version in effect at `takenAt` already shows exactly these fields
    /// (an account created just now has none to compare with).
    private func storeVersion(account: Int64, fields: [SQLValue], known: Bool) throws -> Bool {
        let digest = Self.digest(fields)
        if known {
            let current = try db.cachedStatement(
                "SELECT digest FROM profile_version WHERE account_id = ? AND seen_at <= ? ORDER BY seen_at DESC LIMIT 1")
            current.bind(account, at: 1)
            current.bind(takenAt, at: 2)
            if try current.step(), current.int64(at: 0) == digest { return false }
        }
        let insert = try db.cachedStatement(Self.insertVersionSQL)
        insert.bind(account, at: 1)
        insert.bind(takenAt, at: 2)
        insert.bind(digest, at: 3)
        for (offset, value) in fields.enumerated() { insert.bind(value, at: Int32(4 + offset)) }
        insert.bind(runID, at: Int32(4 + fields.count))
        try insert.run()
        return true
    }

    private static let insertVersionSQL = """
        INSERT OR REPLACE INTO profile_version (account_id, seen_at, digest, \(profileColumns.joined(separator: ", ")), run_id)
        VALUES (?, ?, ?, \(profileColumns.map { _ in "?" }.joined(separator: ", ")), ?)
        """

    /// FNV-1a (64-bit) over the values with their types, so that NULL, '' and 0 differ.
    static func digest(_ fields: [SQLValue]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        func mix64(_ value: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: value >> UInt64(shift))) } }
        for field in fields {
            switch field {
            case .null: mix(0)
            case .integer(let v): mix(1); mix64(UInt64(bitPattern: v))
            case .real(let v): mix(2); mix64(v.bitPattern)
            case .text(let v): mix(3); mix64(UInt64(v.utf8.count)); for byte in v.utf8 { mix(byte) }
            case .blob(let v): mix(4); mix64(UInt64(v.count)); for byte in v { mix(byte) }
            }
        }
        return Int64(bitPattern: hash)
    }
}
