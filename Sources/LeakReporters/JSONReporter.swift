import LeakRules

/// One JSON document: the tool, the findings and the errors, with a fixed
/// field order and the same sorting as the text output. Like the text, it
/// lists only new, unsuppressed findings; the summary counts the others.
public enum JSONReporter {
    public static func render(_ report: Report) -> String {
        document(report).rendered() + "\n"
    }

    public static func document(_ report: Report) -> JSONValue {
        .object([
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("findings", .array(report.findings.map(finding))),
            ("errors", .array(report.errors.map(error))),
            ("summary", .object([
                ("findings", .int(report.findings.count)),
                ("baselined", .int(report.baselined.count)),
                ("suppressed", .int(report.suppressed.count)),
                ("filesWithFindings", .int(Set(report.findings.map(\.path)).count)),
                ("filesChecked", .int(report.filesChecked)),
                ("errors", .int(report.errors.count)),
            ])),
        ])
    }

    static func finding(_ finding: ReportedFinding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(finding.path)),
            ("line", .int(finding.location.start.line)),
            ("column", .int(finding.location.start.column)),
            ("endLine", .int(finding.location.end.line)),
            ("endColumn", .int(finding.location.end.column)),
            ("rule", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("fingerprint", .string(finding.fingerprint)),
            ("related", .array(finding.related.map(location))),
        ]
        if let fix = finding.fix {
            members.append(("fix", .object([
                ("message", .string(fix.message)),
                ("edits", .array(fix.edits.map { edit in
                    .object([
                        ("path", .string(edit.location.path)),
                        ("line", .int(edit.location.start.line)),
                        ("column", .int(edit.location.start.column)),
                        ("endLine", .int(edit.location.end.line)),
                        ("endColumn", .int(edit.location.end.column)),
                        ("newText", .string(edit.replacement)),
                    ])
                })),
            ])))
        }
        return .object(members)
    }

    static func location(_ location: ReportedLocation) -> JSONValue {
        .object([
            ("path", .string(location.path)),
            ("line", .int(location.start.line)),
            ("column", .int(location.start.column)),
            ("message", .string(location.message)),
        ])
    }

    static func error(_ error: ReportedError) -> JSONValue {
        .object([
            ("path", .string(error.path)),
            ("line", error.position.map { .int($0.line) } ?? .null),
            ("column", error.position.map { .int($0.column) } ?? .null),
            ("message", .string(error.message)),
        ])
    }
}
