import GoSyntax
import LeakAnalysis
import LeakReporters
import LeakRules

/// Turns a package's diagnostics into reported findings (positions,
/// related locations, fixes, fingerprints), as the command does before
/// rendering, so that the reporters see realistic input.
enum FuzzFindings {
    static func resolve(_ diagnostics: [Diagnostic], in package: AnalyzedPackage) -> [ReportedFinding] {
        var tables: [String: (tree: SyntaxTree, lines: LineTable)] = [:]
        for file in package.files { tables[file.path] = (file.tree, file.tree.makeLineTable()) }
        func location(_ path: String, _ start: Int32, _ end: Int32, _ message: String = "") -> ReportedLocation? {
            guard let table = tables[path] else { return nil }
            return ReportedLocation(
                path: path, start: FuzzPositions.position(Int(start), in: table.tree, lines: table.lines),
                end: FuzzPositions.position(Int(end), in: table.tree, lines: table.lines), message: message)
        }
        var occurrences: [String: Int] = [:]
        return diagnostics.compactMap { diagnostic -> ReportedFinding? in
            guard let table = tables[diagnostic.path],
                let start = location(diagnostic.path, diagnostic.start, diagnostic.end)
            else { return nil }
            let related = diagnostic.related.compactMap { location($0.path, $0.start, $0.end, $0.message) }
            let fix = diagnostic.fix.map { suggested in
                ReportedFix(message: suggested.message, edits: suggested.edits.compactMap { edit in
                    location(diagnostic.path, edit.start, edit.end).map { ReportedEdit(location: $0, replacement: edit.replacement) }
                })
            }
            let function = FuzzPositions.enclosingFunction(of: diagnostic.start, in: table.tree)
            let lineText = FuzzPositions.lineText(start.start.line, in: table.tree, lines: table.lines)
            let key = [diagnostic.ruleID, diagnostic.path, function, lineText].joined(separator: "\u{0}")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            return ReportedFinding(
                location: start, ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message,
                related: related, fix: fix,
                fingerprint: Fingerprint.make(
                    ruleID: diagnostic.ruleID, path: diagnostic.path, function: function, lineText: lineText,
                    occurrence: occurrence))
        }
    }
}
