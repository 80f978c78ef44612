import Foundation

/// A rules config file that cannot be used: names the file and the field.
public struct AuditConfigError: Error, CustomStringConvertible, Equatable {
    public let source: String
    public let field: String
    public let message: String
    public var description: String { field.isEmpty ? "\(source): \(message)" : "\(source), field \"\(field)\": \(message)" }
}

extension VerdictPolicy {
    /// A policy from a JSON config; every key is optional:
    ///
    /// ```json
    /// {
    ///   "families": ["seed", "socialbakers", "camisani_calzolari"],
    ///   "thresholds": {"few_posts": 50, "inactive": 180},
    ///   "disable": ["cc_no_url"],
    ///   "suspicious_score": 50,
    ///   "imbalance_ratio": 10
    /// }
    /// ```
    public init(config data: Data, source: String) throws {
        self.init()
        let file = ConfigFile(source: source)
        let object = try file.object(from: data)
        if let value = object["families"] {
            let families = try file.families(value)
            rules = rules.filter { families.contains($0.family) }
        }
        if let value = object["thresholds"] { try setThresholds(value, file) }
        if let value = object["disable"] {
            let ids = try file.ruleIDs(value)
            rules.removeAll { ids.contains($0.id) }
        }
        if let value = object["suspicious_score"] {
            guard let score = (value as? NSNumber)?.intValue, (1...100).contains(score) else {
                throw file.fail("suspicious_score", "is not a whole number from 1 to 100")
            }
            suspiciousScore = score
        }
        if let value = object["imbalance_ratio"] {
            guard let ratio = (value as? NSNumber)?.doubleValue, ratio > 1 else { throw file.fail("imbalance_ratio", "is not a number above 1") }
            imbalanceRatio = ratio
        }
    }

    /// `"thresholds": {"few_posts": 50}`: each names a rule still in use (after `families`).
    private mutating func setThresholds(_ value: Any, _ file: ConfigFile) throws {
        guard let thresholds = value as? [String: Any] else { throw file.fail("thresholds", "is not an object of rule: number") }
        for (id, number) in thresholds {
            guard let index = rules.firstIndex(where: { $0.id == id }) else { throw file.fail("thresholds.\(id)", "is not a rule in use") }
            guard let threshold = (number as? NSNumber)?.doubleValue, threshold >= 0 else {
                throw file.fail("thresholds.\(id)", "is not a number ≥ 0")
            }
            rules[index].threshold = threshold
        }
    }
}

/// Reads the parts of a rules file, each error naming the file and the field.
private struct ConfigFile {
    let source: String
    static let settings: Set = ["families", "thresholds", "disable", "suspicious_score", "imbalance_ratio"]

    func fail(_ field: String, _ message: String) -> AuditConfigError { AuditConfigError(source: source, field: field, message: message) }

    /// The file's JSON object, with no key but the known settings.
    func object(from data: Data) throws -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            throw fail("", "is not valid JSON: \(reason)")
        }
        guard let object = parsed as? [String: Any] else { throw fail("", "is not a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !Self.settings.contains($0) }) {
            throw fail(unknown, "is not a setting (known: \(Self.settings.sorted().joined(separator: ", ")))")
        }
        return object
    }

    func families(_ value: Any) throws -> [AuditRule.Family] {
        guard let names = value as? [String] else { throw fail("families", "is not a list of family names") }
        return try names.map { name in
            guard let family = AuditRule.Family(rawValue: name) else {
                throw fail("families", "\"\(name)\" is not a family (\(AuditRule.Family.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return family
        }
    }

    func ruleIDs(_ value: Any) throws -> [String] {
        guard let ids = value as? [String] else { throw fail("disable", "is not a list of rule ids") }
        for id in ids where !AuditRule.all.contains(where: { $0.id == id }) { throw fail("disable", "\"\(id)\" is not a rule") }
        return ids
    }
}
