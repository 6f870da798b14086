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
    /// The index of `statement` in a statement list, or nil when it is not
    /// one of its statements. Statements are in source order, so the index
    /// is found by bisection, not by a walk over the list.
    func index(of statement: NodeID, in list: NodeList) -> Int? {
        let start = tree[statement].start
        var low = 0
        var high = Int(list.count)
        while low < high {
            let middle = (low + high) / 2
            if tree[tree.id(list, middle)].start < start { low = middle + 1 } else { high = middle }
        }
        // Empty statements may share a start with their neighbour.
        while low < Int(list.count) && tree[tree.id(list, low)].start == start {
            if tree.id(list, low) == statement { return low }
            low += 1
        }
        return nil
    }

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
