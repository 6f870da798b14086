import FilePaths
import LeakRules

/// SARIF 2.1.0 as GitHub code scanning ingests it: one run, the rules with
/// their documentation, results with locations relative to `%SRCROOT%`,
/// UTF-16 columns (the column kind is stated), related locations, fixes,
/// our own partial fingerprints, and syntax errors or unreadable files as
/// tool execution notifications.
public enum SARIFReporter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// Where the run happened, for turning paths into repository-relative URIs.
    public struct Paths: Sendable {
        /// Absolute path of the repository root (the `%SRCROOT%` base).
        public var sourceRoot: String
        /// Absolute path of the current directory, against which relative report paths are resolved.
        public var currentDirectory: String

        public init(sourceRoot: String, currentDirectory: String) {
            self.sourceRoot = sourceRoot
            self.currentDirectory = currentDirectory
        }
    }

    public static func render(_ report: Report, paths: Paths) -> String {
        document(report, paths: paths).rendered() + "\n"
    }

    public static func document(_ report: Report, paths: Paths) -> JSONValue {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.id, $0) })
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver(report.rules))])),
            ("invocations", .array([invocation(report, paths: paths)])),
            ("originalUriBaseIds", .object([
                ("%SRCROOT%", .object([("uri", .string(fileURI(directory: paths.sourceRoot)))]))
            ])),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(report.allFindings.map { result($0, ruleIndex: ruleIndex, paths: paths) })),
        ])
        return .object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    static func driver(_ rules: [Rule]) -> JSONValue {
        .object([
            ("name", .string(ToolInfo.name)),
            ("version", .string(ToolInfo.version)),
            ("semanticVersion", .string(ToolInfo.version)),
            ("informationUri", .string(ToolInfo.informationURI)),
            ("rules", .array(rules.map(ruleDescriptor))),
        ])
    }

    static func ruleDescriptor(_ rule: Rule) -> JSONValue {
        let documentation = rule.documentation
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(pascalCase(rule.id))),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(MarkdownText.firstParagraph(documentation)))])),
            ("helpUri", .string(ToolInfo.informationURI + "/blob/main/Rules/\(rule.id)/README.md")),
            ("help", .object([
                ("text", .string(MarkdownText.render(documentation))),
                ("markdown", .string(documentation)),
            ])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([
                ("tags", .array(tags(rule.id).map { .string($0) })),
                ("precision", .string("high")),
                ("problem.severity", .string(problemSeverity(rule.severity))),
            ])),
        ])
    }

    static func result(_ finding: ReportedFinding, ruleIndex: [String: Int], paths: Paths) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(finding.ruleID)),
        ]
        if let index = ruleIndex[finding.ruleID] { members.append(("ruleIndex", .int(index))) }
        members += [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(SARIFMessage.resultText(finding)))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(finding.location, paths: paths))])])),
        ]
        if !finding.related.isEmpty {
            members.append(("relatedLocations", .array(finding.related.enumerated().map { index, related in
                .object([
                    ("id", .int(index + 1)),
                    ("physicalLocation", physicalLocation(related, paths: paths)),
                    ("message", .object([("text", .string(SARIFMessage.relatedText(related)))])),
                ])
            })))
        }
        members.append(("partialFingerprints", .object([(Fingerprint.sarifKey, .string(finding.fingerprint))])))
        members += status(finding)
        if let fix = finding.fix {
            members.append(("fixes", .array([fixObject(fix, paths: paths)])))
        }
        return .object(members)
    }

    static func fixObject(_ fix: ReportedFix, paths: Paths) -> JSONValue {
        var byPath: [(String, [ReportedEdit])] = []
        for edit in fix.edits {
            if let index = byPath.firstIndex(where: { $0.0 == edit.location.path }) {
                byPath[index].1.append(edit)
            } else {
                byPath.append((edit.location.path, [edit]))
            }
        }
        return .object([
            ("description", .object([("text", .string(fix.message))])),
            ("artifactChanges", .array(byPath.map { path, edits in
                .object([
                    ("artifactLocation", artifactLocation(path, paths: paths)),
                    ("replacements", .array(edits.map { edit in
                        .object([
                            ("deletedRegion", region(edit.location)),
                            ("insertedContent", .object([("text", .string(edit.replacement))])),
                        ])
                    })),
                ])
            })),
        ])
    }

    static func invocation(_ report: Report, paths: Paths) -> JSONValue {
        .object([
            ("executionSuccessful", .bool(report.errors.isEmpty)),
            ("toolExecutionNotifications", .array(report.errors.map { error in
                var location: [(String, JSONValue)] = [("artifactLocation", artifactLocation(error.path, paths: paths))]
                if let position = error.position {
                    location.append(("region", .object([
                        ("startLine", .int(position.line)), ("startColumn", .int(position.utf16Column)),
                    ])))
                }
                return .object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string(SARIFMessage.escaped(error.message)))])),
                    ("locations", .array([.object([("physicalLocation", .object(location))])])),
                ])
            })),
        ])
    }

    static func physicalLocation(_ location: ReportedLocation, paths: Paths) -> JSONValue {
        .object([
            ("artifactLocation", artifactLocation(location.path, paths: paths)),
            ("region", region(location)),
        ])
    }

    static func region(_ location: ReportedLocation) -> JSONValue {
        .object([
            ("startLine", .int(location.start.line)),
            ("startColumn", .int(location.start.utf16Column)),
            ("endLine", .int(location.end.line)),
            ("endColumn", .int(location.end.utf16Column)),
        ])
    }

    static func artifactLocation(_ path: String, paths: Paths) -> JSONValue {
        let absolute = PathText.absolute(path, from: paths.currentDirectory)
        if let relative = PathText.relative(absolute, inside: PathText.clean(paths.sourceRoot)), relative != "." {
            return .object([
                ("uri", .string(percentEncoded(relative))),
                ("uriBaseId", .string("%SRCROOT%")),
            ])
        }
        return .object([("uri", .string("file://" + percentEncoded(absolute)))])
    }

    /// `lost-cancel` -> `LostCancel` (SARIF wants a name different from the id).
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    static func problemSeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "recommendation"
        }
    }

    static func tags(_ id: String) -> [String] {
        var tags = ["go", "reliability", "resource-leak"]
        switch id {
        case "lost-cancel": tags.append("context")
        case "unclosed-body": tags.append("net/http")
        case "unstopped-timer": tags.append("time")
        case "loop-var-capture": tags += ["goroutine", "correctness"]
        case "unused-suppression": tags = ["maintainability"]
        default: break
        }
        return tags
    }

    static func fileURI(directory: String) -> String {
        let path = PathText.clean(directory)
        return "file://" + percentEncoded(path) + (path.hasSuffix("/") ? "" : "/")
    }

    /// Percent-encodes everything but unreserved characters and `/`.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
