import TrackerAudit
import TrackerStore

/// Profiles to and from the columns of `profile_version` (`RosterWriter.profileColumns`, same order).
extension Profile {
    var storedFields: [SQLValue] {
        let text = { (value: String?) in value.map(SQLValue.text) ?? .null }
        let integer = { (value: Int?) in value.map { SQLValue.integer(Int64($0)) } ?? .null }
        let time = { (value: Int64?) in value.map(SQLValue.integer) ?? .null }
        let flag = { (value: Bool?) in value.map { SQLValue.integer($0 ? 1 : 0) } ?? .null }
        return [text(handle), text(name), text(description), text(location), text(url), text(lang), time(createdAt),
                integer(posts), integer(followers), integer(following), integer(listed), integer(favourites),
                time(lastPostAt), flag(defaultImage), flag(verified), flag(protected)]
    }

    /// Reads a member row of `Database.forEachMember`: account id, key, position, then the profile columns.
    init(member row: Statement) {
        self.init(id: row.string(at: 1))
        let int = { (index: Int32) in row.optionalInt64(at: index).map { Int($0) } }
        handle = row.optionalString(at: 3)
        name = row.optionalString(at: 4)
        description = row.optionalString(at: 5)
        location = row.optionalString(at: 6)
        url = row.optionalString(at: 7)
        lang = row.optionalString(at: 8)
        createdAt = row.optionalInt64(at: 9)
        posts = int(10)
        followers = int(11)
        following = int(12)
        listed = int(13)
        favourites = int(14)
        lastPostAt = row.optionalInt64(at: 15)
        defaultImage = row.optionalInt64(at: 16).map { $0 != 0 }
        verified = row.optionalInt64(at: 17).map { $0 != 0 }
        protected = row.optionalInt64(at: 18).map { $0 != 0 }
    }
}
