import GoSyntax

/// Recognises generated files by the convention Go tools honour: a line
/// `// Code generated ... DO NOT EDIT.` before the package clause. Their
/// leaks are fixed in the generator, not in the file, so a walk of a tree
/// reads them only for their declarations.
public enum GeneratedCode {
    public static func isGenerated(_ tree: SyntaxTree) -> Bool {
        guard let packageName = tree.packageClauseName else { return false }
        let source = tree.source
        let packageStart = Int(tree[packageName].start)
        for comment in tree.comments where Int(comment.start) < packageStart {
            var end = Int(comment.end)
            let start = Int(comment.start)
            while end > start && (source[end - 1] == 0x0D || source[end - 1] == 0x20 || source[end - 1] == 0x09) { end -= 1 }
            let text = source[start..<end]
            if text.count >= prefix.count + suffix.count, text.starts(with: prefix), text.suffix(suffix.count).elementsEqual(suffix) {
                return true
            }
        }
        return false
    }

    private static let prefix = Array("// Code generated ".utf8)
    private static let suffix = Array(" DO NOT EDIT.".utf8)
}
