import FilePaths
import GoSyntax
import LeakAnalysis
import LeakReporters
import LeakRules

/// Resolves the diagnostics of one package into reported findings:
/// positions, related locations, fixes and fingerprints.
///
/// Everything a finding needs from its file (line starts, the functions'
/// ranges and names, each flagged line's text and hash) is computed once
/// per file or per line and looked up afterwards, so the work grows with
/// the size of the package plus the number of findings, never with their
/// product: a package of 40,000 files or 100,000 functions with a finding
/// in each, or one long line with thousands of findings, resolve in linear time.
struct FindingResolver {
    let package: AnalyzedPackage
    let display: (String) -> String
    /// Each file's path relative to its repository root, which fingerprints hash.
    let identities: [String: String]
    /// The first file of the package with each path.
    private let fileIndex: [String: Int]
    private var files: [Int: ResolvedFile] = [:]
    /// What resolving has cost so far (tests check it grows linearly).
    private(set) var work = Work()

    /// Lookups and bytes examined: the resolver's work, which tests compare
    /// at two input sizes.
    struct Work {
        /// Files and functions looked at to place findings.
        var lookups = 0
        /// Bytes read to find lines and columns, copy line text and hash it.
        var bytes = 0
    }

    init(package: AnalyzedPackage, display: @escaping (String) -> String, identities: [String: String] = [:]) {
        self.package = package
        self.display = display
        self.identities = identities
        var index: [String: Int] = [:]
        for (position, file) in package.files.enumerated() where index[file.path] == nil { index[file.path] = position }
        fileIndex = index
    }

    /// What a finding needs to know about its file, computed on first use.
    private final class ResolvedFile {
        let positions: PositionResolver
        /// Path as fingerprints hash it.
        let identity: String
        /// Top-level functions in source order: byte range and name index.
        let functions: [(start: Int32, end: Int32, name: Int)]
        /// Distinct function names (`name` or `(Receiver).name`); index 0 is "" (no function).
        let names: [String]
        var digest: UInt64?
        /// Per line number: the line's hash and its text's identity among lines with equal text.
        var lines: [Int: (hash: FingerprintLine, text: Int)] = [:]
        var lineTexts: [String: Int] = [:]
        /// Hash states after `rule \0 path \0 function \0`, per rule and name index.
        var prefixes: [PrefixKey: FNV1a] = [:]

        init(file: SourceFile, identity: String) {
            positions = PositionResolver(tree: file.tree)
            self.identity = identity
            let tree = file.tree
            var functions: [(start: Int32, end: Int32, name: Int)] = []
            var names = [""]
            var nameIndex = ["": 0]
            if tree.root.exists, let file = tree.fileSyntax(tree.root) {
                for declaration in file.declarations {
                    guard let function = tree.functionDeclaration(declaration) else { continue }
                    let name = ResolvedFile.functionName(tree, function)
                    let index = nameIndex[name] ?? names.count
                    if index == names.count {
                        names.append(name)
                        nameIndex[name] = index
                    }
                    functions.append((tree[declaration].start, tree[declaration].end, index))
                }
            }
            self.functions = functions
            self.names = names
        }

        /// `name` or `(Receiver).name`.
        static func functionName(_ tree: SyntaxTree, _ function: FunctionDeclaration) -> String {
            let name = tree.text(function.name)
            if let receiver = tree.receiverType(of: function) {
                return "(\(tree.text(receiver))).\(name)"
            }
            return name
        }
    }

    private struct PrefixKey: Hashable {
        var ruleID: String
        var name: Int
    }

    /// Identical findings (same rule, file, function and line text) are
    /// numbered in order, so each keeps a distinct fingerprint.
    private struct OccurrenceKey: Hashable {
        var file: Int
        var ruleID: String
        var name: Int
        var text: Int
    }

    private mutating func resolvedFile(_ path: String) -> (index: Int, file: ResolvedFile)? {
        work.lookups += 1
        guard let index = fileIndex[path] else { return nil }
        if let cached = files[index] { return (index, cached) }
        let source = package.files[index]
        let file = ResolvedFile(file: source, identity: identities[path] ?? PathText.clean(path))
        // The line table and the multi-byte characters: one pass each.
        work.bytes += 2 * source.tree.source.count
        work.lookups += file.functions.count
        files[index] = file
        return (index, file)
    }

