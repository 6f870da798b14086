import GoSyntax
import LeakAnalysis

extension SyntaxTree {
    /// A node's source text without spaces, tabs or newlines, so that `s . mu`
    /// and `s.mu` name the same thing when rules match receivers by text.
    func compactText(_ id: NodeID) -> [UInt8] {
        bytes(id).filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}

extension RuleContext {
    /// The innermost loop that runs `node` on every iteration: `node` is in
    /// the loop's body (or, with `countingHeader`, in a three-clause loop's
    /// condition or post statement). The search stops at a function boundary
    /// and at any node kind in `barriers`.
    func enclosingLoop(of node: NodeID, countingHeader: Bool = false, barriers: Set<NodeKind> = []) -> NodeID? {
        var child = node
        var current = file.parents[node]
        while current.exists {
            let parent = tree[current]
            switch parent.kind {
            case .funcLit, .funcDecl:
                return nil
            case .forStmt:
                if parent.childD == child || (countingHeader && (parent.childB == child || parent.childC == child)) { return current }
            case .rangeStmt:
                if parent.childD == child { return current }
            default:
                if barriers.contains(parent.kind) { return nil }
            }
            child = current
            current = file.parents[current]
        }
        return nil
    }
}
