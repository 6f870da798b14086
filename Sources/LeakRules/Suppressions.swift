import Foundation
import GoSyntax
import LeakAnalysis

/// One suppression comment: which rules it silences, and where.
///
/// Understood forms: `//nolint` and `//nolint:a,b` (golangci-lint),
/// `//lint:ignore a,b reason` and `//lint:file-ignore a reason`
/// (staticcheck), and `//leaklint:ignore a,b reason`.
struct SuppressionDirective: Equatable {
    enum Scope: Equatable { case line, file }

    var scope: Scope
    /// Empty means every rule (plain `//nolint`).
    var ruleIDs: [String]
    var start: Int32
    var end: Int32
    /// 1-based line of the comment.
    var line: Int
    /// Whether the comment is alone on its line (then it also covers the next line).
    var standsAlone: Bool
    /// False for the ignore forms written without a reason.
    var hasReason: Bool
    /// Why the finding is acceptable, as written in the comment; empty when it gives none.
    var reason = ""

    func covers(line findingLine: Int, ruleID: String) -> Bool {
        guard hasReason, ruleIDs.isEmpty || ruleIDs.contains(ruleID) else { return false }
        switch scope {
        case .file: return true
        case .line: return findingLine == line || (standsAlone && findingLine == line + 1)
        }
    }
}

/// The suppression directives of one file, parsed once.
struct Suppressions {
    var directives: [SuppressionDirective] = []

    init(file: SourceFile, lines: LineTable) {
        let tree = file.tree
        for comment in tree.comments {
            let start = Int(comment.start)
            let end = Int(comment.end)
            guard end - start > 6, tree.source[start + 1] == UInt8(ascii: "/"),
                tree.source[start + 2] == UInt8(ascii: "n") || tree.source[start + 2] == UInt8(ascii: "l")
            else { continue }
            let text = String(decoding: tree.source[start..<end], as: UTF8.self)
            guard var directive = Suppressions.parse(text) else { continue }
            directive.start = comment.start
            directive.end = comment.end
            directive.line = lines.line(ofOffset: start)
            let lineStart = Int(lines.lineStarts[directive.line - 1])
            directive.standsAlone = tree.source[lineStart..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            directives.append(directive)
        }
    }

    /// A byte-level pre-check: does any comment start like a directive?
    static func mayContainDirectives(_ file: SourceFile) -> Bool {
        let source = file.tree.source
        for comment in file.tree.comments {
            let start = Int(comment.start)
            guard Int(comment.end) - start > 6, source[start + 1] == UInt8(ascii: "/") else { continue }
            let third = source[start + 2]
            if third == UInt8(ascii: "n") || third == UInt8(ascii: "l") { return true }
        }
        return false
    }

    /// Parses one `//...` comment; nil if it is not a suppression.
    static func parse(_ comment: String) -> SuppressionDirective? {
        func make(_ scope: SuppressionDirective.Scope, _ ids: [String], reason: Bool, text: String = "") -> SuppressionDirective {
            SuppressionDirective(
                scope: scope, ruleIDs: ids, start: 0, end: 0, line: 0, standsAlone: false, hasReason: reason, reason: text)
        }
        // golangci-lint needs no reason; one may follow, usually as `//nolint:id // why`.
        if comment == "//nolint" || comment.hasPrefix("//nolint ") || comment.hasPrefix("//nolint\t") {
            return make(.line, [], reason: true, text: nolintExplanation(comment.dropFirst("//nolint".count)))
        }
        if comment.hasPrefix("//nolint:") {
            let rest = comment.dropFirst("//nolint:".count)
            let list = rest.prefix { $0 != " " && $0 != "\t" }
            let explanation = nolintExplanation(rest.dropFirst(list.count))
            return make(.line, list.split(separator: ",").map { String($0) }, reason: true, text: explanation)
        }
        for (prefix, scope) in [("//lint:ignore", SuppressionDirective.Scope.line), ("//leaklint:ignore", .line), ("//lint:file-ignore", .file)] {
            guard comment.hasPrefix(prefix + " ") else { continue }
            let words = comment.dropFirst(prefix.count + 1).split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard let ids = words.first else { return nil }
            // A trailing `// ...` comment is not a reason.
            let reason = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
            let hasReason = !reason.isEmpty && !reason.hasPrefix("//")
            return make(scope, ids.split(separator: ",").map { String($0) }, reason: hasReason, text: hasReason ? reason : "")
        }
        return nil
    }

    /// The explanation after a `//nolint` directive's rule list: `// why` as
    /// golangci-lint's nolintlint asks for it, or plain words; "" when none.
    static func nolintExplanation(_ rest: Substring) -> String {
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("//") { text = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        return text
    }
}
