import GoSyntax
import LeakAnalysis

extension SyntaxTree {
    /// A node's source text without spaces, tabs or newlines, so that `s . mu`
    /// and `s.mu` name the same thing when rules match receivers by text.
    func compactText(_ id: NodeID) -> [UInt8] {
        bytes(id).filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// The method name of `x.Name(...)` when the callee is written directly as
    /// a selector (not through parentheses); nil for any other callee.
    func methodName(_ call: CallExpression) -> NodeID? {
        selectorCallee(call)?.name
    }
}

extension RuleContext {
    /// Whether `call` calls the predeclared function `name` (`append(...)`,
    /// `panic(...)`): the callee is that identifier and no local shadows it.
    func callsBuiltin(_ call: CallExpression, _ name: StaticString) -> Bool {
        let function = call.function
        return tree.kind(function) == .ident && tree.spells(function, name) && file.resolution.local(for: function) == nil
    }

    /// The index of `statement` in a statement list, or nil when it is not
    /// one of its statements. Statements are in source order, so the index
    /// is found by bisection, not by a walk over the list.
    func index(of statement: NodeID, in list: NodeIDs) -> Int? {
        let start = tree[statement].start
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if tree[list[middle]].start < start { low = middle + 1 } else { high = middle }
        }
        // Empty statements may share a start with their neighbour.
        while low < list.count && tree[list[low]].start == start {
            if list[low] == statement { return low }
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
            let kind = tree.kind(current)
            switch kind {
            case .funcLit, .funcDecl:
                return nil
            case .forStmt:
                if let loop = tree.forStatement(current),
                    loop.body == child || (countingHeader && (loop.condition == child || loop.post == child)) {
                    return current
                }
            case .rangeStmt:
                if tree.range(current)?.body == child { return current }
            default:
                if barriers.contains(kind) { return nil }
            }
            child = current
            current = file.parents[current]
        }
        return nil
    }
}
