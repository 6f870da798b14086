import GoSyntax
import LeakAnalysis

/// `unstopped-timer`: before Go 1.23 a ticker or timer is not garbage
/// collected until it is stopped (a ticker: ever; a timer: until it fires).
/// Reports tickers not stopped on every path, timers that can be abandoned
/// before firing, `time.Tick` in functions that return, and `time.After`
/// evaluated on every iteration of a loop.
enum UnstoppedTimerRule {
    static let id = "unstopped-timer"

    static let rule = Rule(
        id: id, title: "ticker or timer not stopped before it becomes unreachable", severity: .warning, kinds: [.call]
    ) { call, context in check(call, context) }

    static func check(_ call: NodeID, _ context: RuleContext) {
        let tree = context.tree
        guard context.file.version < .collectableTimers, let callExpression = tree.call(call),
            let function = tree.selectorCallee(callExpression),
            isTimerFunctionName(function.name, tree),
            let (path, name) = context.types.qualifiedName(function.id), path == "time"
        else { return }
        switch name {
        case "NewTicker": checkTicker(call, isTicker: true, context)
        case "NewTimer": checkTicker(call, isTicker: false, context)
        case "Tick": checkTick(call, context)
        case "After": checkAfter(call, context)
        default: return
        }
    }

    static func isTimerFunctionName(_ name: NodeID, _ tree: SyntaxTree) -> Bool {
        tree.spells(name, "NewTicker") || tree.spells(name, "NewTimer") || tree.spells(name, "Tick") || tree.spells(name, "After")
    }

    static func checkTicker(_ call: NodeID, isTicker: Bool, _ context: RuleContext) {
        guard case .local(let variable, _, _, let statement) = ResourceTracking.binding(of: call, resultCount: 1, context),
            let verdict = ResourceTracking.leakPath(
                variable: variable, error: nil, statement: statement, context,
                effectName: isTicker ? "ticker" : "timer", neverTaken: endlessTimerRanges,
                effect: { effect(of: $0, isTicker: isTicker) })
        else { return }
        let name = context.tree.text(variable)
        let witness = ResourceTracking.witnessLocation(
            verdict, context,
            verdict.witness == verdict.graph.body ? "the end of the function is reached with \(name) running" : "this return leaves \(name) running")
        let fix = DeferFix.after(
            statement, deferring: "\(name).Stop()", checksError: false, variable: variable,
            keepsOwnership: { effect(of: $0, isTicker: isTicker) != .handOff }, context)
        if isTicker {
            let how = verdict.releasedSomewhere ? "is not stopped on every path" : "is never stopped"
            context.report(
                call, "ticker \(name) \(how): it keeps firing and is never collected (before Go 1.23); defer \(name).Stop()",
                related: [witness], fix: fix)
        } else {
            context.report(
                call,
                "timer \(name) is not stopped on every path that returns before it fires: it is not collected until it fires (before Go 1.23); defer \(name).Stop()",
                related: [witness], fix: fix)
        }
    }

    static func effect(of use: ReferenceUse, isTicker: Bool) -> ResourceTracking.Effect {
        guard let first = use.path.first else {
            return use.context == .compared ? .read : .handOff
        }
        switch first {
        case "Stop":
            if case .called = use.context { return .release }
            return .handOff
        case "Reset":
            if case .called = use.context { return .read }
            return .handOff
        case "C":
            // Receiving from a timer's channel means it fired: nothing left to collect.
            if !isTicker, use.path.count == 1, use.context == .received || use.context == .ranged { return .release }
            if use.path.count == 1 && (use.context == .received || use.context == .ranged) { return .read }
            return .handOff
        default:
            return .read
        }
    }

    /// The exit edges of `for range t.C` / `for range time.Tick(d)`.
    static let endlessTimerRanges = NeverTakenEdges(name: "endless-timer-ranges") { edge, context in
        endlessRangeExit(edge, context)
    }

    /// The exit edge of `for range t.C` / `for range time.Tick(d)`: such a
    /// channel is never closed, so the loop only ends through break or return.
    static func endlessRangeExit(_ edge: ControlFlowGraph.Edge, _ context: RuleContext) -> Bool {
        guard edge.condition.exists, !edge.whenTrue, let loop = context.tree.range(edge.condition) else { return false }
        return rangesOverTimerChannel(loop.expression, context)
    }

    static func rangesOverTimerChannel(_ expression: NodeID, _ context: RuleContext) -> Bool {
        let tree = context.tree
        if let selector = tree.selector(expression), tree.spells(selector.name, "C") {
            if let type = context.types.type(of: selector.base), type.dereferenced == .named(package: "time", name: "Ticker") {
                return true
            }
        }
        if let (path, name) = context.qualifiedCallee(of: expression), path == "time", name == "Tick" {
            return true
        }
        return false
    }

    static func checkTick(_ call: NodeID, _ context: RuleContext) {
        let file = context.file
        let function = file.resolution.function(containing: call)
        guard function.exists, !LostCancelRule.isMainFunction(function, context),
            let search = context.exitSearch(ofFunction: function, without: endlessTimerRanges),
            let item = search.graph.item(containing: call, tree: context.tree, parents: file.parents),
            search.firstUnstoppedExit(after: item, stops: []) != nil
        else { return }
        context.report(call, "time.Tick leaks its ticker when this function returns (before Go 1.23); use time.NewTicker and defer Stop()")
    }

    static func checkAfter(_ call: NodeID, _ context: RuleContext) {
        // Evaluated on every iteration: in the body, or in a three-clause loop's condition or post statement.
        guard context.enclosingLoop(of: call, countingHeader: true) != nil else { return }
        context.report(
            call,
            "time.After in a loop creates a timer on every iteration that is not collected until it fires (before Go 1.23); create one time.NewTimer before the loop and Reset it")
    }
}
