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

/// Reads the language version a `//go:build` line requires, if any.
///
/// Only a `go1.N` term that the whole constraint requires counts (a term
/// of a top-level `&&` chain, or the entire expression); `go1.21 || linux`
/// requires nothing.
public enum BuildConstraint {
    public static func requiredVersion(in tree: SyntaxTree) -> GoVersion? {
        let source = tree.source
        guard let packageStart = tree.root.exists ? Optional(Int(tree[tree[tree.root].childA].start)) : nil else { return nil }
        for comment in tree.comments where Int(comment.start) < packageStart {
            let text = String(decoding: source[Int(comment.start)..<Int(comment.end)], as: UTF8.self)
            guard text.hasPrefix("//go:build") else { continue }
            let expression = text.dropFirst("//go:build".count)
            guard expression.first == " " || expression.first == "\t" else { continue }
            return requiredVersion(expression: String(expression))
        }
        return nil
    }

    static func requiredVersion(expression: String) -> GoVersion? {
        // A top-level `||` makes every term optional.
        if containsTopLevel(expression, "||") { return nil }
        var best: GoVersion?
        for term in splitTopLevel(expression, "&&") {
            var word = term.trimmingSpaces()
            while word.hasPrefix("(") && word.hasSuffix(")") {
                word = String(word.dropFirst().dropLast()).trimmingSpaces()
                if containsTopLevel(word, "||") { word = "" }
            }
            if word.hasPrefix("go1."), let version = GoVersion(parsing: word), best.map({ version > $0 }) ?? true {
                best = version
            }
        }
        return best
    }

    private static func containsTopLevel(_ text: String, _ operatorText: String) -> Bool {
        splitTopLevel(text, operatorText).count > 1
    }

    private static func splitTopLevel(_ text: String, _ operatorText: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        let characters = Array(text)
        let op = Array(operatorText)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 && index + op.count <= characters.count && Array(characters[index..<index + op.count]) == op {
                parts.append(current)
                current = ""
                index += op.count
                continue
            }
            current.append(character)
            index += 1
        }
        parts.append(current)
        return parts
    }
}

extension String {
    func trimmingSpaces() -> String {
        var result = Substring(self)
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return String(result)
    }
}
