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
        guard tree.root.exists, let file = tree.fileSyntax(tree.root) else { return "" }
        for declaration in file.declarations {
            guard let function = tree.functionDeclaration(declaration), tree[declaration].start <= offset, offset < tree[declaration].end
            else { continue }
            let name = tree.text(function.name)
            if let receiver = tree.receiverType(of: function) {
                return "(\(tree.text(receiver))).\(name)"
            }
            return name
        }
        return ""
    }
}
