import FilePaths
import LeakRules

/// A position as every output format needs it: 1-based line, and the column
/// both in bytes (text and JSON, like gofmt and go vet) and in UTF-16 code
/// units (SARIF does not allow byte columns).
public struct ReportedPosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var utf16Column: Int

    public init(line: Int, column: Int, utf16Column: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
    }
}

/// A range of a file, with a message when it is a related location.
public struct ReportedLocation: Sendable, Equatable {
    public var path: String
    public var start: ReportedPosition
    public var end: ReportedPosition
    public var message: String

    public init(path: String, start: ReportedPosition, end: ReportedPosition, message: String = "") {
        self.path = path
        self.start = start
        self.end = end
        self.message = message
    }
}

/// One edit of a suggested fix: replace `location`'s range with `replacement`.
public struct ReportedEdit: Sendable, Equatable {
    public var location: ReportedLocation
    public var replacement: String
    /// The range as byte offsets into the file, which is what `--fix` applies.
    public var byteRange: Range<Int>

    public init(location: ReportedLocation, replacement: String, byteRange: Range<Int> = 0..<0) {
        self.location = location
        self.replacement = replacement
        self.byteRange = byteRange
    }
}

/// A fix a rule suggests.
public struct ReportedFix: Sendable, Equatable {
    public var message: String
    public var edits: [ReportedEdit]
    /// A digest of the file the edits were computed for: `--fix` applies
    /// them only to exactly those bytes.
    public var sourceDigest: UInt64

    public init(message: String, edits: [ReportedEdit], sourceDigest: UInt64 = 0) {
        self.message = message
        self.edits = edits
        self.sourceDigest = sourceDigest
    }
}

/// One finding, positions resolved, ready for any format.
public struct ReportedFinding: Sendable, Equatable {
    public var location: ReportedLocation
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var related: [ReportedLocation]
    public var fix: ReportedFix?
    /// Stable across unrelated edits of the file; see `Fingerprint`.
    public var fingerprint: String
    /// Set when a suppression comment silenced the finding.
    public var suppression: AppliedSuppression?
    /// Whether an earlier report had the finding; nil when no baseline was given.
    public var baselineState: BaselineState?

    public init(
        location: ReportedLocation, ruleID: String, severity: Severity, message: String, related: [ReportedLocation],
        fix: ReportedFix?, fingerprint: String, suppression: AppliedSuppression? = nil
    ) {
        self.location = location
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.related = related
        self.fix = fix
        self.fingerprint = fingerprint
        self.suppression = suppression
    }

    public var path: String { location.path }
}

/// A syntax error or a path that could not be read.
public struct ReportedError: Sendable, Equatable {
    public var path: String
    /// nil for errors about a whole path (unreadable, not a regular file).
    public var position: ReportedPosition?
    public var message: String
    /// A path argument that names nothing usable (missing, not a Go file).
    public var concernsArgument: Bool

    public init(path: String, position: ReportedPosition?, message: String, concernsArgument: Bool = false) {
        self.path = path
        self.position = position
        self.message = message
        self.concernsArgument = concernsArgument
    }

    /// `path:line:col: message` or `path: message`, as printed on standard
    /// error; for a path argument, `leaklint: message: path`. Control
    /// characters are escaped (see `PrintableText`): the line stays one line.
    public var text: String {
        if concernsArgument { return PrintableText.escaped("leaklint: \(message): \(path)") }
        guard let position else { return PrintableText.escaped("\(path): \(message)") }
        return PrintableText.escaped("\(path):\(position.line):\(position.column): \(message)")
    }
}

/// Everything a run produced, in the order it is printed.
public struct Report: Sendable {
    /// What the run reports: new (not in the baseline), unsuppressed findings.
    public var findings: [ReportedFinding]
    public var errors: [ReportedError]
    /// The rules that ran, in registry order (SARIF lists them and indexes results into them).
    public var rules: [Rule]
    public var filesChecked: Int
    public var seconds: Double
    /// Unsuppressed findings the baseline already had: counted, and kept in SARIF as unchanged.
    public var baselined: [ReportedFinding]
    /// Findings a suppression comment silenced: counted, and kept in SARIF with their suppression.
    public var suppressed: [ReportedFinding]

    public init(
        findings: [ReportedFinding], errors: [ReportedError], rules: [Rule], filesChecked: Int, seconds: Double,
        baselined: [ReportedFinding] = [], suppressed: [ReportedFinding] = []
    ) {
        self.findings = findings
        self.errors = errors
        self.rules = rules
        self.filesChecked = filesChecked
        self.seconds = seconds
        self.baselined = baselined
        self.suppressed = suppressed
    }
}

/// The tool's identity as the reports state it.
public enum ToolInfo {
    public static let name = "leaklint"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/leaklint/leaklint"
}
