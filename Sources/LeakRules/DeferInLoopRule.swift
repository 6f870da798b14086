import GoSyntax
import LeakAnalysis

/// `defer-in-loop`: a deferred release directly in a loop runs when the
/// function returns, not when the iteration ends; every iteration adds one
/// more open file, held lock or live timer until then.
enum DeferInLoopRule {
    static let id = "defer-in-loop"

    static let rule = Rule(
        id: id, title: "deferred release inside a loop", severity: .warning, kinds: [.deferStmt]
    ) { statement, context in check(statement, context) }

    /// Method names whose deferred call releases something.
    static let releaseMethods: Set<String> = ["Close", "Unlock", "RUnlock", "Stop", "Rollback", "Release"]

    static func check(_ statement: NodeID, _ context: RuleContext) {
        let tree = context.tree
        guard let deferred = tree.deferStatement(statement), let call = tree.call(deferred.call),
            isRelease(call, context), isDirectlyInLoop(statement, context),
            !iterationEndsTheLoop(after: statement, context)
        else { return }
        context.report(
            statement,
            "\(tree.text(statement)) runs only when the function returns, not at the end of each iteration: resources pile up with every iteration; wrap the loop body in a function or release explicitly")
    }

    /// `x.Close()`-like method calls, and `cancel()` of a context created in the function.
    static func isRelease(_ call: CallExpression, _ context: RuleContext) -> Bool {
        let tree = context.tree
        let function = call.function
        if let method = tree.methodName(call) { return releaseMethods.contains(tree.text(method)) }
        guard tree.kind(function) == .ident, let local = context.file.resolution.local(for: function) else { return false }
        if let value = tree.call(local.value),
            let (path, name) = context.types.qualifiedName(value.function), path == "context", name.hasPrefix("With") {
            return true
        }
        let name = tree.text(function)
        return name == "cancel" || name == "cancelFunc"
    }

    /// Whether the rest of the iteration, after the defer, always returns or
    /// breaks out of the loop (`mu.Lock(); defer mu.Unlock(); ...; return`):
    /// then the defer runs once and nothing piles up.
    static func iterationEndsTheLoop(after statement: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        let parents = context.file.parents
        var current = statement
        while true {
            let container = parents[current]
            let kind = tree.kind(container)
            if kind == .forStmt || kind == .rangeStmt || kind == .funcLit || kind == .funcDecl || !container.exists { return false }
            context.work += 1
            // Statements are in source order: a later one ends the loop when the last such starts after this one.
            if lastLoopExit(in: container, context) > tree[current].start { return true }
            // Leaving a loop body: the next iteration comes.
            let grandparent = parents[container]
            if kind == .blockStmt, tree.kind(grandparent) == .forStmt || tree.kind(grandparent) == .rangeStmt { return false }
            current = container
        }
    }

    /// The start of the last statement directly in the list held by
    /// `container` (a block or a clause) that returns or breaks out of the
    /// loop; -1 if none. Computed once per list, so that many defers in one
    /// loop body cost one pass over it.
    static func lastLoopExit(in container: NodeID, _ context: RuleContext) -> Int32 {
        if let known = context.caches.lastLoopExits[container.index] { return known }
        let tree = context.tree
        var last: Int32 = -1
        for statement in tree.statements(of: container) ?? .empty {
            context.work += 1
            if tree.kind(statement) == .returnStmt {
                last = tree[statement].start
            } else if let branch = tree.branch(statement), branch.keyword == .kwBreak, !branch.label.exists {
                // Only a break that leaves the loop (not a switch or select inside it).
                let target = LoopVarCaptureRule.innermostBreakable(from: statement, context)
                if tree.kind(target) == .forStmt || tree.kind(target) == .rangeStmt { last = tree[statement].start }
            }
        }
        context.caches.lastLoopExits[container.index] = last
        return last
    }

    /// Inside a for/range body, with no function literal in between. A
    /// defer in a `select` case of an event loop is left alone: such a case
    /// usually fires once (a timer, a fallback), which the graph cannot tell.
    static func isDirectlyInLoop(_ statement: NodeID, _ context: RuleContext) -> Bool {
        context.enclosingLoop(of: statement, barriers: [.commClause]) != nil
    }
}
