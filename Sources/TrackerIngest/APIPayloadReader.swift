import Foundation
import TrackerTime

/// Reads platform API responses as collectors fetch them. They carry no observation time:
/// every account in a payload is observed at `ReadOptions.observedAt` (default: now).
///
/// - twitter: X/Twitter API v2 user lookup, `data[].username` and `data[].public_metrics`
///   (`followers_count` → followers, `following_count` → following, `tweet_count` → posts,
///   `listed_count` → listed).
/// - facebook: Graph API page objects (one, an array, or `{"data": [...]}`), `username` or `id`
///   (`fan_count` → fans, `followers_count` → followers, `talking_about_count` → talking_about).
/// - youtube: Data API `channels.list`, `items[].id` and `items[].statistics`
///   (`subscriberCount` → followers, `videoCount` → posts, `viewCount` → views).
public struct APIPayloadReader: ObservationReader {
    public enum Kind: String, CaseIterable, Sendable {
        case twitter, facebook, youtube
    }

    /// API payloads are small (one page of results): read whole, up to this size.
    public static let maxPayloadBytes = 64 << 20

    let source: ByteSource
    let kind: Kind
    let options: ReadOptions

    public init(source: ByteSource, kind: Kind, options: ReadOptions) {
        self.source = source
        self.kind = kind
        self.options = options
    }

    public func read(_ emit: (ObservationBatch) throws -> Void) throws {
        let bytes = try source.readAll(limit: Self.maxPayloadBytes)
        guard !bytes.isEmpty else { throw IngestError(source: source.name, message: "is empty: expected a \(kind) API response") }
        let payload: Any
        do {
            payload = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            throw IngestError(source: source.name, message: "is not valid JSON: \(reason)")
        }
        let time = options.observedAt ?? options.now
        var builder = BatchBuilder(source: source.name, options: options)
        for (path, account) in try accounts(in: payload) {
            do {
                var fields = try fields(of: account, path: path)
                fields["platform"] = kind.rawValue
                fields["observed_at"] = UTCTime.format(time)
                try builder.append(Row(fields: fields, source: source.name, line: 1, options: options),
                                   line: 1, raw: nil, emit: emit)
            } catch let error as IngestError where options.skipInvalid {
                try builder.reject(error, raw: nil)
            }
        }
        try builder.flush(emit: emit)
    }

    /// The account objects of the payload, each with its JSON path for error messages.
    private func accounts(in payload: Any) throws -> [(String, [String: Any])] {
        let key = kind == .youtube ? "items" : "data"
        if let object = payload as? [String: Any] {
            if let list = object[key] as? [Any] { return try list.enumerated().map { try account($1, path: "\(key)[\($0)]") } }
            if let one = object[key] as? [String: Any] { return [(key, one)] }
            if kind == .facebook, object["id"] != nil { return [("$", object)] }
            if let errors = object["errors"] ?? object["error"] {
                throw IngestError(source: source.name, message: "is an API error response: \(compact(errors))")
            }
            throw IngestError(source: source.name, message: "has no '\(key)' list: not a \(kind) API response")
        }
        if kind == .facebook, let list = payload as? [Any] {
            return try list.enumerated().map { try account($1, path: "[\($0)]") }
        }
        throw IngestError(source: source.name, message: "is not a \(kind) API response (expected a JSON object)")
    }

    private func account(_ value: Any, path: String) throws -> (String, [String: Any]) {
        guard let object = value as? [String: Any] else {
            throw IngestError(source: source.name, column: path, message: "is not an object")
        }
        return (path, object)
    }

    /// The account's page name and metrics, as a wide row's fields.
    private func fields(of account: [String: Any], path: String) throws -> [String: Any] {
        func require(_ key: String) throws -> Any {
            guard let value = account[key] else {
                throw IngestError(source: source.name, column: "\(path).\(key)", message: "is missing")
            }
            return value
        }
        func metrics(_ object: Any?, at objectPath: String, _ names: [String: String]) throws -> [String: Any] {
            guard let object = object as? [String: Any] else {
                throw IngestError(source: source.name, column: objectPath, message: "is missing or not an object")
            }
            var fields: [String: Any] = [:]
            for (key, metric) in names { if let value = object[key] { fields[metric] = value } }
            return fields
        }
        switch kind {
        case .twitter:
            var fields = try metrics(account["public_metrics"], at: "\(path).public_metrics", [
                "followers_count": "followers", "following_count": "following",
                "tweet_count": "posts", "listed_count": "listed",
            ])
            fields["page"] = try require("username")
            return fields
        case .facebook:
            var fields = try metrics(account, at: path, [
                "fan_count": "fans", "followers_count": "followers", "talking_about_count": "talking_about",
            ])
            fields["page"] = try account["username"] ?? require("id")
            return fields
        case .youtube:
            var fields = try metrics(account["statistics"], at: "\(path).statistics", [
                "subscriberCount": "followers", "videoCount": "posts", "viewCount": "views",
            ])
            if (account["statistics"] as? [String: Any])?["hiddenSubscriberCount"] as? Bool == true {
                fields["followers"] = NSNull()  // hidden: not observed
            }
            fields["page"] = try require("id")
            return fields
        }
    }

    private func compact(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value) else { return "\(value)" }
        return String(decoding: data.prefix(300), as: UTF8.self)
    }
}
