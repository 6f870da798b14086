import GoSyntax
import LeakAnalysis

/// `lost-cancel`: the cancel function of `context.WithCancel` and friends is
/// discarded, or some path leaves the function without calling or otherwise
/// using it. The derived context (and, for deadlines, its timer) stays
/// alive until the parent is cancelled, which for a background context is
/// never.
///
/// Reported once, at the creating call (where `defer cancel()` goes); the
/// first return (or the end of the function) reachable without a use is its
/// related location.
enum LostCancelRule {
    static let id = "lost-cancel"

    static let rule = Rule(
        id: id, title: "cancel function of a derived context not called on every path", severity: .warning,
        kinds: [.call]
    ) { call, context in check(call, context) }

    /// The context constructors returning a cancel function, and whether they start a timer.
    static let constructors: [String: Bool] = [
        "WithCancel": false, "WithCancelCause": false,
        "WithTimeout": true, "WithDeadline": true, "WithTimeoutCause": true, "WithDeadlineCause": true,
    ]

    static func check(_ call: NodeID, _ context: RuleContext) {
        let tree = context.tree
        guard let callee = tree.call(call)?.function, let method = tree.selector(callee)?.name,
            tree.bytes(method).starts(with: [0x57, 0x69, 0x74, 0x68]),  // "With"
            let (path, name) = context.types.qualifiedName(callee), path == "context",
            let startsTimer = constructors[name]
        else { return }
        let what = startsTimer ? "the context and its timer leak" : "the context leaks"
        let parent = context.file.parents[call]
        let cancelTarget: NodeID
        var statement = parent
        // `ctx, cancel := context.WithCancel(...)`, `var ctx, cancel = ...`, or the call alone.
        if let assign = tree.assign(parent) {
            guard assign.lhs.count == 2, assign.rhs.count == 1 else { return }
            cancelTarget = assign.lhs[1]
        } else if let spec = tree.valueSpec(parent) {
            guard spec.names.count == 2, spec.values.count == 1 else { return }
            cancelTarget = spec.names[1]
            statement = context.file.parents[context.file.parents[parent]]  // valueSpec -> genDecl -> declStmt
        } else if tree.kind(parent) == .exprStmt {
            reportDiscarded(call, name, what, "cancel", context)
            return
        } else {
            return
        }
        if tree.kind(cancelTarget) == .ident && tree.spells(cancelTarget, "_") {
            reportDiscarded(call, name, what, "cancel", context)
            return
        }
        // Only a local of the enclosing function is this function's responsibility.
        let function = context.file.resolution.function(containing: call)
        guard tree.kind(cancelTarget) == .ident, let declaration = context.file.resolution.local(for: cancelTarget),
            declaration.function == function, function.exists
        else { return }
        if isMainFunction(function, context) { return }
        guard let search = context.exitSearch(ofFunction: function), search.graph.location(of: statement) != nil else { return }
        let graph = search.graph

        guard let witness = search.firstUnstoppedExit(after: statement, stops: uses(of: declaration.name, in: graph, of: function, context))
        else { return }

        let variable = tree.text(cancelTarget)
        let witnessMessage = witness == graph.body
            ? "the end of the function is reached with \(variable) uncalled"
            : "this return leaves \(variable) uncalled"
        // Deferring is right when cancel is otherwise only called here.
        let fix = DeferFix.after(
            statement, deferring: "\(variable)()", checksError: false, variable: declaration.name,
            keepsOwnership: { use in
                if case .called = use.context { return use.path.isEmpty }
                return false
            }, context)
        context.report(
            call,
            "the cancel function returned by context.\(name) is not called on every path: \(what) until the parent is cancelled; defer \(variable)() right after the call",
            related: [ResourceTracking.witnessLocation(witness, graph: graph, context, witnessMessage)], fix: fix)
    }

    /// The items that call or otherwise use a cancel variable: the same for
    /// every context it holds, so placed once.
    static func uses(of variable: NodeID, in graph: ControlFlowGraph, of function: NodeID, _ context: RuleContext) -> StopItems {
        if let known = context.caches.cancelUses[variable.index] { return known }
        var items: [NodeID] = []
        for reference in context.file.resolution.references(to: variable) {
            context.work += 1
            guard ReferenceUse(reference: reference, tree: context.tree, parents: context.file.parents).context != .assignedTo,
                let item = context.item(evaluating: reference, in: graph, of: function)
            else { continue }
            items.append(item)
        }
        let uses = StopItems(items, in: graph)
        context.caches.cancelUses[variable.index] = uses
        return uses
    }

    static func reportDiscarded(_ call: NodeID, _ name: String, _ what: String, _ variable: String, _ context: RuleContext) {
        context.report(
            call,
            "the cancel function returned by context.\(name) is discarded: \(what) until the parent is cancelled; assign it and defer \(variable)()")
    }

    /// `func main` of package main: the process ends with it, so only a discarded cancel matters.
    static func isMainFunction(_ function: NodeID, _ context: RuleContext) -> Bool {
        guard let declaration = context.tree.functionDeclaration(function) else { return false }
        return !declaration.receiver.exists && context.tree.spells(declaration.name, "main") && context.file.packageName == "main"
    }
}
