import GoSyntax
import LeakReporters

/// Byte offsets to the positions the reporters print, computed from a
/// `LineTable` the same way the command does (offsets are clamped to the
/// file, so a bad offset from a rule shows up in the output, not as a trap here).
enum FuzzPositions {
    static func position(_ offset: Int, in tree: SyntaxTree, lines: LineTable) -> ReportedPosition {
        let clamped = max(0, min(offset, tree.source.count))
        let (line, column) = lines.position(ofOffset: clamped)
        let lineStart = Int(lines.lineStarts[line - 1])
        let prefix = tree.source[lineStart..<max(lineStart, clamped)]
        let utf16 = String(decoding: prefix, as: UTF8.self).utf16.count
        return ReportedPosition(line: line, column: column, utf16Column: utf16 + 1)
    }

    /// The text of a 1-based line, without its line ending.
    static func lineText(_ line: Int, in tree: SyntaxTree, lines: LineTable) -> String {
        guard line >= 1 && line <= lines.lineCount else { return "" }
        let start = Int(lines.lineStarts[line - 1])
        var end = line < lines.lineCount ? Int(lines.lineStarts[line]) : tree.source.count
        while end > start && (tree.source[end - 1] == 0x0A || tree.source[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: tree.source[start..<end], as: UTF8.self)
    }

    /// `name` or `(Receiver).name` of the top-level function containing `offset`, or "".
    static func enclosingFunction(of offset: Int32, in tree: SyntaxTree) -> String {
        guard tree.root.exists, tree[tree.root].kind == .file else { return "" }
        for declaration in tree.ids(tree[tree.root].listBC) {
            let node = tree[declaration]
            guard node.kind == .funcDecl, node.start <= offset, offset < node.end else { continue }
            let name = tree.text(node.childB)
            if node.childA.exists, let receiver = tree.ids(tree[node.childA].listAB).first {
                return "(\(tree.text(tree[receiver].childC))).\(name)"
            }
            return name
        }
        return ""
    }
}
