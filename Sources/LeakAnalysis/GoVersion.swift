import GoSyntax

/// A Go language version such as 1.21, as far as leak rules care.
///
/// Rules whose verdict changed with the language (loop variables per
/// iteration since 1.22, collectable unstopped timers since 1.23) compare
/// against it. Patch releases never change semantics, so only major.minor
/// is kept.
public struct GoVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// What to assume when nothing says otherwise: the newest semantics.
    public static let newest = GoVersion(1, 99)
    public static let loopVariablePerIteration = GoVersion(1, 22)
    public static let collectableTimers = GoVersion(1, 23)

    /// Parses `1.21`, `1.21.3`, `go1.21`, `1.21rc1`; nil for anything else.
    public init?(parsing text: some StringProtocol) {
        var rest = Substring(text)
        if rest.hasPrefix("go") { rest = rest.dropFirst(2) }
        let parts = rest.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]) else { return nil }
        let minorDigits = parts[1].prefix { $0.isASCII && $0.isNumber }
        guard !minorDigits.isEmpty, let minor = Int(minorDigits) else { return nil }
        self.init(major, minor)
    }

    public static func < (lhs: GoVersion, rhs: GoVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "go\(major).\(minor)" }
}
