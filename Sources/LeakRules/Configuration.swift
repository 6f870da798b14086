import FilePaths
import Foundation

/// A project's `.leaklint.json`: extra resources for `unclosed-resource`,
/// and rules switched on or off or given another severity.
///
/// ```json
/// {"resources": [{"package": "github.com/acme/pool", "function": "Acquire", "receiver": "*Pool",
///                 "release": ["Release"], "message": "pooled connection never released"}],
///  "rules": {"defer-in-loop": {"enabled": false}, "unclosed-resource": {"severity": "error"}}}
/// ```
public struct Configuration: Sendable {
    /// A resource a project declares: what creates it and what releases it.
    public struct CustomResource: Sendable, Equatable {
        public var package: String
        public var function: String
        /// The receiver's type name for a method (`Pool` for `*Pool`), nil for a package function.
        public var receiver: String?
        public var release: [String]
        public var message: String

        var kind: ResourceKind { ResourceKind(noun: "value", releases: release, whatLeaks: message, verb: "released") }
    }

    /// A rule's settings from the file; nil fields are left as they are.
    public struct RuleSettings: Sendable, Equatable {
        public var enabled: Bool?
        public var severity: Severity?
    }

    /// A problem with the file, naming where it is.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var field: String
        public var message: String
        public var description: String { "\(path): \(field): \(message)" }
    }

    public static let fileName = ".leaklint.json"

    public var resources: [CustomResource] = [] {
        didSet { resourceIndex = Configuration.index(resources) }
    }
    /// Where each (package, receiver, function) is first declared in `resources`:
    /// every call a lint meets is looked up, so a scan would make the lint's
    /// work grow with the product of calls and declared resources.
    private var resourceIndex: [ResourceKey: Int] = [:]
    public var rules: [String: RuleSettings] = [:]
    /// Path patterns (relative to the file's directory) to leave out of the lint.
    public var exclude: [String] = []

    public init() {}

    func resource(package: String, function: String, receiver: String?) -> CustomResource? {
        resourceIndex[ResourceKey(package: package, receiver: receiver, function: function)].map { resources[$0] }
    }

    /// What identifies a declared resource.
    private struct ResourceKey: Hashable, Sendable {
        var package: String
        var receiver: String?
        var function: String
    }

    private static func index(_ resources: [CustomResource]) -> [ResourceKey: Int] {
        var index: [ResourceKey: Int] = [:]
        for (position, resource) in resources.enumerated() {
            let key = ResourceKey(package: resource.package, receiver: resource.receiver, function: resource.function)
            if index[key] == nil { index[key] = position }
        }
        return index
    }

    /// Larger configuration files are refused: a hand-written file is a few
    /// kilobytes, and one megabyte declares thousands of resources.
    public static let maxFileSize = 1 << 20

    /// The nearest `.leaklint.json` at or above `directory` (absolute). A
    /// name that is there but cannot be read (a dangling link, say) is found
    /// too, so that loading it says what is wrong instead of a more distant
    /// file being used.
    public static func find(from directory: String) -> String? {
        for candidate in PathText.selfAndAncestors(of: directory) {
            let path = PathText.join(candidate, fileName)
            if SmallFile.exists(path) { return path }
        }
        return nil
    }

    /// Reads and checks a configuration file; `knownRules` are the valid rule
    /// ids. The file may start with a UTF-8 byte order mark.
    public static func load(path: String, knownRules: [String]) -> Result<Configuration, Problem> {
        var bytes: [UInt8]
        switch SmallFile.read(path: path, limit: maxFileSize) {
        case .success(let read): bytes = read
        case .failure(let failure):
            return .failure(Problem(path: path, field: "(file)", message: "cannot be read: \(failure)"))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            return .failure(Problem(path: path, field: "(file)", message: "is not valid JSON"))
        }
        return parse(object, path: path, knownRules: knownRules)
    }

    static func parse(_ object: Any, path: String, knownRules: [String]) -> Result<Configuration, Problem> {
        func problem(_ field: String, _ message: String) -> Result<Configuration, Problem> {
            .failure(Problem(path: path, field: field, message: message))
        }
        guard let top = object as? [String: Any] else { return problem("(top level)", "must be a JSON object") }
        for key in top.keys.sorted() where !["resources", "rules", "exclude"].contains(key) {
            return problem(key, "unknown field; expected \"resources\", \"rules\" or \"exclude\"")
        }
        var configuration = Configuration()
        if let exclude = top["exclude"] {
            guard let patterns = exclude as? [String], patterns.allSatisfy({ !$0.isEmpty }) else {
                return problem("exclude", "must be an array of path patterns, e.g. [\"third_party/**\"]")
            }
            configuration.exclude = patterns
        }
        if let resources = top["resources"] {
            guard let list = resources as? [Any] else { return problem("resources", "must be an array of objects") }
            // Collected apart and set once, so that the lookup index is built once.
            var declared: [CustomResource] = []
            for (index, entry) in list.enumerated() {
                let field = "resources[\(index)]"
                guard let item = entry as? [String: Any] else { return problem(field, "must be an object") }
                for key in item.keys.sorted() where !["package", "function", "receiver", "release", "message"].contains(key) {
                    return problem("\(field).\(key)", "unknown field")
                }
                guard let package = item["package"] as? String, !package.isEmpty else {
                    return problem("\(field).package", "is required: the import path, e.g. \"github.com/acme/pool\"")
                }
                guard let function = item["function"] as? String, !function.isEmpty else {
                    return problem("\(field).function", "is required: the function or method that acquires the resource")
                }
                var receiver: String?
                if let value = item["receiver"] {
                    guard let text = value as? String, !text.isEmpty else { return problem("\(field).receiver", "must be a type name such as \"*Pool\"") }
                    receiver = String(text.drop { $0 == "*" })
                }
                guard let release = item["release"] as? [String], !release.isEmpty, release.allSatisfy({ !$0.isEmpty }) else {
                    return problem("\(field).release", "is required: a non-empty array of method names, e.g. [\"Release\"]")
                }
                let message = (item["message"] as? String) ?? "the resource leaks"
                if item["message"] != nil && !(item["message"] is String) { return problem("\(field).message", "must be a string") }
                declared.append(CustomResource(
                    package: package, function: function, receiver: receiver, release: release, message: message))
            }
            configuration.resources = declared
        }
        if let rules = top["rules"] {
            guard let table = rules as? [String: Any] else { return problem("rules", "must be an object keyed by rule id") }
            for id in table.keys.sorted() {
                guard knownRules.contains(id) else { return problem("rules.\(id)", "unknown rule; 'leaklint rules' lists them") }
                guard let settings = table[id] as? [String: Any] else { return problem("rules.\(id)", "must be an object") }
                var parsed = RuleSettings()
                for key in settings.keys.sorted() {
                    switch key {
                    case "enabled":
                        guard let flag = settings[key] as? Bool else {
                            return problem("rules.\(id).enabled", "must be true or false")
                        }
                        parsed.enabled = flag
                    case "severity":
                        guard let text = settings[key] as? String, let severity = Severity(rawValue: text) else {
                            return problem("rules.\(id).severity", "must be \"error\", \"warning\" or \"note\"")
                        }
                        parsed.severity = severity
                    default:
                        return problem("rules.\(id).\(key)", "unknown field; expected \"enabled\" or \"severity\"")
                    }
                }
                configuration.rules[id] = parsed
            }
        }
        return .success(configuration)
    }
}
