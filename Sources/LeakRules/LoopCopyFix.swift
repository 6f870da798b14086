import GoSyntax
import LeakAnalysis

/// The suggested fix for a captured loop variable: `v := v` as the first
/// statement of the loop body, so that each iteration has its own copy (what
/// Go 1.22 does for every loop).
///
/// Not offered for a three-clause loop whose body assigns the variable
/// (`i++` to skip an element): the copy would take the assignment and the
/// loop would no longer see it.
enum LoopCopyFix {
    static func fix(copying variable: NodeID, in loop: NodeID, _ context: RuleContext) -> SuggestedFix? {
        let tree = context.tree
        let file = context.file
        let body = tree.loopBody(loop) ?? .none
        guard body.exists, Int(tree[body].start) < tree.source.count, tree.source[Int(tree[body].start)] == UInt8(ascii: "{") else { return nil }
        let bodyRange = tree[body]
        if tree.kind(loop) == .forStmt {
            for reference in file.resolution.references(to: variable) {
                let start = tree[reference].start
                guard start >= bodyRange.start && start < bodyRange.end else { continue }
                let use = ReferenceUse(reference: reference, tree: tree, parents: file.parents)
                if use.context == .assignedTo || tree.kind(file.parents[use.chain]) == .incDecStmt { return nil }
            }
        }
        let name = tree.text(variable)
        let copy = "\(name) := \(name)"
        let brace = bodyRange.start + 1
        guard let insertion = LineInsertion(after: brace, in: tree.source) else {
            // A body on the loop's line: `{ v := v; go f(v) }`.
            return SuggestedFix(message: copy, edits: [TextEdit(start: brace, end: brace, replacement: " \(copy);")])
        }
        var indentation = String(decoding: LineInsertion.lineIndentation(at: tree[loop].start, in: tree.source), as: UTF8.self) + "\t"
        if let first = tree.block(body)?.statements.first, tree[first].start >= insertion.offset {
            indentation = LineInsertion.indentation(ofStatementAt: tree[first].start, in: tree.source)
        }
        return SuggestedFix(message: copy, edits: [insertion.edit(copy, indentation: indentation)])
    }
}
