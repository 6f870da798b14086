import GoSyntax

/// How serious a finding is; also decides the exit status with `--fail-level`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A place in a file, as byte offsets, with what it has to do with a finding
/// ("cancel defined here").
public struct RelatedLocation: Sendable, Equatable {
    public var path: String
    public var start: Int32
    public var end: Int32
    public var message: String

    public init(path: String, start: Int32, end: Int32, message: String) {
        self.path = path
        self.start = start
        self.end = end
        self.message = message
    }
}

/// Replace the bytes `start..<end` of a file with `replacement`.
public struct TextEdit: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var replacement: String

    public init(start: Int32, end: Int32, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }
}

/// A fix a rule can propose: a description and non-overlapping edits.
public struct SuggestedFix: Sendable, Equatable {
    public var message: String
    public var edits: [TextEdit]

    public init(message: String, edits: [TextEdit]) {
        self.message = message
        self.edits = edits
    }
}

/// One finding: where, which rule, how bad, and what to do about it.
///
/// Positions are byte offsets into the file; reporters turn them into
/// line:column when they print.
public struct Diagnostic: Sendable, Equatable {
    public var ruleID: String
    public var severity: Severity
    public var path: String
    public var start: Int32
    public var end: Int32
    public var message: String
    public var related: [RelatedLocation]
    public var fix: SuggestedFix?
    /// Set when a suppression comment covers the finding (see `Linter.lint(_:keepingSuppressed:)`).
    public var suppression: AppliedSuppression?

    public init(
        ruleID: String, severity: Severity, path: String, start: Int32, end: Int32, message: String,
        related: [RelatedLocation] = [], fix: SuggestedFix? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.start = start
        self.end = end
        self.message = message
        self.related = related
        self.fix = fix
    }
}
