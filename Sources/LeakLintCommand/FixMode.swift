import GoSyntax
import LeakReporters
import LeakRules

/// `--fix` and `--diff`: the suggested fixes of the reported findings,
/// applied file by file in memory (`FixApplier`), then either written back
/// (`FileRewriter`) or printed as a unified diff (`UnifiedDiff`).
///
/// A file is rewritten only when a fix applies to it and the result still
/// parses; fixes are applied to exactly the bytes that were linted (a file
/// changed in the meantime is left alone). A fix that overlaps another is
/// skipped and named on standard error; running `--fix` again applies it.
enum FixMode {
    /// What the fixes do to one file.
    struct FileChange {
        /// The path as reported.
        var path: String
        var original: [UInt8]
        var fixed: [UInt8]
        /// How many findings the applied fixes resolve.
        var fixedFindings: Int
    }

    /// What `--fix` or `--diff` did.
    struct Outcome {
        var changes: [FileChange] = []
        /// The unified diff of every change (for `--diff`).
        var diff: String { changes.map { UnifiedDiff.render(path: $0.path, old: $0.original, new: $0.fixed) }.joined() }
        /// Whether a file could not be written (exit status 2).
        var failed = false
        /// Whether files were rewritten, so that the findings must be computed again.
        var rewroteFiles = false
    }

    /// The usage problem of a fix flag combination, if any.
    static func usageProblem(fix: Bool, diff: Bool, standardInput: Bool) -> String? {
        if fix && diff { return "--fix and --diff cannot be combined: --diff prints what --fix would change, without writing" }
        if fix && standardInput { return "--fix cannot rewrite standard input; use --diff with --stdin-filename" }
        return nil
    }

    /// Applies the fixes of `findings`: writes the files with `write`, else
    /// only computes the changes. Skipped fixes and unwritable files are
    /// reported on `output`'s standard error, as is a summary unless `quiet`.
    static func run(
        _ findings: [ReportedFinding], standardInput: (path: String, bytes: [UInt8])?, write: Bool, quiet: Bool, output: OutputSink
    ) -> Outcome {
        var outcome = Outcome()
        for (path, members) in fixable(findings) {
            guard let change = change(of: path, members, standardInput: standardInput, output: output) else { continue }
            if write {
                if let failure = FileRewriter.replace(path, with: change.fixed) {
                    output.errorLine("leaklint: cannot write \(path): \(failure); the file is unchanged")
                    outcome.failed = true
                    continue
                }
                outcome.rewroteFiles = true
            }
            outcome.changes.append(change)
        }
        if !quiet {
            let fixed = outcome.changes.reduce(0) { $0 + $1.fixedFindings }
            let files = outcome.changes.count
            let counted = "\(fixed) \(fixed == 1 ? "finding" : "findings") in \(files) \(files == 1 ? "file" : "files")"
            output.error(write ? "fixed \(counted)" : "the diff fixes \(counted)")
        }
        return outcome
    }

    /// The findings with a fix, by the file the fix edits, in report order.
    static func fixable(_ findings: [ReportedFinding]) -> [(String, [ReportedFinding])] {
        var order: [String] = []
        var byPath: [String: [ReportedFinding]] = [:]
        for finding in findings {
            guard let fix = finding.fix, let first = fix.edits.first,
                fix.edits.allSatisfy({ $0.location.path == first.location.path })
            else { continue }
            let path = first.location.path
            if byPath[path] == nil { order.append(path) }
            byPath[path, default: []].append(finding)
        }
        return order.map { ($0, byPath[$0] ?? []) }
    }

    /// The fixed text of one file, or nil (after saying why) when nothing can be applied.
    static func change(
        of path: String, _ findings: [ReportedFinding], standardInput: (path: String, bytes: [UInt8])?, output: OutputSink
    ) -> FileChange? {
        let original: [UInt8]
        if let standardInput, standardInput.path == path {
            original = standardInput.bytes
        } else {
            switch SourceReader.read(path: path) {
            case .success(let bytes): original = bytes
            case .failure(let failure):
                output.errorLine("leaklint: \(path): fixes not applied: \(failure)")
                return nil
            }
        }
        let digest = SourceDigest.of(original)
        guard findings.allSatisfy({ $0.fix?.sourceDigest == digest }) else {
            output.errorLine("leaklint: \(path): fixes not applied: the file changed while it was being linted")
            return nil
        }
        let edits = findings.map { finding in
            (finding.fix?.edits ?? []).map { edit in
                // (Offsets beyond 32 bits cannot be this file's: clamped, the edit is rejected as not fitting.)
                TextEdit(
                    start: Int32(clamping: edit.byteRange.lowerBound), end: Int32(clamping: edit.byteRange.upperBound),
                    replacement: edit.replacement)
            }
        }
        let applied = FixApplier.apply(edits, to: original)
        for index in applied.conflicting {
            output.errorLine("leaklint: \(name(findings[index])) not applied: it overlaps another fix; run leaklint --fix again to apply it")
        }
        for index in applied.invalid {
            output.errorLine("leaklint: \(name(findings[index])) not applied: its edits do not fit the file")
        }
        guard applied.changed else { return nil }
        if let error = applied.syntaxError {
            let (line, column) = LineTable(source: applied.source).position(ofOffset: Int(error.offset))
            output.errorLine("leaklint: \(path): fixes not applied: the fixed file would not parse (\(line):\(column): \(error.message))")
            return nil
        }
        return FileChange(path: path, original: original, fixed: applied.source, fixedFindings: applied.applied.count)
    }

    /// `path:line:col: the fix "defer cancel()" of this lost-cancel finding`.
    static func name(_ finding: ReportedFinding) -> String {
        let start = finding.location.start
        return "\(finding.path):\(start.line):\(start.column): the fix \"\(finding.fix?.message ?? "")\" of this \(finding.ruleID) finding"
    }
}