    mutating func location(_ path: String, _ start: Int32, _ end: Int32, _ message: String = "") -> ReportedLocation? {
        guard let resolver = resolvedFile(path)?.file.positions else { return nil }
        return ReportedLocation(
            path: display(path), start: resolver.position(Int(start)), end: resolver.position(Int(end)), message: message)
    }

    mutating func resolve(_ diagnostics: [Diagnostic]) -> [ReportedFinding] {
        var occurrences: [OccurrenceKey: Int] = [:]
        var result: [ReportedFinding] = []
        for diagnostic in diagnostics {
            guard let location = location(diagnostic.path, diagnostic.start, diagnostic.end),
                let resolved = resolvedFile(diagnostic.path)
            else { continue }
            let file = resolved.file
            let related = diagnostic.related.compactMap { self.location($0.path, $0.start, $0.end, $0.message) }
            var fix: ReportedFix?
            if let suggested = diagnostic.fix {
                // Byte offsets go with the edits: `--fix` applies those, not lines and columns.
                let edits = suggested.edits.compactMap { edit -> ReportedEdit? in
                    guard let range = self.location(diagnostic.path, edit.start, edit.end) else { return nil }
                    return ReportedEdit(location: range, replacement: edit.replacement, byteRange: Int(edit.start)..<Int(edit.end))
                }
                fix = ReportedFix(message: suggested.message, edits: edits, sourceDigest: digest(file))
            }
            let name = enclosingFunction(file, offset: diagnostic.start)
            let line = location.start.line
            let text = flaggedLine(file, line)
            let key = OccurrenceKey(file: resolved.index, ruleID: diagnostic.ruleID, name: name, text: text)
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            let prefixKey = PrefixKey(ruleID: diagnostic.ruleID, name: name)
            let prefix = file.prefixes[prefixKey] ?? FingerprintLine.prefix(
                ruleID: diagnostic.ruleID, path: file.identity, function: file.names[name])
            file.prefixes[prefixKey] = prefix
            let hashedBefore = file.lines[line]?.hash.bytesHashed ?? 0
            guard let fingerprint = file.lines[line]?.hash.fingerprint(after: prefix, occurrence: occurrence) else { continue }
            work.bytes += (file.lines[line]?.hash.bytesHashed ?? 0) - hashedBefore
            result.append(ReportedFinding(
                location: location, ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message,
                related: related, fix: fix, fingerprint: fingerprint, suppression: diagnostic.suppression))
        }
        return result
    }

    /// The digest of a file's bytes, computed once, for files with fixes only.
    private mutating func digest(_ file: ResolvedFile) -> UInt64 {
        if let cached = file.digest { return cached }
        let digest = SourceDigest.of(file.positions.tree.source)
        work.bytes += file.positions.tree.source.count
        file.digest = digest
        return digest
    }

    /// Reads a flagged line once: keeps its hash, and returns its text's
    /// identity among the lines of the file (equal texts, equal identities).
    private mutating func flaggedLine(_ file: ResolvedFile, _ line: Int) -> Int {
        if let cached = file.lines[line] { return cached.text }
        let range = file.positions.lineRange(line) ?? 0..<0
        let raw = file.positions.tree.source[range]
        // Compared as Strings, as the key of identical findings always was.
        let text = String(decoding: raw, as: UTF8.self)
        let identity = file.lineTexts[text] ?? file.lineTexts.count
        file.lineTexts[text] = identity
        let hash = FingerprintLine(raw: raw)
        work.bytes += 2 * raw.count + hash.bytesHashed
        file.lines[line] = (hash, identity)
        return identity
    }

    /// Name index of the top-level function containing `offset` (0 when none), by binary search.
    private mutating func enclosingFunction(_ file: ResolvedFile, offset: Int32) -> Int {
        var low = 0
        var high = file.functions.count
        // The first function starting after `offset`; the one before it may contain it.
        while low < high {
            work.lookups += 1
            let middle = (low + high) / 2
            if file.functions[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, offset < file.functions[low - 1].end else { return 0 }
        return file.functions[low - 1].name
    }
}
