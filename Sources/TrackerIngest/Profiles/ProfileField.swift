import Foundation
import TrackerAudit
import TrackerTime

/// A profile field and the names sources give it: our own column names first, then Twitter
/// API v1.1 and v2 and Instagram's. The first name a row has wins.
enum ProfileField: String, CaseIterable {
    case id, handle, name, description, location, url, lang, createdAt = "created_at"
    case posts, followers, following, listed, favourites, lastPostAt = "last_post_at"
    case defaultImage = "default_image", verified, protected

    var aliases: [String] {
        switch self {
        case .id: return ["id", "id_str", "pk", "account_id"]
        case .handle: return ["handle", "screen_name", "username"]
        case .name: return ["name", "full_name"]
        case .description: return ["description", "bio", "biography"]
        case .location, .url, .lang, .createdAt, .verified: return [rawValue]
        case .posts: return ["posts", "statuses_count", "tweet_count", "media_count"]
        case .followers: return ["followers", "followers_count", "follower_count"]
        // v1.1 also has a boolean `following` (does the caller follow them?), so the counts come first.
        case .following: return ["friends_count", "following_count", "following"]
        case .listed: return ["listed", "listed_count"]
        case .favourites: return ["favourites", "favourites_count", "favorites_count", "like_count"]
        case .lastPostAt: return ["last_post_at", "status"]
        case .defaultImage: return ["default_image", "default_profile_image", "has_anonymous_profile_picture", "profile_image_url"]
        case .protected: return ["protected", "is_private", "private"]
        }
    }

    enum Kind { case text, count, time, flag }

    var kind: Kind {
        switch self {
        case .id, .handle, .name, .description, .location, .url, .lang: return .text
        case .posts, .followers, .following, .listed, .favourites: return .count
        case .createdAt, .lastPostAt: return .time
        case .defaultImage, .verified, .protected: return .flag
        }
    }
}

/// Turns one source row (a CSV record or a JSON object) into a `Profile`, checking every value.
struct ProfileDecoder {
    /// Why a value was refused; the reader adds the source and line.
    struct Problem: Error {
        let column: String
        let value: String?
        let message: String
    }

    /// A value as read: CSV cells are always text; JSON values are told apart once, here.
    enum Raw {
        case text(String)
        case number(NSNumber)
        case object([String: Any])
        case null
        /// A CSV cell that is not valid UTF-8.
        case invalidText
        case other(String)

        init(_ value: Any) {
            switch value {
            case let text as String: self = .text(text)
            case let number as NSNumber: self = .number(number)
            case let object as [String: Any]: self = .object(object)
            case is NSNull: self = .null
            default: self = .other(JSONNumbers.json(value))
            }
        }

        var shown: String {
            switch self {
            case .text(let text), .other(let text): return text
            case .number(let number): return number.stringValue
            case .object(let object): return JSONNumbers.json(object)
            case .null: return "null"
            case .invalidText: return ""
            }
        }
    }

    /// `value(field)` gives the column name found and its value, nil when the row has none of the field's names.
    static func decode(_ value: (ProfileField) -> (column: String, value: Raw)?) throws -> Profile {
        var profile = Profile(id: "")
        for field in ProfileField.allCases {
            guard let (column, raw) = value(field) else { continue }
            try set(field, of: &profile, column: column, raw: raw)
        }
        if profile.id.isEmpty {
            guard let handle = profile.handle else {
                throw Problem(column: "id", value: nil, message: "is missing or empty, and so is handle: each account needs one")
            }
            profile.id = "@" + handle.lowercased()
        }
        return profile
    }

    private static func set(_ field: ProfileField, of p: inout Profile, column: String, raw: Raw) throws {
        if case .invalidText = raw { throw Problem(column: column, value: nil, message: "is not valid UTF-8 text") }
        switch field.kind {
        case .text:
            let text = Self.text(raw)
            switch field {
            case .id: p.id = text ?? ""
            case .handle: p.handle = text.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }.flatMap { $0.isEmpty ? nil : $0 }
            case .name: p.name = text ?? ""
            case .description: p.description = text ?? ""
            case .location: p.location = text ?? ""
            case .url: p.url = text ?? ""
            default: p.lang = text.flatMap { $0.isEmpty ? nil : $0 }
            }
        case .count:
            let count = try Self.count(raw, column: column)
            switch field {
            case .posts: p.posts = count
            case .followers: p.followers = count
            case .following: p.following = count
            case .listed: p.listed = count
            default: p.favourites = count
            }
        case .time:
            let time = try Self.time(raw, column: column)
            if field == .createdAt { p.createdAt = time } else { p.lastPostAt = time }
        case .flag:
            let flag = try Self.flag(raw, column: column)
            switch field {
            case .defaultImage: p.defaultImage = flag
            case .verified: p.verified = flag
            default: p.protected = flag
            }
        }
    }

    // MARK: - Values

    /// Text as given; null is "none given" for a column that exists, so it reads as empty.
    static func text(_ raw: Raw) -> String? {
        switch raw {
        case .text(let text): return text.trimmingSpaces
        case .number(let number): return number.stringValue
        default: return nil
        }
    }

    static func count(_ raw: Raw, column: String) throws -> Int? {
        let problem = { (value: String) in Problem(column: column, value: value, message: "is not a count (a whole number ≥ 0)") }
        switch raw {
        case .null: return nil
        case .number(let number):
            let value = number.doubleValue
            guard !JSONNumbers.isBoolean(number), value >= 0, value == value.rounded(), value < 1e15 else { throw problem(number.stringValue) }
            return Int(value)
        case .text(let text):
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty { return nil }
            guard let value = Int(trimmed), value >= 0 else { throw problem(text) }
            return value
        default: throw problem(raw.shown)
        }
    }

    /// ISO 8601, Twitter's `Thu Apr 17 09:16:09 +0000 2014`, or Unix seconds; for `status`, the
    /// latest post's time (a JSON object, or the Python literal some v1.1 exports hold).
    static func time(_ raw: Raw, column: String) throws -> Int64? {
        let problem = { (value: String) in
            Problem(column: column, value: value, message: "is not a time (ISO 8601, Twitter's format, or Unix seconds)")
        }
        switch raw {
        case .null: return nil
        case .object(let object): return try object["created_at"].flatMap { try time(Raw($0), column: column + ".created_at") }
        case .number(let number) where !JSONNumbers.isBoolean(number): return number.int64Value
        case .text(let text):
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty { return nil }
            if column == "status" { return statusTime(trimmed) }
            if let time = UTCTime.parse(trimmed) ?? UTCTime.parseTwitter(trimmed) ?? Int64(trimmed) { return time }
            throw problem(text)
        default: throw problem(raw.shown)
        }
    }

    /// The first `'created_at': '…'` of a status written as a Python dict literal.
    private static func statusTime(_ text: String) -> Int64? {
        guard let key = text.range(of: "'created_at': '") else { return nil }
        let rest = text[key.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return UTCTime.parseTwitter(String(rest[..<end]))
    }

    static func flag(_ raw: Raw, column: String) throws -> Bool? {
        if column == "profile_image_url" {
            if case .text(let url) = raw { return url.contains("default_profile_images") }
            return nil
        }
        switch raw {
        case .null: return nil
        case .number(let number): return number.boolValue
        case .text(let text):
            switch text.trimmingSpaces.lowercased() {
            case "": return nil
            case "true", "t", "1", "yes", "y": return true
            case "false", "f", "0", "no", "n": return false
            default: throw Problem(column: column, value: text, message: "is not true or false")
            }
        default: throw Problem(column: column, value: raw.shown, message: "is not true or false")
        }
    }
}
